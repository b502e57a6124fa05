// `dtload sandbox [--port N]`: serve the sandbox organisation on 127.0.0.1 until interrupted.
import type { Command } from 'commander';
import { startSandbox } from '../../core/sandbox';
import type { CliContext } from '../context';
import { CliError } from '../errors';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('sandbox')
    .description('serve the sandbox organisation (a local DingTalk for demos and tests) on 127.0.0.1')
    .option('--port <n>', 'port to listen on (0 = any free port)', '0')
    .option('--contacts <n>', 'number of seeded contacts', '500')
    .action(async (opts: { port: string; contacts: string }) => {
      const port = Number(opts.port);
      const contacts = Number(opts.contacts);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port must be 0-65535, got "${opts.port}"`);
      if (!Number.isInteger(contacts) || contacts < 0)
        throw new CliError(`--contacts must be a whole number, got "${opts.contacts}"`);
      const sandbox = await startSandbox({ port, contacts });
      ctx.stdout.write(
        `Sandbox organisation listening on ${sandbox.baseUrl}\n` +
          `  DTLOAD_BASE_URL=${sandbox.baseUrl} DTLOAD_APP_KEY=${sandbox.appKey} DTLOAD_APP_SECRET=<the sandbox secret: ${sandbox.appSecret}>\n` +
          'Press Ctrl+C to stop.\n',
      );
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await sandbox.close();
    });
}
