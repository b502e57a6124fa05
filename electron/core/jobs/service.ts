// The job service: plan → save the plan with the job → run it through the engine → report. The CLI, the
// app's backend and web mode all start, resume, list and report jobs through these functions.
import type { JobCounts, JobState } from '../../../shared/domain';
import type { ImportPlan, PlannedRow } from '../../../shared/import-types';
import {
  listJobs,
  readJob,
  resumeJob,
  startJob,
  type EngineClient,
  type EngineRunOptions,
  type FatalInfo,
  type JobHandle,
  type JobMeta,
  type JobOutcome,
  type JobSummary as EngineJobSummary,
} from '../engine';
import { translate, type Lang } from '../../../shared/i18n';
import { damageText, damageWhat } from '../engine/damage';
import { listJobIds, readJobMeta, readPlan, summarizeJob } from '../engine/journal';
import type { ReportArgs } from '../reports';
import { countJob, countsFrom, summaryOfOps } from './counts';
import { readJobPlan, saveJobPlan } from './saved-plan';

export type JobKind = 'import' | 'delete' | 'retry' | 'undo';

/** One job as every door shows it (`dtload jobs --json` prints exactly these). */
export interface JobView extends JobCounts {
  jobId: string;
  kind: JobKind;
  state: JobState;
  /** The file the job was planned from, as the admin named it. */
  source: string;
  createdAt: string;
  endedAt?: string;
  /** Rows with a write (create + update + delete). */
  total: number;
  /** Rows with a write that got an answer (ok + failed). */
  done: number;
  fatal?: FatalInfo;
  /** Why the job is 'damaged' and what can be done about it. */
  damage?: { reason: string; resumable: boolean; advice: string };
  /** The undo job that put back everything this job wrote (it finished without a failure), if any. */
  undoneBy?: string;
  meta: JobMeta;
}

export interface StartPlannedJob extends EngineRunOptions {
  plan: ImportPlan;
  kind: JobMeta['kind'];
  source: string;
  /** 'apply', 'retry', 'undo'... */
  mode?: string;
  options?: Record<string, unknown>;
  /** The organisation the plan was read from (JobMeta.org). */
  org?: string;
  client: EngineClient;
}

/** Saves the sheet's plan with the job, then runs its writes; the plan is on disk before the first call. */
export function startPlannedJob(o: StartPlannedJob): JobHandle {
  const meta: JobMeta = {
    kind: o.kind,
    source: o.source,
    mode: o.mode ?? 'apply',
    options: o.options ?? {},
    createdAt: new Date().toISOString(),
    ...(o.org ? { org: o.org } : {}),
    sheet: { ...o.plan.summary },
  };
  // A plan of unknown age (saved by an earlier version) is read again before each update, to be safe.
  const plannedAt = o.plan.plannedAt ? Date.parse(o.plan.plannedAt) : NaN;
  return startJob({
    ...o,
    plan: o.plan.ops,
    plannedAt: Number.isFinite(plannedAt) ? plannedAt : -Infinity,
    meta,
    onCreated: (jobId) =>
      saveJobPlan(o.dataDir, jobId, {
        source: o.source,
        plan: o.plan,
        ...(o.org ? { identity: o.org } : {}),
      }),
  });
}

export { resumeJob as resumePlannedJob };

export const kindOf = (meta: JobMeta): JobKind =>
  meta.mode === 'retry' ? 'retry' : meta.mode === 'undo' ? 'undo' : meta.kind;

/** A job's counts from what an outcome or a journal tells; the sheet's plan when kept, else the writes. */
export function outcomeCounts(plan: ImportPlan, outcome: Pick<JobOutcome, 'results'>): JobCounts {
  return countJob(plan.summary, outcome.results);
}

/** Why a job is damaged and what to do, in `lang` (English for `dtload jobs --json`). */
function damageView(
  jobId: string,
  source: string,
  d: NonNullable<EngineJobSummary['damage']>,
  lang: Lang,
): NonNullable<JobView['damage']> {
  return {
    reason: translate(lang, 'damage.reason', {
      what: damageWhat(d.what, lang),
      detail: damageText(d.detail, lang),
    }),
    resumable: d.resumable,
    advice: d.resumable
      ? translate(lang, 'damage.adviceResume', { jobId })
      : source
        ? translate(lang, 'damage.adviceReplan', { source })
        : translate(lang, 'damage.adviceReplanNoSource'),
  };
}

async function viewOf(dataDir: string, s: EngineJobSummary, lang: Lang = 'en'): Promise<JobView> {
  let sheet = s.meta.sheet;
  let source = s.meta.source;
  if (!sheet || !source) {
    // Jobs of earlier versions (or with an unreadable header): the saved plan, else the writes themselves.
    const saved = await readJobPlan(dataDir, s.jobId);
    source ||= saved?.source ?? '';
    sheet ??= saved?.plan.summary;
    if (!sheet && s.damage?.resumable !== false)
      sheet = await readPlan(dataDir, s.jobId).then(summaryOfOps, () => undefined);
  }
  sheet ??= summaryOfOps([]);
  const counts = countsFrom(sheet, { ok: s.ok, failed: s.failed, conflicts: s.conflicts ?? 0 });
  return {
    jobId: s.jobId,
    kind: kindOf(s.meta),
    state: s.state,
    source,
    createdAt: s.createdAt,
    ...(s.endedAt ? { endedAt: s.endedAt } : {}),
    ...counts,
    total: sheet.create + sheet.update + sheet.delete,
    done: s.ok + s.failed,
    ...(s.fatal ? { fatal: s.fatal } : {}),
    ...(s.damage ? { damage: damageView(s.jobId, source, s.damage, lang) } : {}),
    meta: s.meta,
  };
}

/** The job an undo put back entirely: only an undo that finished without a failure undid all of it. */
function undoneJobOf(s: Pick<EngineJobSummary, 'state' | 'meta'>): string | undefined {
  const of = s.meta.options?.undoOf;
  return s.meta.mode === 'undo' && typeof of === 'string' && s.state === 'finished' ? of : undefined;
}

/** The finished undo of a job, if any; the oldest when there are several. */
async function findUndoneBy(dataDir: string, jobId: string): Promise<string | undefined> {
  for (const id of (await listJobIds(dataDir)).reverse()) {
    // The header says whether a job is an undo of this one; only such a job's journal is read in full.
    const meta = id === jobId ? undefined : await readJobMeta(dataDir, id);
    if (meta?.mode !== 'undo' || meta.options?.undoOf !== jobId) continue;
    const s = await summarizeJob(dataDir, id).catch(() => undefined);
    if (s && undoneJobOf(s) === jobId) return id;
  }
  return undefined;
}

/** One job as listed. */
export async function jobView(dataDir: string, jobId: string, lang: Lang = 'en'): Promise<JobView> {
  const view = await viewOf(dataDir, await summarizeJob(dataDir, jobId), lang);
  const undoneBy = await findUndoneBy(dataDir, jobId);
  return undoneBy ? { ...view, undoneBy } : view;
}

/** Every job in the data dir, newest first; damaged ones too, with what can be done. */
export async function listJobViews(dataDir: string, lang: Lang = 'en'): Promise<JobView[]> {
  const all = await listJobs(dataDir);
  const undoneBy = new Map<string, string>();
  // Newest first: an older undo of the same job overwrites a newer one.
  for (const s of all) {
    const of = undoneJobOf(s);
    if (of) undoneBy.set(of, s.jobId);
  }
  const out: JobView[] = [];
  for (const s of all) {
    const view = await viewOf(dataDir, s, lang);
    const by = undoneBy.get(s.jobId);
    out.push(by ? { ...view, undoneBy: by } : view);
  }
  return out;
}

/** What a report of the whole job needs: the saved sheet plan (or one row per write) and the results. */
export async function jobReportArgs(
  dataDir: string,
  jobId: string,
): Promise<ReportArgs & { source: string }> {
  const rec = await readJob(dataDir, jobId);
  const saved = await readJobPlan(dataDir, jobId);
  const plan = saved?.plan ?? planFromOps(rec.plan);
  return { plan, mode: 'apply', jobId, results: rec.results, source: saved?.source ?? rec.meta.source };
}

/** A sheet plan for a job that kept none: one row per write, no cells. */
function planFromOps(ops: Awaited<ReturnType<typeof readJob>>['plan']): ImportPlan {
  const rows: PlannedRow[] = ops.map((op) => ({
    row: op.row,
    ...(op.kind !== 'create' ? { userId: op.userId } : {}),
    action: op.kind,
    changes: [],
    errors: [],
    warnings: [],
    cells: [],
    seq: op.seq,
  }));
  return {
    kind: ops.some((o) => o.kind !== 'delete') ? 'import' : 'delete',
    headers: [],
    headerRow: 1,
    mapping: { columns: [], unrecognised: [], warnings: [] },
    rows,
    ops,
    summary: summaryOfOps(ops),
    reads: { get: 0, listContacts: 0, strategy: 'none' },
  };
}

export type { EngineClient };
