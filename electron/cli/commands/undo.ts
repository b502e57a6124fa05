// `dtload undo <job-id> [--apply] [--force] [--report F] [--json]`: put back what a job did. A dry run (the
// default) lists each contact's way back, diffed against DingTalk now; contacts changed since the job are
// conflicts, skipped unless --force. The undo is a job like any other (journal, resume, report).
import type { Command } from 'commander';
import { translate } from '../../../shared/i18n';
import { planUndo, UndoInputError } from '../../core/jobs';
import { backupBeforeDelete } from '../../core/import';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { checkReportPath, finish, withProgress } from './import';

interface UndoOptions {
  apply?: boolean;
  force?: boolean;
  report?: string;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('undo')
    .description(
      'restore what a job changed (dry run by default); contacts changed since the job are skipped unless --force',
    )
    .argument('<job-id>', 'the job, as `dtload jobs` lists it')
    .option('--apply', 'send the undo (without it: a dry run that sends nothing)')
    .option('--force', 'restore contacts changed since the job too, overwriting those later changes')
    .option('--report <file>', 'write a report: .xlsx, .csv or .json')
    .option('--json', 'print NDJSON progress events and a summary on stdout')
    .action(async (jobId: string, opts: UndoOptions, cmd: Command) => {
      await checkReportPath(opts.report, ctx.lang(cmd));
      const lang = ctx.lang(cmd);
      const dataDir = ctx.dataDir(cmd);
      const conn = await ctx.connect(cmd);
      try {
        const plan = await withProgress(ctx, cmd, opts.json, async (onProgress) => {
          try {
            return await planUndo({
              dataDir,
              jobId,
              client: conn.client,
              org: conn.identity,
              orgLabel: conn.label,
              force: Boolean(opts.force),
              lang,
              onProgress,
            });
          } catch (e) {
            if (e instanceof UndoInputError) throw new CliError(e.message);
            throw e;
          }
        });
        const { undo } = plan;
        const names = new Map(plan.rows.map((r) => [r.seq, r]));
        ctx.exitCode = await finish({
          ctx,
          cmd,
          conn,
          plan,
          file: translate(lang, 'undo.source', { jobId }),
          title: translate(lang, 'undo.title', { jobId, kind: undo.kind, source: undo.source }),
          opts,
          kind: 'undo',
          meta: { undoOf: jobId, force: Boolean(opts.force) },
          // Contacts the job created are deleted: backed up first, like every delete.
          ...(plan.summary.delete > 0
            ? {
                beforeApply: async () =>
                  (await backupBeforeDelete({ plan, client: conn.client, dataDir, lang })).path,
              }
            : {}),
          afterApply: (outcome) =>
            outcome.results
              .filter((r) => r.kind === 'create' && r.status === 'ok' && r.userId)
              .map((r) => {
                const row = names.get(r.seq);
                return translate(lang, 'undo.recreated', {
                  name: row?.name ?? '',
                  old: row?.cells[0] ?? '',
                  id: r.userId!,
                });
              }),
        });
      } finally {
        await conn.close();
      }
    });
}
