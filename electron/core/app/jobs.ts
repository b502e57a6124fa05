// Applied plans as jobs, through the job service (core/jobs) the CLI uses too: start, pause, resume, cancel,
// history, reports, retry of failed rows. The sheet's plan is kept with each job, so reports and the
// failed-rows file still have the sheet's cells after a restart.
import type {
  ErrorInfo,
  FileRef,
  JobFinished,
  JobOrigin,
  JobSummary,
  Page,
  ReportFileArgs,
  ReportRowView,
  ReportRowsArgs,
} from '../../../shared/contract';
import { DEPENDENCY_ERRCODE, type JobProgress, type JobState, type RowOp } from '../../../shared/domain';
import { lookupErrcode, retryClassOf } from '../../../shared/errcodes';
import { indexJobWrites } from '../contacts';
import type { ImportPlan } from '../../../shared/import-types';
import {
  JobLockedError,
  OtherOrgError,
  readJob,
  type JobHandle,
  type JobMeta,
  type JobOutcome,
} from '../engine';
import {
  jobReportArgs,
  jobView,
  listJobViews,
  readJobPlan,
  resumePlannedJob,
  startPlannedJob,
  writeStatus,
  type JobView,
} from '../jobs';
import { summarise } from '../import';
import { decidedMessage, writeFailedRows, writeReport } from '../reports';
import { AppError, appError, notFound } from './app-error';
import { createCoalescer } from './coalesce';
import type { BackendContext } from './context';

interface Running {
  handle: JobHandle;
  paused: boolean;
  meta: Pick<JobMeta, 'kind' | 'source' | 'mode' | 'options'>;
  plan: ImportPlan;
  createdAt: string;
  /** The latest progress, for a job whose journal is not written yet. */
  last?: JobProgress;
}

/** States a job can be picked up from (the engine re-runs what is not done, never what is). */
const RESUMABLE: ReadonlySet<JobState> = new Set(['interrupted', 'paused', 'cancelled', 'stopped']);

/** A job as the app lists it; `undoRunning`: its undo is still this process's, not finished in its eyes. */
export function toJobSummary(v: JobView, running?: Running, undoRunning = false): JobSummary {
  const state: JobState = running ? (running.paused ? 'paused' : 'running') : v.state;
  return {
    jobId: v.jobId,
    kind: (v.kind === 'import' && originOf(v.meta.options)) || v.kind,
    state,
    source: v.source,
    createdAt: v.createdAt,
    ...(v.endedAt && !running ? { finishedAt: v.endedAt } : {}),
    rows: v.rows,
    create: v.create,
    update: v.update,
    delete: v.delete,
    unchanged: v.unchanged,
    invalid: v.invalid,
    ok: v.ok,
    failed: v.failed,
    skipped: v.skipped,
    conflicts: v.conflicts,
    notSent: v.notSent,
    total: v.total,
    resumable: RESUMABLE.has(state) || Boolean(!running && v.damage?.resumable),
    ...(v.damage ? { damage: v.damage } : {}),
    ...(v.undoneBy && !undoRunning ? { undoneBy: v.undoneBy } : {}),
  };
}

const ORIGINS: ReadonlySet<unknown> = new Set<JobOrigin>(['edit', 'handover', 'merge']);

/** A workspace apply's action, kept in the job's options (jobs of earlier versions have none). */
const originOf = (options: JobMeta['options'] | undefined): JobOrigin | undefined =>
  ORIGINS.has(options?.origin) ? (options!.origin as JobOrigin) : undefined;

const kindOfMeta = (m: Running['meta']): JobSummary['kind'] =>
  m.mode === 'retry' ? 'retry' : m.mode === 'undo' ? 'undo' : (originOf(m.options) ?? m.kind);

/** A job started a moment ago, before its journal can be read. */
function startingSummary(jobId: string, r: Running): JobSummary {
  const p = r.last;
  const s = r.plan.summary;
  const ok = p?.ok ?? 0;
  const failed = p?.failed ?? 0;
  return {
    jobId,
    kind: kindOfMeta(r.meta),
    state: r.paused ? 'paused' : 'running',
    source: r.meta.source,
    createdAt: r.createdAt,
    ...s,
    ok,
    failed,
    skipped: s.invalid,
    conflicts: 0,
    notSent: Math.max(0, s.create + s.update + s.delete - ok - failed),
    total: s.create + s.update + s.delete,
    resumable: r.paused,
  };
}

export function createJobs(ctx: BackendContext, explain: (e: unknown) => Promise<ErrorInfo>) {
  const running = new Map<string, Running>();

  const progress = createCoalescer<JobProgress>({
    intervalMs: 250,
    key: (p) => p.jobId,
    urgent: (p, last) => p.state !== last?.state || p.done === p.total,
    send: (p) => ctx.emit('job:progress', p),
  });
  const onProgress = (p: JobProgress): void => {
    const r = running.get(p.jobId);
    if (r) r.last = p;
    if (r && (p.state === 'paused' || p.state === 'running')) r.paused = p.state === 'paused';
    progress.push(p);
  };

  const fatalError = async (o: JobOutcome): Promise<ErrorInfo | undefined> => {
    if (!o.fatal) return undefined;
    const lang = await ctx.lang();
    const entry = lookupErrcode(o.fatal.errcode);
    return {
      kind: 'dingtalk',
      errcode: o.fatal.errcode,
      retryClass: entry.retryClass,
      meaning: entry.meaning[lang],
      solution: entry.solution[lang],
    };
  };

  /** Follows a job to its end: final progress, then 'job:finished' with the counts as listed. */
  const track = (handle: JobHandle, r: Omit<Running, 'handle' | 'paused'>, identity?: string): string => {
    running.set(handle.jobId, { ...r, handle, paused: false });
    const ended = async (state: JobState): Promise<JobSummary> => {
      try {
        return toJobSummary(await jobView(ctx.dataDir, handle.jobId));
      } catch {
        return { ...startingSummary(handle.jobId, { ...r, handle, paused: false }), state, resumable: false };
      }
    };
    handle.done.then(
      async (o) => {
        // Every write dtload makes updates the local contact index of the organisation it was made on.
        if (identity)
          await indexJobWrites(
            ctx.dataDir,
            identity,
            handle.jobId,
            await planOps(handle.jobId),
            o.results,
          ).catch(() => 0);
        running.delete(handle.jobId);
        progress.flush(handle.jobId);
        const finished: JobFinished = { jobId: handle.jobId, state: o.state, summary: await ended(o.state) };
        const error = await fatalError(o);
        ctx.emit('job:finished', error ? { ...finished, error } : finished);
      },
      async (e: unknown) => {
        running.delete(handle.jobId);
        progress.flush(handle.jobId);
        const summary = await ended('interrupted');
        ctx.emit('job:finished', {
          jobId: handle.jobId,
          state: summary.state,
          summary,
          error: await explain(e),
        });
      },
    );
    return handle.jobId;
  };

  const engineOpts = async () => ({
    client: ctx.connection.require().client,
    dataDir: ctx.dataDir,
    maxQps: (await ctx.settings.get()).maxQps,
    onProgress,
  });

  /** The ops a job runs (from its journal's plan). */
  const planOps = async (jobId: string): Promise<RowOp[]> => (await readJob(ctx.dataDir, jobId)).plan;

  const savedPlan = async (jobId: string) => {
    const saved = await readJobPlan(ctx.dataDir, jobId);
    if (!saved) {
      throw notFound(
        'This job kept no copy of its sheet, so its rows are not at hand.',
        'Use the report the command line wrote (--report), or `dtload jobs`.',
      );
    }
    return saved;
  };

  const readRecord = (jobId: string) =>
    readJob(ctx.dataDir, jobId).catch(() => {
      throw notFound(`No job ${jobId} in the data folder.`);
    });

  const summaryOf = (v: JobView): JobSummary =>
    toJobSummary(v, running.get(v.jobId), v.undoneBy !== undefined && running.has(v.undoneBy));

  const api = {
    /** Starts a job for a plan (its ops); the plan is saved with the job before the first write. */
    async start(
      plan: ImportPlan,
      meta: Pick<JobMeta, 'kind' | 'source' | 'mode' | 'options'>,
    ): Promise<string> {
      if (plan.ops.length === 0) {
        throw new AppError(
          'conflict',
          'Nothing to send: every row is unchanged or invalid.',
          'Fix the invalid rows first.',
        );
      }
      const opts = await engineOpts();
      const { identity } = ctx.connection.require();
      const handle = startPlannedJob({ ...opts, plan, ...meta, org: identity });
      return track(handle, { meta, plan, createdAt: new Date().toISOString() }, identity);
    },

    async list(): Promise<JobSummary[]> {
      const all = await listJobViews(ctx.dataDir, await ctx.lang());
      const listed = new Set(all.map((s) => s.jobId));
      // A job started a moment ago may not have its journal on disk yet: it is listed all the same.
      const fresh = [...running.entries()]
        .filter(([id]) => !listed.has(id))
        .map(([id, r]) => startingSummary(id, r));
      return [...fresh, ...all.map(summaryOf)];
    },

    async get(jobId: string): Promise<JobSummary> {
      const r = running.get(jobId);
      try {
        return summaryOf(await jobView(ctx.dataDir, jobId));
      } catch {
        if (r) return startingSummary(jobId, r);
        const job = (await api.list()).find((j) => j.jobId === jobId);
        if (job) return job;
        throw notFound(`No job ${jobId} in the data folder.`);
      }
    },

    async interrupted(): Promise<JobSummary[]> {
      return (await api.list()).filter((j) => j.state === 'interrupted');
    },

    pause(jobId: string): void {
      const r = running.get(jobId);
      if (!r) throw appError('conflict', 'error.job.notRunning');
      r.handle.pause();
      r.paused = true;
    },

    cancel(jobId: string): void {
      const r = running.get(jobId);
      if (!r) throw appError('conflict', 'error.job.notRunning');
      r.handle.cancel();
    },

    /**
     * A paused job goes on; an interrupted, cancelled or stopped one is finished from its journal ("apply
     * the remaining rows"): rows already done are not sent again.
     */
    async resume(jobId: string): Promise<string> {
      const r = running.get(jobId);
      if (r) {
        r.handle.resume();
        r.paused = false;
        return jobId;
      }
      const rec = await readRecord(jobId);
      if (rec.state === 'finished' || rec.state === 'finished-with-failures') {
        throw appError('conflict', 'error.job.finished', 'error.job.finished.fix');
      }
      const saved = await readJobPlan(ctx.dataDir, jobId);
      let handle: JobHandle;
      try {
        handle = await resumePlannedJob({
          ...(await engineOpts()),
          jobId,
          org: ctx.connection.require().identity,
        });
      } catch (e) {
        if (e instanceof OtherOrgError)
          throw new AppError(
            'conflict',
            'This job was made on another connection.',
            'Connect to the organisation and app the job was planned on, then resume it.',
          );
        if (e instanceof JobLockedError)
          throw new AppError(
            'conflict',
            'That job is running in another window or process.',
            'Wait for it to end.',
          );
        throw e;
      }
      return track(
        handle,
        {
          meta: rec.meta,
          plan: saved?.plan ?? (await jobReportArgs(ctx.dataDir, jobId)).plan,
          createdAt: rec.meta.createdAt,
        },
        ctx.connection.require().identity,
      );
    },

    async reportRows(args: ReportRowsArgs): Promise<Page<ReportRowView>> {
      const rec = await readRecord(args.jobId);
      const lang = await ctx.lang();
      const hits = rec.results.filter((r) =>
        args.filter === 'all'
          ? true
          : args.filter === 'conflict'
            ? writeStatus(r, true) === 'conflict'
            : r.status === args.filter,
      );
      const items = hits.slice(args.offset, args.offset + args.limit).map((r): ReportRowView => {
        const entry = r.errcode !== undefined ? lookupErrcode(r.errcode) : undefined;
        return {
          row: r.row,
          kind: r.kind,
          ...(r.userId ? { userId: r.userId } : {}),
          status: r.status,
          attempts: r.attempts,
          ...(r.errcode !== undefined ? { errcode: r.errcode } : {}),
          // A conflict or a contact deleted meanwhile: why, in the UI language.
          ...(r.errmsg ? { errmsg: decidedMessage(r, lang) ?? r.errmsg } : {}),
          ...(entry
            ? {
                meaning: entry.meaning[lang],
                solution: entry.solution[lang],
                retryable: entry.retryClass !== 'row-permanent',
              }
            : {}),
        };
      });
      return { total: hits.length, offset: args.offset, items };
    },

    async exportReport(args: ReportFileArgs): Promise<FileRef> {
      const report = await jobReportArgs(ctx.dataDir, args.jobId);
      const path = await ctx.files.outputPath(`dtload-report-${args.jobId}.${args.format}`);
      await writeReport(path, { ...report, lang: await ctx.lang() });
      return ctx.files.toRef(await ctx.files.hold(path));
    },

    async exportFailedRows(args: { jobId: string; format: 'xlsx' | 'csv' }): Promise<FileRef> {
      await savedPlan(args.jobId);
      const report = await jobReportArgs(ctx.dataDir, args.jobId);
      const path = await ctx.files.outputPath(`dtload-failed-rows-${args.jobId}.${args.format}`);
      const n = await writeFailedRows(path, { ...report, lang: await ctx.lang() });
      if (n === 0) throw appError('not-found', 'error.job.noFailedRows');
      return ctx.files.toRef(await ctx.files.hold(path));
    },

    /**
     * A new job with the rows that failed for a reason that may pass (network, limits, a stopped job); rows
     * DingTalk refused for good (60112, 60204...) are not re-sent: they need fixing in the sheet first.
     */
    async retryFailed(jobId: string): Promise<string> {
      if (running.has(jobId))
        throw appError('conflict', 'error.job.stillRunning', 'error.job.stillRunning.fix');
      const { plan, source } = await savedPlan(jobId);
      const rec = await readRecord(jobId);
      const failed = rec.results.filter((r) => r.status === 'failed');
      if (failed.length === 0) throw appError('not-found', 'error.job.nothingToRetry');
      const retryable = new Set(
        failed
          .filter((r) => r.errcode === undefined || retryClassOf(r.errcode) !== 'row-permanent')
          .map((r) => r.seq),
      );
      if (retryable.size === 0) {
        throw new AppError(
          'conflict',
          `None of the ${failed.length} failed rows can pass by sending them again: DingTalk refused each for a reason in the row.`,
          'Export the failed rows, fix them, and import that file.',
        );
      }
      // Rows skipped because a row they depend on failed (a merge's deletes) go again with it.
      const afterOf = new Map(rec.plan.map((op) => [op.seq, op.after]));
      for (const r of rec.results) {
        const after = afterOf.get(r.seq);
        if (r.errcode === DEPENDENCY_ERRCODE && after !== undefined && retryable.has(after))
          retryable.add(r.seq);
      }
      const rows = plan.rows.filter((r) => r.seq !== undefined && retryable.has(r.seq));
      const retryPlan: ImportPlan = {
        ...plan,
        rows,
        ops: rec.plan.filter((op) => retryable.has(op.seq)),
        summary: summarise(rows),
      };
      return api.start(retryPlan, {
        kind: rec.meta.kind,
        source,
        mode: 'retry',
        options: { ...rec.meta.options, retryOf: jobId },
      });
    },

    /** On quit: running jobs stop as 'interrupted' (resumable), their journals flushed. */
    async interruptAll(): Promise<void> {
      const all = [...running.values()];
      for (const r of all) r.handle.interrupt();
      await Promise.allSettled(all.map((r) => r.handle.done));
      progress.close();
    },
  };
  return api;
}

export type Jobs = ReturnType<typeof createJobs>;
