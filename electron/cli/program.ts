// The `dtload` command tree (cli-contract.md). Each command lives in commands/<name>.ts and is listed in
// commands/index.ts; only the module of the command being run is imported (fast `--help` and light commands).
import { Command, Option } from 'commander';
import { translate } from '../../shared/i18n';
import type { CliContext } from './context';
import { localiseUsageError } from './error-lang';
import { argvLang, localiseHelp } from './help-lang';
import { COMMANDS, type CommandEntry } from './commands/index';
import { dtloadVersion } from './version';

function addGlobalOptions(program: Command): Command {
  return program
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
    .addOption(
      new Option(
        '--lang <lang>',
        'language of sheet headers, templates, reports and messages: zh-CN or en (default: env DTLOAD_LANG, else the OS locale)',
      ),
    );
}

/** The table entry of the command argv runs (`dtload [globals] <name> …` or `dtload help <name>`), if any. */
export function invokedCommand(argv: readonly string[]): CommandEntry | undefined {
  // Silent, and throwing rather than exiting: a usage error (`--lang` without its value) is the real
  // parse's to report, in the admin's language and with exit code 2.
  const probe = addGlobalOptions(new Command())
    .helpOption(false)
    .allowUnknownOption()
    .exitOverride()
    .configureOutput({ writeErr: () => {}, outputError: () => {} });
  let operands: string[];
  try {
    ({ operands } = probe.parseOptions(argv.slice(2)));
  } catch {
    return undefined;
  }
  const name = operands[0] === 'help' ? operands[1] : operands[0];
  return COMMANDS.find((c) => c.name === name);
}

export async function buildProgram(ctx: CliContext, argv: readonly string[] = []): Promise<Command> {
  const lang = argvLang(argv, ctx.env);
  const program = addGlobalOptions(
    new Command('dtload').description(
      "Bulk-edit a DingTalk organisation's external contacts from spreadsheets.",
    ),
  )
    .version(dtloadVersion(), '-V, --version', 'print the version')
    .addHelpText(
      'after',
      lang === 'en'
        ? '\nCredentials come from the environment: DTLOAD_APP_KEY and DTLOAD_APP_SECRET.\n' +
            'Exit codes: 0 ok · 1 some rows failed or invalid · 2 usage or input error · 3 stopped by DingTalk (credentials, permission, quota) · 4 DingTalk unreachable (check --base-url) · 70 internal error (a bug) · 130 interrupted (resumable).'
        : `\n${translate(lang, 'help.after')}`,
    )
    // A usage error is its line and where to look, not the whole help (which buries the line).
    .showHelpAfterError(translate(lang, 'help.afterError', { command: 'dtload' }))
    .exitOverride();
  program.configureOutput({
    writeOut: (s) => ctx.stdout.write(s),
    writeErr: (s) => ctx.stderr.write(s),
    outputError: (s, write) => write(localiseUsageError(s, lang)),
  });
  const invoked = invokedCommand(argv);
  for (const entry of COMMANDS) {
    if (entry === invoked) (await entry.load()).register(program, ctx);
    // Listed in `dtload --help` by name and summary; never run (argv names another command or none).
    else program.command(entry.name).description(entry.summary);
  }
  for (const sub of program.commands)
    sub
      .exitOverride()
      .showHelpAfterError(translate(lang, 'help.afterError', { command: `dtload ${sub.name()}` }));
  localiseHelp(program, lang);
  return program;
}
