// Entry of the `dtload` command: parse, run, map every failure to one clear line and the contract's exit code.
import { CommanderError } from 'commander';
import { isDingTalkError } from '../core/dingtalk';
import { isDirectoryError } from '../core/directory';
import { DamagedJobError, JobLockedError } from '../core/engine';
import { SheetError } from '../core/sheets';
import { hintFor } from '../../shared/errcodes';
import { createContext, type CliContext } from './context';
import { CliError, EXIT } from './errors';
import { buildProgram } from './program';

export async function main(argv: string[], ctx: CliContext = createContext()): Promise<number> {
  try {
    const program = await buildProgram(ctx, argv);
    await program.parseAsync(argv);
    return ctx.exitCode ?? EXIT.ok;
  } catch (e) {
    return reportFailure(e, ctx);
  }
}

function reportFailure(e: unknown, ctx: CliContext): number {
  const say = (line: string): void => void ctx.stderr.write(`dtload: ${line}\n`);
  if (e instanceof CommanderError) {
    // Help and version exit 0; a usage error has already been printed by commander.
    return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (e instanceof CliError) {
    say(e.message);
    return e.exitCode;
  }
  if (e instanceof SheetError) {
    say(e.message);
    return EXIT.usage;
  }
  if (isDirectoryError(e)) {
    // The staff directory could not be read: stopped before any write (a permission, or a failed call).
    say(e.message);
    return EXIT.fatal;
  }
  if (isDingTalkError(e)) {
    say(`${e.message}. ${hintFor(e.errcode)}`);
    return e.retryClass === 'job-fatal' || e.retryClass === 'token' ? EXIT.fatal : EXIT.rowsFailed;
  }
  const err = e as NodeJS.ErrnoException;
  if (err && (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR')) {
    say(
      `cannot access ${err.path ?? 'a file'}: ${err.code === 'ENOENT' ? 'no such file or directory' : err.code === 'EACCES' ? 'permission denied' : 'is a directory'}`,
    );
    return EXIT.usage;
  }
  if (e instanceof DamagedJobError) {
    say(`${e.message}; see \`dtload jobs\` for what can be done`);
    return EXIT.usage;
  }
  if (e instanceof JobLockedError) {
    say(e.message);
    return EXIT.usage;
  }
  say(
    `internal error (a bug in dtload, exit ${EXIT.internal}): ${err?.message ?? String(e)}` +
      (ctx.env.DTLOAD_DEBUG ? '' : ' (set DTLOAD_DEBUG=1 for details)'),
  );
  if (ctx.env.DTLOAD_DEBUG) ctx.stderr.write(`${err?.stack ?? ''}\n`);
  return EXIT.internal;
}
