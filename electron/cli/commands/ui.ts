// `dtload ui [--sandbox] [--port N]`: the desktop app's screens in the browser (web mode) on 127.0.0.1.
import type { Command } from 'commander';
import { translate } from '../../../shared/i18n';
import { startWebServer } from '../../web/server';
import { PAGES_NOT_BUILT, pagesBuilt } from '../../web/built-pages';
import { untilStopSignal } from '../../web/stop-signal';
import type { CliContext } from '../context';
import { CliError } from '../errors';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('ui')
    .description(
      "serve the app's screens on 127.0.0.1 (web mode); the printed address carries an access token",
    )
    .option('--port <n>', 'port to listen on (0 = any free port)', '0')
    .action(async (opts: { port: string }, cmd: Command) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(translate(ctx.lang(cmd), 'cli.badPort', { value: opts.port }));
      const { sandbox } = ctx.globals(cmd);
      if (!pagesBuilt()) throw new CliError(PAGES_NOT_BUILT);
      const server = await startWebServer({ dataDir: ctx.dataDir(cmd), port, sandbox });
      ctx.stdout.write(
        `dtload web mode${sandbox ? ' (sandbox organisation)' : ''}: open ${server.url}\n` +
          'Credentials entered there are kept in memory only. Press Ctrl+C to stop.\n',
      );
      await untilStopSignal();
      await server.close();
    });
}
