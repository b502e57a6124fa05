// `dtload sandbox [--port N] [--reset]`: serve the sandbox organisation on 127.0.0.1 until interrupted.
import type { Command } from 'commander';
import { translate } from '../../../shared/i18n';
import { resetSandboxState, sandboxStatePath, startSavedSandbox } from '../../core/sandbox';
import { untilStopSignal } from '../../web/stop-signal';
import type { CliContext } from '../context';
import { CliError } from '../errors';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('sandbox')
    .description(
      'serve the sandbox organisation (a local DingTalk for demos and tests) on 127.0.0.1; ' +
        'its contacts are kept in the data dir between runs, as with --sandbox',
    )
    .option('--port <n>', 'port to listen on (0 = any free port)', '0')
    .option('--contacts <n>', 'number of seeded contacts when starting afresh', '500')
    .option('--reset', 'start again from the seeded organisation')
    .action(async (opts: { port: string; contacts: string; reset?: boolean }, cmd: Command) => {
      const port = Number(opts.port);
      const contacts = Number(opts.contacts);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(translate(ctx.lang(cmd), 'cli.badPort', { value: opts.port }));
      if (!Number.isInteger(contacts) || contacts < 0)
        throw new CliError(translate(ctx.lang(cmd), 'cli.badContacts', { value: opts.contacts }));
      const statePath = sandboxStatePath(ctx.dataDir(cmd));
      if (opts.reset) await resetSandboxState(statePath);
      // Saved after each write, before its answer, as with --sandbox: a kill -9 loses no answered write.
      const sandbox = await startSavedSandbox(statePath, { port, contacts });
      const lang = ctx.lang(cmd);
      ctx.stdout.write(
        translate(lang, 'cli.sandboxListening', { count: sandbox.contacts().length, url: sandbox.baseUrl }) +
          `\n${translate(lang, 'cli.sandboxPointAt')}\n` +
          `  export DTLOAD_BASE_URL=${sandbox.baseUrl} DTLOAD_APP_KEY=${sandbox.appKey} DTLOAD_APP_SECRET=${sandbox.appSecret}\n` +
          `${translate(lang, 'cli.sandboxStop')}\n`,
      );
      await untilStopSignal();
      await sandbox.close();
    });
}
