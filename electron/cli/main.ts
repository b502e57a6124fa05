// Entry of the `dtload` command: parse, run, map every failure to one clear line and the contract's exit code.
import { CommanderError } from 'commander';
import { isDingTalkError, type DingTalkError } from '../core/dingtalk';
import { clip } from '../../shared/clip';
import { isDirectoryError } from '../core/directory';
import { DamagedJobError, JobLockedError } from '../core/engine';
import { SheetError } from '../core/sheets';
import { hintFor } from '../../shared/errcodes';
import { defaultLang, parseLang, translate, type Lang } from '../../shared/i18n';
import { createContext, DEFAULT_BASE_URL, MAINLAND_BASE_URL, type CliContext } from './context';
import { CliError, EXIT } from './errors';
import { buildProgram } from './program';

export async function main(argv: string[], ctx: CliContext = createContext()): Promise<number> {
  try {
    const program = await buildProgram(ctx, argv);
    await program.parseAsync(argv);
    return ctx.exitCode ?? EXIT.ok;
  } catch (e) {
    return reportFailure(e, ctx, argv);
  }
}

/** The language of a failure line: `--lang` if it was given and valid, else the default (DTLOAD_LANG, OS). */
function failureLang(argv: readonly string[], ctx: CliContext): Lang {
  return parseLang(optionValue(argv, '--lang')) ?? defaultLang(ctx.env);
}

/** The value of a global option as given (`--name V` or `--name=V`), the last one winning. */
function optionValue(argv: readonly string[], name: string): string | undefined {
  let given: string | undefined;
  argv.forEach((a, i) => {
    if (a === name) given = argv[i + 1];
    else if (a.startsWith(`${name}=`)) given = a.slice(name.length + 1);
  });
  return given;
}

/** "cannot reach DingTalk at HOST (ENOTFOUND)…" with the option and variable that set the host. */
function unreachableLine(e: DingTalkError, lang: Lang, argv: readonly string[], ctx: CliContext): string {
  const baseUrl = optionValue(argv, '--base-url') ?? ctx.env.DTLOAD_BASE_URL ?? DEFAULT_BASE_URL;
  let host: string;
  try {
    host = new URL(baseUrl).host;
  } catch {
    host = baseUrl;
  }
  const code = /^E[A-Z_]+/.exec(e.errmsg)?.[0];
  const why =
    e.errcode === 'timeout'
      ? translate(lang, 'cli.unreachable.timeout')
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? translate(lang, 'cli.unreachable.dns')
        : code === 'ECONNREFUSED'
          ? translate(lang, 'cli.unreachable.refused')
          : (code ?? translate(lang, 'cli.unreachable.dropped'));
  return translate(lang, 'cli.unreachable', {
    host: clip(host, 80),
    why,
    sent: e.sent ? '' : translate(lang, 'cli.unreachable.nothingSent'),
    mainland: MAINLAND_BASE_URL,
    international: DEFAULT_BASE_URL,
  });
}

function reportFailure(e: unknown, ctx: CliContext, argv: readonly string[]): number {
  const lang = failureLang(argv, ctx);
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
    say(e.in(lang));
    return EXIT.usage;
  }
  if (isDirectoryError(e)) {
    // The staff directory could not be read: stopped before any write (a permission, or a failed call).
    say(e.message);
    return EXIT.fatal;
  }
  if (isDingTalkError(e) && (e.errcode === 'network' || e.errcode === 'timeout')) {
    // Failed as a whole, not row by row: the host named by --base-url / DTLOAD_BASE_URL did not answer.
    say(unreachableLine(e, lang, argv, ctx));
    return EXIT.unreachable;
  }
  if (isDingTalkError(e)) {
    say(`${e.message}. ${hintFor(e.errcode, lang)}`);
    return e.retryClass === 'job-fatal' || e.retryClass === 'token' ? EXIT.fatal : EXIT.rowsFailed;
  }
  const err = e as NodeJS.ErrnoException;
  if (err && (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR')) {
    const key = err.code === 'ENOENT' ? 'notFound' : err.code === 'EACCES' ? 'denied' : 'folder';
    say(translate(lang, `cli.cannotAccess.${key}`, { path: err.path ?? '' }));
    return EXIT.usage;
  }
  if (e instanceof DamagedJobError) {
    say(translate(lang, 'cli.seeJobs', { message: e.in(lang) }));
    return EXIT.usage;
  }
  if (e instanceof JobLockedError) {
    say(e.message);
    return EXIT.usage;
  }
  say(
    translate(lang, 'cli.internal', {
      code: EXIT.internal,
      message: err?.message ?? String(e),
      debug: ctx.env.DTLOAD_DEBUG ? '' : translate(lang, 'cli.internalDebug'),
    }),
  );
  if (ctx.env.DTLOAD_DEBUG) ctx.stderr.write(`${err?.stack ?? ''}\n`);
  return EXIT.internal;
}
