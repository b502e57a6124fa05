// Applied plans as engine jobs: start, pause, resume, cancel, history, reports, retry of failed rows.
// The plan each job was made from is kept beside it (<dataDir>/job-plans/<jobId>.json), so reports and
// the failed-rows file still have the sheet's cells after a restart.
import { join } from 'node:path';
import type {
  ErrorInfo,
  FileRef,
  JobFinished,
  JobSummary,
  Page,
  ReportFileArgs,
  ReportRowView,
  ReportRowsArgs,
} from '../../../shared/contract';
import type { JobProgress, JobState, RowOp } from '../../../shared/domain';
import { indexJobWrites } from '../contacts';
import { lookupErrcode } from '../../../shared/errcodes';
import type { ImportPlan } from '../../../shared/import-types';
import {
  listJobs as engineListJobs,
  readJob,
  resumeJob as engineResumeJob,
  startJob,
  type JobHandle,
  type JobMeta,
  type JobOutcome,
  type JobSummary as EngineJobSummary,
} from '../engine';
import { summarise } from '../import';
import { writeFailedRows, writeReport } from '../reports';
import { AppError, notFound } from './app-error';
import { createCoalescer } from './coalesce';
import type { BackendContext } from './context';
import { readJson, writeJson } from './json-file';

interface Running {
  handle: JobHandle;
  paused: boolean;
  meta: JobMeta;
  total: number;
  createdAt: string;
  /** The latest progress, for a job whose journal is not written yet. */
  last?: JobProgress;
}

interface SavedPlan {
  source: string;
  plan: ImportPlan;
  /** The connection the plan was made on (Live.identity): resume and retry only there. */
  identity?: string;
}

const FINAL: ReadonlySet<JobState> = new Set(['done', 'failed', 'cancelled', 'interrupted']);

export function toJobSummary(s: EngineJobSummary, running?: Running): JobSummary {
  const state: JobState = running ? (running.paused ? 'paused' : 'running') : s.state;
  return {
    jobId: s.jobId,
    kind: s.meta.mode === 'retry' ? 'retry' : s.meta.kind,
    state,
    source: s.meta.source,
    createdAt: s.createdAt,
    ...(s.endedAt && !running ? { finishedAt: s.endedAt } : {}),
    total: s.total,
    ok: s.ok,
    failed: s.failed,
    skipped: s.skipped,
    resumable: state === 'interrupted' || state === 'paused',
  };
}

function startingSummary(jobId: string, r: Running): JobSummary {
  const p = r.last;
  return {
    jobId,
    kind: r.meta.mode === 'retry' ? 'retry' : r.meta.kind,
    state: r.paused ? 'paused' : 'running',
    source: r.meta.source,
    createdAt: r.createdAt,
    total: r.total,
    ok: p?.ok ?? 0,
    failed: p?.failed ?? 0,
    skipped: 0,
    resumable: r.paused,
  };
}

export function createJobs(ctx: BackendContext, explain: (e: unknown) => Promise<ErrorInfo>) {
  const running = new Map<string, Running>();
  const planPath = (jobId: string): string => join(ctx.dataDir, 'job-plans', `${jobId}.json`);

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

  /** Follows a job to its end: final progress, then 'job:finished'. */
  const track = (
    handle: JobHandle,
    meta: JobMeta,
    total: number,
    createdAt: string,
    identity?: string,
  ): string => {
    const r: Running = { handle, paused: false, meta, total, createdAt };
    running.set(handle.jobId, r);
    const summaryOf = (o: Pick<JobOutcome, 'state' | 'summary'>): JobSummary => ({
      jobId: handle.jobId,
      kind: meta.mode === 'retry' ? 'retry' : meta.kind,
      state: o.state,
      source: meta.source,
      createdAt,
      finishedAt: new Date().toISOString(),
      total: o.summary.total,
      ok: o.summary.ok,
      failed: o.summary.failed,
      skipped: o.summary.skipped,
      resumable: o.state === 'interrupted',
    });
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
        const finished: JobFinished = { jobId: handle.jobId, state: o.state, summary: summaryOf(o) };
        const error = await fatalError(o);
        ctx.emit('job:finished', error ? { ...finished, error } : finished);
      },
      async (e: unknown) => {
        running.delete(handle.jobId);
        progress.flush(handle.jobId);
        const summary = summaryOf({ state: 'failed', summary: { total, ok: 0, failed: 0, skipped: 0 } });
        ctx.emit('job:finished', { jobId: handle.jobId, state: 'failed', summary, error: await explain(e) });
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

  const savedPlan = async (jobId: string): Promise<SavedPlan> => {
    const saved = await readJson<SavedPlan | null>(planPath(jobId), null);
    if (!saved?.plan) {
      throw notFound(
        'This job was not started from the app, so its sheet is not at hand.',
        'Use the report the command line wrote (--report), or `dtload jobs`.',
      );
    }
    return saved;
  };

  /** A job's writes belong to the organisation it was planned on (jobs run from the CLI carry no mark). */
  const checkSameOrg = async (jobId: string): Promise<void> => {
    const saved = await readJson<SavedPlan | null>(planPath(jobId), null);
    if (saved?.identity && saved.identity !== ctx.connection.require().identity) {
      throw new AppError(
        'conflict',
        'This job was made on another connection.',
        'Connect to the organisation and app the job was planned on, then resume it.',
      );
    }
  };

  const api = {
    /** Starts a job for a plan (its ops); saves the plan first so the report survives a restart. */
    async start(plan: ImportPlan, meta: Omit<JobMeta, 'createdAt'>): Promise<string> {
      if (plan.ops.length === 0) {
        throw new AppError(
          'conflict',
          'Nothing to send: every row is unchanged or invalid.',
          'Fix the invalid rows first.',
        );
      }
      const opts = await engineOpts();
      const { identity } = ctx.connection.require();
      const createdAt = new Date().toISOString();
      const fullMeta: JobMeta = { ...meta, createdAt };
      const handle = startJob({ ...opts, plan: plan.ops, meta: fullMeta });
      await writeJson(planPath(handle.jobId), { source: meta.source, plan, identity } satisfies SavedPlan);
      return track(handle, fullMeta, plan.ops.length, createdAt, identity);
    },

    async list(): Promise<JobSummary[]> {
      const all = await engineListJobs(ctx.dataDir);
      const listed = new Set(all.map((s) => s.jobId));
      // A job started a moment ago may not have its journal on disk yet: it is listed all the same.
      const fresh = [...running.entries()]
        .filter(([id]) => !listed.has(id))
        .map(([id, r]) => startingSummary(id, r));
      return [...fresh, ...all.map((s) => toJobSummary(s, running.get(s.jobId)))];
    },

    async get(jobId: string): Promise<JobSummary> {
      const job = (await api.list()).find((j) => j.jobId === jobId);
      if (!job) throw notFound(`No job ${jobId} in the data folder.`);
      return job;
    },

    async interrupted(): Promise<JobSummary[]> {
      return (await api.list()).filter((j) => j.state === 'interrupted');
    },

    pause(jobId: string): void {
      const r = running.get(jobId);
      if (!r) throw new AppError('conflict', 'That job is not running.');
      r.handle.pause();
      r.paused = true;
    },

    cancel(jobId: string): void {
      const r = running.get(jobId);
      if (!r) throw new AppError('conflict', 'That job is not running.');
      r.handle.cancel();
    },

    /** A paused job goes on; an interrupted one is finished from its journal. */
    async resume(jobId: string): Promise<string> {
      const r = running.get(jobId);
      if (r) {
        r.handle.resume();
        r.paused = false;
        return jobId;
      }
      const rec = await readJob(ctx.dataDir, jobId).catch(() => {
        throw notFound(`No job ${jobId} in the data folder.`);
      });
      if (FINAL.has(rec.state) && rec.state !== 'interrupted') {
        throw new AppError(
          'conflict',
          `That job has already ended (${rec.state}).`,
          'Retry its failed rows instead.',
        );
      }
      await checkSameOrg(jobId);
      const handle = await engineResumeJob({ ...(await engineOpts()), jobId });
      return track(handle, rec.meta, rec.plan.length, rec.meta.createdAt, ctx.connection.require().identity);
    },

    async reportRows(args: ReportRowsArgs): Promise<Page<ReportRowView>> {
      const rec = await readJob(ctx.dataDir, args.jobId).catch(() => {
        throw notFound(`No job ${args.jobId} in the data folder.`);
      });
      const lang = await ctx.lang();
      const hits = rec.results.filter((r) => args.filter === 'all' || r.status === args.filter);
      const items = hits.slice(args.offset, args.offset + args.limit).map((r): ReportRowView => {
        const entry = r.errcode !== undefined ? lookupErrcode(r.errcode) : undefined;
        return {
          row: r.row,
          kind: r.kind,
          ...(r.userId ? { userId: r.userId } : {}),
          status: r.status,
          attempts: r.attempts,
          ...(r.errcode !== undefined ? { errcode: r.errcode } : {}),
          ...(r.errmsg ? { errmsg: r.errmsg } : {}),
          ...(entry ? { meaning: entry.meaning[lang], solution: entry.solution[lang] } : {}),
        };
      });
      return { total: hits.length, offset: args.offset, items };
    },

    async exportReport(args: ReportFileArgs): Promise<FileRef> {
      const { plan } = await savedPlan(args.jobId);
      const rec = await readJob(ctx.dataDir, args.jobId);
      const path = await ctx.files.outputPath(`dtload-report-${args.jobId}.${args.format}`);
      await writeReport(path, { plan, mode: 'apply', jobId: args.jobId, results: rec.results });
      return ctx.files.toRef(await ctx.files.hold(path));
    },

    async exportFailedRows(args: { jobId: string; format: 'xlsx' | 'csv' }): Promise<FileRef> {
      const { plan } = await savedPlan(args.jobId);
      const rec = await readJob(ctx.dataDir, args.jobId);
      const path = await ctx.files.outputPath(`dtload-failed-rows-${args.jobId}.${args.format}`);
      const n = await writeFailedRows(path, { plan, mode: 'apply', jobId: args.jobId, results: rec.results });
      if (n === 0) throw new AppError('not-found', 'This job has no failed rows.');
      return ctx.files.toRef(await ctx.files.hold(path));
    },

    /** A new job with the rows that failed, their bodies as planned; the original job stays as it is. */
    async retryFailed(jobId: string): Promise<string> {
      if (running.has(jobId))
        throw new AppError('conflict', 'That job is still running.', 'Wait for it to end.');
      const { plan, source } = await savedPlan(jobId);
      await checkSameOrg(jobId);
      const rec = await readJob(ctx.dataDir, jobId);
      const failed = new Set(rec.results.filter((r) => r.status === 'failed').map((r) => r.seq));
      if (failed.size === 0) throw new AppError('not-found', 'This job has no failed rows to retry.');
      const rows = plan.rows.filter((r) => r.seq !== undefined && failed.has(r.seq));
      const retryPlan: ImportPlan = {
        ...plan,
        rows,
        ops: rec.plan.filter((op) => failed.has(op.seq)),
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
