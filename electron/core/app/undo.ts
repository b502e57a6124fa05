// The app's Undo of a job: the same planUndo the CLI runs (core/jobs/undo-plan.ts), held as a dry run for
// the diff, then applied through the job service as a job of kind 'undo' (journal, resume, report).
import { basename } from 'node:path';
import type { ApplyUndoArgs, ApplyUndoResult, PlanSummary, PlanUndoArgs } from '../../../shared/contract';
import { translate } from '../../../shared/i18n';
import { backupBeforeDelete } from '../import';
import { planUndo, UndoInputError } from '../jobs';
import { AppError } from './app-error';
import type { BackendContext } from './context';
import type { Jobs } from './jobs';
import type { Plans } from './plans';

export function createUndo(ctx: BackendContext, plans: Plans, jobs: Jobs) {
  return {
    async plan(args: PlanUndoArgs): Promise<PlanSummary> {
      const { client, identity, info, directory } = ctx.connection.require();
      const lang = await ctx.lang();
      let plan;
      try {
        plan = await planUndo({
          dataDir: ctx.dataDir,
          jobId: args.jobId,
          client,
          org: identity,
          orgLabel: info.label,
          force: Boolean(args.force),
          lang,
          app: true,
          directory,
        });
      } catch (e) {
        if (e instanceof UndoInputError) throw new AppError('conflict', e.message);
        throw e;
      }
      const { jobId, conflicts, force, source } = plan.undo;
      // The jobs list shows what was undone ("undo of leavers.xlsx"); the job id when its source is unknown.
      const what = source
        ? translate(lang, 'undo.sourceOf', { source })
        : translate(lang, 'undo.source', { jobId });
      return plans.hold(plan, what, identity, {
        undo: { jobId, conflicts, force },
      });
    },

    async apply(args: ApplyUndoArgs): Promise<ApplyUndoResult> {
      const { jobId, backup } = await plans.applyOnce(args.planId, async (held) => {
        if (!held.undo) throw new AppError('conflict', 'That plan is not an undo.');
        const deletes = held.plan.summary.delete;
        // Contacts the job created are deleted: the same typed confirmation as any delete.
        if (deletes > 0 && args.confirmCount !== deletes) {
          throw new AppError(
            'conflict',
            `The confirmation says ${args.confirmCount} but the undo deletes ${deletes} contacts.`,
            'Type the number of contacts to delete to confirm.',
          );
        }
        const { client, directory } = ctx.connection.require();
        const backup =
          deletes > 0
            ? await backupBeforeDelete({
                plan: held.plan,
                client,
                directory,
                dataDir: ctx.dataDir,
                lang: await ctx.lang(),
              })
            : undefined;
        const jobId = await jobs.start(held.plan, {
          kind: 'undo',
          source: held.source,
          mode: 'undo',
          options: {
            undoOf: held.undo.jobId,
            force: held.undo.force,
            ...(backup ? { backup: basename(backup.path) } : {}),
          },
        });
        return { jobId, backup };
      });
      return { jobId, ...(backup ? { backup: ctx.files.toRef(await ctx.files.hold(backup.path)) } : {}) };
    },
  };
}
