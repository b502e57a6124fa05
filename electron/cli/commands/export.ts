// `dtload export <out.xlsx|out.csv> [--json]`: every external contact, labels as names.
import type { Command } from 'commander';
import { exportMatches } from '../../core/contacts';
import { exportContacts } from '../../core/export';
import { translate } from '../../../shared/i18n';
import type { Connection } from '../context';
import { ageText, cliLang, loadIndex, matchQuery, namesPeople, peopleFor } from './workspace';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { createProgress } from '../progress';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description(
      'write every external contact to .xlsx or .csv, labels as names (one column per label group)',
    )
    .argument('<out>', 'output file, .xlsx or .csv')
    .option('--json', 'print NDJSON progress events and a summary on stdout')
    .option('--ids', 'write owners and sharing as raw userids and department ids (default: names)')
    .option('--where <query>', 'export just the contacts this query selects (see docs/cli.md)')
    .option('--refresh', 'with --where: read every contact into the local index again before matching')
    .action(
      async (
        out: string,
        opts: { json?: boolean; ids?: boolean; where?: string; refresh?: boolean },
        cmd: Command,
      ) => {
        if (!/\.(xlsx|csv)$/i.test(out))
          throw new CliError(`"${out}": the output file must end in .xlsx or .csv`);
        const conn = await ctx.connect(cmd);
        if (opts.where !== undefined) {
          try {
            await exportWhere(ctx, cmd, conn, out, { ...opts, where: opts.where });
          } finally {
            await conn.close();
          }
          return;
        }
        const progress = createProgress('Exporting contacts', {
          json: opts.json,
          stream: ctx.stderr,
          out: ctx.stdout,
        });
        try {
          const res = await exportContacts({
            client: conn.client,
            path: out,
            ids: Boolean(opts.ids),
            language: cliLang(ctx, cmd),
            onProgress: (done) => progress.update({ done, extra: 'contacts' }),
          });
          progress.finish();
          // Names need the directory: without its permission the export holds ids, and says why.
          if (res.warning) ctx.stderr.write(`dtload: ${res.warning}\n`);
          if (opts.json) {
            ctx.stdout.write(JSON.stringify({ event: 'summary', ...res }) + '\n');
          } else {
            ctx.stdout.write(
              `Exported ${res.contacts} contacts (${res.labelGroups} label groups as columns) from ${conn.label} to ${out}\n`,
            );
          }
        } finally {
          await conn.close();
        }
      },
    );
}

async function exportWhere(
  ctx: CliContext,
  cmd: Command,
  conn: Connection,
  out: string,
  opts: { json?: boolean; where: string; refresh?: boolean },
): Promise<void> {
  const lang = cliLang(ctx, cmd);
  const index = await loadIndex(ctx, cmd, conn, opts);
  const people = await peopleFor(ctx, cmd, conn, namesPeople(opts.where));
  const matches = matchQuery(index, opts.where, lang, people);
  if (matches.length === 0) {
    const line = translate(lang, 'edit.noMatches', { query: opts.where });
    ctx.stdout.write(
      (opts.json ? JSON.stringify({ event: 'summary', contacts: 0, message: line }) : line) + '\n',
    );
    return;
  }
  if (!opts.json) {
    ctx.stdout.write(
      translate(lang, 'edit.matches', {
        count: matches.length,
        query: opts.where,
        total: index.size,
        age: ageText(index, lang),
      }) + '\n',
    );
  }
  const progress = createProgress('Exporting contacts', {
    json: opts.json,
    stream: ctx.stderr,
    out: ctx.stdout,
  });
  try {
    const res = await exportMatches({
      client: conn.client,
      index,
      userIds: matches.map((m) => m.c.userid),
      path: out,
      onProgress: (phase, done, total) =>
        progress.update({ done, ...(total ? { total } : {}), extra: phase }),
    });
    progress.finish();
    if (opts.json) ctx.stdout.write(JSON.stringify({ event: 'summary', where: opts.where, ...res }) + '\n');
    else
      ctx.stdout.write(
        `Exported ${res.contacts} contacts matching "${opts.where}" from ${conn.label} to ${out}\n`,
      );
  } catch (e) {
    progress.finish();
    throw e;
  }
}
