// `dtload duplicates [--report F] [--merge] [--apply] [--json]`: duplicate contacts (same mobile, same
// name + company, near-identical names at one company) from the local index. --merge plans merging each
// group (keep one, union labels and sharing, delete the others after a backup) like any other plan.
import type { Command } from 'commander';
import { translate } from '../../../shared/i18n';
import { findDuplicates, planMerge, writeDuplicatesReport } from '../../core/contacts';
import { DirectoryService } from '../../core/directory';
import { readPeopleLabels } from '../../core/export';
import { backupBeforeDelete } from '../../core/import';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { checkReportPath, finish, withProgress } from './import';
import { cliLang, loadIndex } from './workspace';

interface DuplicatesOptions {
  report?: string;
  merge?: boolean;
  apply?: boolean;
  refresh?: boolean;
  json?: boolean;
}

const MAX_LISTED = 30;

export function register(program: Command, ctx: CliContext): void {
  program
    .command('duplicates')
    .description(
      'find duplicate contacts (same mobile, same name + company, near-identical names); --merge plans merging them',
    )
    .option('--report <file>', 'write the groups (or, with --merge, the merge report): .xlsx, .csv or .json')
    .option(
      '--merge',
      'plan merging each group: keep one, give it every label and share of the group, delete the others',
    )
    .option('--apply', 'with --merge: back up and send the merge (without it: a dry run that sends nothing)')
    .option('--refresh', 'read every contact into the local index again first')
    .option('--json', 'print NDJSON progress events and a summary on stdout')
    .action(async (opts: DuplicatesOptions, cmd: Command) => {
      const lang = cliLang(ctx, cmd);
      if (opts.apply && !opts.merge) throw new CliError(translate(lang, 'dup.applyNeedsMerge'));
      await checkReportPath(opts.report, ctx.lang(cmd));
      const conn = await ctx.connect(cmd);
      try {
        const index = await loadIndex(ctx, cmd, conn, opts);
        const groups = findDuplicates(index.all().map((c) => c.c));
        const contacts = groups.reduce((n, g) => n + g.userIds.length, 0);
        if (!opts.merge) {
          if (opts.report) {
            // Owners by name as the export writes them (a .json report keeps the contacts as they are).
            const { people, warning } = /\.json$/i.test(opts.report)
              ? {}
              : await readPeopleLabels(new DirectoryService(conn.client, { language: lang }), lang);
            if (warning) ctx.stderr.write(`dtload: ${warning}\n`);
            await writeDuplicatesReport(opts.report, groups, (id) => index.get(id), lang, people);
          }
          if (opts.json) {
            ctx.stdout.write(
              JSON.stringify({
                event: 'summary',
                command: 'duplicates',
                total: index.size,
                groups: groups.length,
                contacts,
                report: opts.report ?? null,
              }) + '\n',
            );
            return;
          }
          const lines = [
            groups.length
              ? translate(lang, 'dup.found', { groups: groups.length, contacts, total: index.size })
              : translate(lang, 'dup.none', { total: index.size }),
          ];
          for (const g of groups.slice(0, MAX_LISTED)) {
            const why = g.reasons.map((r) => translate(lang, `dup.reason.${r}`)).join('; ');
            lines.push(`  #${g.id} (${why}):`);
            for (const id of g.userIds) {
              const c = index.get(id);
              lines.push(
                `    ${id === g.keep ? '*' : ' '} ${id} ${c?.name ?? ''}${c?.company_name ? ` · ${c.company_name}` : ''}${c?.mobile ? ` · ${c.mobile}` : ''}`,
              );
            }
          }
          if (groups.length > MAX_LISTED)
            lines.push(translate(lang, 'dup.more', { count: groups.length - MAX_LISTED }));
          if (opts.report) lines.push(translate(lang, 'cli.reportAt', { path: opts.report }));
          if (groups.length) lines.push(translate(lang, 'dup.mergeHint'));
          ctx.stdout.write(lines.join('\n') + '\n');
          return;
        }
        if (groups.length === 0) {
          ctx.stdout.write(translate(lang, 'dup.none', { total: index.size }) + '\n');
          return;
        }
        const plan = await withProgress(ctx, cmd, opts.json, (onProgress) =>
          planMerge({
            groups,
            client: conn.client,
            labelGroups: index.labelGroups,
            lang,
            onProgress,
            onFresh: (c) => index.upsert(c),
          }),
        );
        ctx.exitCode = await finish({
          ctx,
          cmd,
          conn,
          plan,
          file: 'duplicates',
          title: translate(lang, 'dup.planTitle', { count: groups.length }),
          opts,
          kind: 'import',
          meta: { duplicates: groups.length },
          beforeApply: async () =>
            (await backupBeforeDelete({ plan, client: conn.client, dataDir: ctx.dataDir(cmd) })).path,
        });
      } finally {
        await conn.close();
      }
    });
}
