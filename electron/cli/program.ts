// The `dtload` command tree (cli-contract.md). Each command lives in commands/<name>.ts.
import { Command, Option } from 'commander';
import type { CliContext } from './context';
import * as deleteCmd from './commands/delete';
import * as duplicatesCmd from './commands/duplicates';
import * as editCmd from './commands/edit';
import * as exportCmd from './commands/export';
import * as importCmd from './commands/import';
import * as jobsCmd from './commands/jobs';
import * as labelsCmd from './commands/labels';
import * as resumeCmd from './commands/resume';
import * as sandboxCmd from './commands/sandbox';
import * as templateCmd from './commands/template';
import * as uiCmd from './commands/ui';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('dtload')
    .description("Bulk-edit a DingTalk organisation's external contacts from spreadsheets.")
    .addOption(new Option('--sandbox', 'use the built-in sandbox organisation (no credentials needed)'))
    .addOption(
      new Option(
        '--base-url <url>',
        'DingTalk API host: https://oapi.dingtalk.io (default) or https://oapi.dingtalk.com (mainland)',
      ).env('DTLOAD_BASE_URL'),
    )
    .addOption(new Option('--max-qps <n>', 'upper bound on calls per second per endpoint').default('20'))
    .addOption(
      new Option('--data-dir <dir>', 'where job journals, reports and backups live').env('DTLOAD_HOME'),
    )
    .addHelpText(
      'after',
      '\nCredentials come from the environment: DTLOAD_APP_KEY and DTLOAD_APP_SECRET.\n' +
        'Exit codes: 0 ok · 1 some rows failed or invalid · 2 usage or input error · 3 stopped by DingTalk (credentials, permission, quota) · 130 interrupted (resumable).',
    )
    .showHelpAfterError()
    .exitOverride();
  program.configureOutput({
    writeOut: (s) => ctx.stdout.write(s),
    writeErr: (s) => ctx.stderr.write(s),
  });
  for (const cmd of [
    labelsCmd,
    exportCmd,
    templateCmd,
    importCmd,
    deleteCmd,
    editCmd,
    duplicatesCmd,
    jobsCmd,
    resumeCmd,
    sandboxCmd,
    uiCmd,
  ]) {
    cmd.register(program, ctx);
  }
  for (const sub of program.commands) sub.exitOverride().showHelpAfterError();
  return program;
}
