// What `edit`, `export --where` and `duplicates` share: the local contact index of the organisation (read
// in full on first use, with progress), the admin's language, the people resolver, and running a query
// with bad input as one line (exit 2).
import type { Command } from 'commander';
import { translate, type Lang } from '../../../shared/i18n';
import { DirectoryService } from '../../core/directory';
import {
  directoryPeople,
  EditInputError,
  openIndex,
  QueryError,
  type ContactIndex,
  type IndexedContact,
  type PeopleResolver,
} from '../../core/contacts';
import type { CliContext, Connection } from '../context';
import { CliError } from '../errors';
import { createProgress } from '../progress';

/** A plan that selects no contact: one line (or a JSON summary), exit 0, nothing sent. */
export function sayNoMatches(
  ctx: CliContext,
  command: string,
  line: string,
  json: boolean | undefined,
): void {
  if (json)
    ctx.stdout.write(
      JSON.stringify({ event: 'summary', command, matches: 0, message: line, exitCode: 0 }) + '\n',
    );
  else ctx.stdout.write(line + '\n');
  ctx.exitCode = 0;
}

export function cliLang(ctx: CliContext, cmd: Command): Lang {
  return ctx.lang(cmd);
}

/** The organisation's index, read in full first when it never was (or when --refresh asks). */
export async function loadIndex(
  ctx: CliContext,
  cmd: Command,
  conn: Connection,
  opts: { refresh?: boolean; json?: boolean },
): Promise<ContactIndex> {
  const index = await openIndex(ctx.dataDir(cmd), conn.identity);
  if (index.loaded && !opts.refresh) return index;
  const progress = createProgress(translate(cliLang(ctx, cmd), 'index.loading'), {
    json: opts.json,
    stream: ctx.stderr,
    out: ctx.stdout,
  });
  try {
    await index.refresh(conn.client, (p) =>
      progress.update({ done: p.done, ...(p.total !== null ? { total: p.total } : {}), extra: 'contacts' }),
    );
  } finally {
    progress.finish();
  }
  return index;
}

/** "refreshed 5 minutes ago" in the admin's language. */
export function ageText(index: ContactIndex, lang: Lang): string {
  const m = index.ageMinutes() ?? 0;
  return m < 1 ? translate(lang, 'index.age.now') : translate(lang, 'index.age.minutes', { n: m });
}

/** Whether a query or an action names people or departments (only then is the staff directory read). */
export const namesPeople = (...texts: Array<string | string[] | undefined>): boolean =>
  texts.some((t) =>
    Array.isArray(t)
      ? t.length > 0
      : t !== undefined && /(^|\s|-)(owner|shared-user|shared-dept|负责人|共享员工|共享部门)[:：]/i.test(t),
  );

/**
 * People by name: the staff directory, read through the connection's client (so within the limit). When
 * it cannot be read (no permission), people and departments are taken as ids, and the admin is told.
 */
export async function peopleFor(
  ctx: CliContext,
  cmd: Command,
  conn: Connection,
  needed: boolean,
): Promise<PeopleResolver | undefined> {
  if (!needed) return undefined;
  const lang = cliLang(ctx, cmd);
  try {
    const dir = await new DirectoryService(conn.client, { language: lang }).get();
    return directoryPeople(dir, lang);
  } catch (e) {
    ctx.stderr.write(
      `${e instanceof Error ? e.message : String(e)} — people and departments are taken as ids.\n`,
    );
    return undefined;
  }
}

/** Runs a query; a bad one is one line naming the bad term (exit 2). */
export function matchQuery(
  index: ContactIndex,
  query: string,
  lang: Lang,
  people: PeopleResolver | undefined,
): IndexedContact[] {
  try {
    return index.search(query, { lang, ...(people ? { people } : {}) });
  } catch (e) {
    if (e instanceof QueryError) throw new CliError(e.message);
    throw e;
  }
}

/** Names in actions that name nothing: exit 2 with the line the resolver wrote. */
export function asEditInput<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof EditInputError) throw new CliError(e.message);
    throw e;
  }
}
