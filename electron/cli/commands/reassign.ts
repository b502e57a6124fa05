// `dtload reassign --from PERSON --to PERSON [--also-shares] [--apply] [--report F] [--json]`: hand every
// contact of one owner (a leaver too, by userid) to a colleague. The bulk edit's plan with a `reassign`
// action: dry run by default, the same engine, journal, resume and reports.
import type { Command } from 'commander';
import { translate } from '../../../shared/i18n';
import { planEdit, reassignTexts, selectReassign } from '../../core/contacts';
import { DirectoryService } from '../../core/directory';
import type { CliContext } from '../context';
import { checkReportPath, finish, withProgress } from './import';
import { asEditInput, cliLang, loadIndex, sayNoMatches } from './workspace';

interface ReassignOptions {
  from: string;
  to: string;
  alsoShares?: boolean;
  refresh?: boolean;
  apply?: boolean;
  report?: string;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('reassign')
    .description('hand every contact of one owner to another (dry run by default; --apply sends the changes)')
    .requiredOption(
      '--from <person>',
      'whose contacts: name, name（department）, staff mobile or userid (a leaver by userid)',
    )
    .requiredOption(
      '--to <person>',
      'the colleague who takes them over (name, name（department）, mobile or userid)',
    )
    .option('--also-shares', 'also replace the person in the contacts shared with them')
    .option('--refresh', 'read every contact into the local index again before selecting')
    .option('--apply', 'send the changes (without it: a dry run that sends nothing)')
    .option('--report <file>', 'write a report: .xlsx, .csv or .json')
    .option('--json', 'print NDJSON progress events and a summary on stdout')
    .action(async (opts: ReassignOptions, cmd: Command) => {
      const lang = cliLang(ctx, cmd);
      await checkReportPath(opts.report, ctx.lang(cmd));
      const conn = await ctx.connect(cmd);
      try {
        const index = await loadIndex(ctx, cmd, conn, opts);
        // The directory is needed: a read that fails stops here (exit 3), before any write.
        const service = new DirectoryService(conn.client, { language: lang });
        const dir = await service.get();
        const req = { from: opts.from, to: opts.to, alsoShares: Boolean(opts.alsoShares) };
        await service.lookupMobiles(dir, reassignTexts(req));
        const sel = asEditInput(() =>
          selectReassign(
            req,
            dir,
            index.all().map((c) => c.c),
            lang,
          ),
        );
        if (sel.userIds.length === 0) {
          const line = translate(lang, 'reassign.none', {
            from: sel.fromLabel,
            shares: opts.alsoShares ? translate(lang, 'reassign.noneShared') : '',
          });
          sayNoMatches(ctx, 'reassign', line, opts.json);
          return;
        }
        if (!opts.json) {
          ctx.stdout.write(
            translate(lang, 'reassign.matches', {
              from: sel.fromLabel,
              owned: sel.owned,
              shared: sel.shared ? translate(lang, 'reassign.sharedCount', { count: sel.shared }) : '',
              to: sel.toLabel,
              left: sel.fromLeft ? translate(lang, 'reassign.left', { from: sel.fromLabel }) : '',
            }) + '\n',
          );
        }
        const plan = await withProgress(ctx, cmd, opts.json, (onProgress) =>
          planEdit({
            userIds: sel.userIds,
            action: sel.action,
            client: conn.client,
            groups: index.labelGroups,
            lang,
            labels: { personLabel: (u) => dir.personLabel(u), deptLabel: (d) => dir.departmentLabel(d) },
            onProgress,
            onFresh: (fresh) => index.upsert(fresh),
          }),
        );
        ctx.exitCode = await finish({
          ctx,
          cmd,
          conn,
          plan,
          file: `reassign --from ${sel.from} --to ${sel.to}`,
          title: translate(lang, 'reassign.title', {
            count: sel.userIds.length,
            from: sel.fromLabel,
            to: sel.toLabel,
          }),
          opts,
          kind: 'import',
          meta: { reassign: { from: sel.from, to: sel.to, alsoShares: Boolean(opts.alsoShares) } },
        });
      } finally {
        await conn.close();
      }
    });
}
