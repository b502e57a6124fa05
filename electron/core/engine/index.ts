// The batch engine: runs a plan of row writes against DingTalk as fast as DingTalk allows, journals every
// finished row, and resumes an interrupted job without re-sending what is done.
import { retryClassOf } from '../../../shared/errcodes';
import { CONFLICT_ERRCODE, type RowResult } from '../../../shared/domain';
import {
  acquireLock,
  createJobFiles,
  DamagedJobError,
  newJobId,
  readJournal,
  readPlan,
  removeLock,
  repairHeader,
} from './journal';
import { JobControl, makeHandle, runJob } from './run-job';
import type { JobHandle, JobOutcome, ResumeJobOptions, StartJobOptions } from './types';

export { createScheduler, CallAbortedError } from './scheduler';
export type { Scheduler, SchedulerOptions, SchedulerStats, CallTrace } from './scheduler';
export { RateLimiter, THROTTLE_ERRCODES, isThrottleErrcode } from './limiter';
export {
  listJobs,
  readJob,
  newJobId,
  jobDir,
  JobNotFoundError,
  JobLockedError,
  DamagedJobError,
} from './journal';
export { damageText, damageWhat, type DamageDetail, type DamageWhat } from './damage';
export { DEFAULT_CONCURRENCY, DEFAULT_MAX_QPS } from './run-job';
export { FRESH_WINDOW_MS } from './reread';
export type * from './types';

/** Starts a job: writes its plan and journal header, then runs it. Failures to write the journal reject `done`. */
export function startJob(opts: StartJobOptions): JobHandle {
  const jobId = opts.jobId ?? newJobId();
  const ctl = new JobControl();
  const done = (async (): Promise<JobOutcome> => {
    const seqs = new Set(opts.plan.map((op) => op.seq));
    if (seqs.size !== opts.plan.length) throw new Error('the plan has two rows with the same seq');
    // A row waits only for an earlier one (dispatch is in seq order): a later one could never have ended.
    if (opts.plan.some((op) => op.after !== undefined && op.after >= op.seq))
      throw new Error('a row of the plan depends on a row after it');
    await createJobFiles(opts.dataDir, jobId, opts.meta, opts.plan);
    await acquireLock(opts.dataDir, jobId);
    try {
      // Everything kept with the job (the sheet's plan) is on disk before the first write.
      await opts.onCreated?.(jobId);
    } catch (e) {
      await removeLock(opts.dataDir, jobId);
      throw e;
    }
    return runJob(
      {
        ...opts,
        jobId,
        prior: new Map(),
        maybeSent: new Set(),
        resumed: false,
        plannedAt: opts.plannedAt ?? Date.now(),
      },
      ctl,
    );
  })();
  return makeHandle(jobId, ctl, done);
}

/** A job-fatal failure (quota, permission...) may pass later: resume runs those rows again. */
const needsRerun = (r: RowResult): boolean => {
  // A conflict was decided (the contact changed meanwhile): resuming does not overwrite it.
  if (r.status === 'skipped') return r.errcode !== CONFLICT_ERRCODE;
  if (r.status !== 'failed' || r.errcode === undefined) return false;
  const cls = retryClassOf(r.errcode);
  return cls === 'job-fatal' || cls === 'token';
};

/**
 * Finishes a job: rows recorded as done are never sent again; skipped rows and rows stopped by a job-fatal
 * error run again; rows the last run may have sent without recording are checked first (a create is looked
 * up by mobile, a delete answering "not found" is done).
 */
export async function resumeJob(opts: ResumeJobOptions): Promise<JobHandle> {
  const { dataDir, jobId } = opts;
  const journal = await readJournal(dataDir, jobId).catch(async (e: unknown) => {
    if (!(e instanceof DamagedJobError) || e.what !== 'journal') throw e;
    // No readable header, but the plan is there: write a new header and go on from the records that are.
    await repairHeader(dataDir, jobId, await readPlan(dataDir, jobId));
    return readJournal(dataDir, jobId);
  });
  const jobOrg = journal.header.meta.org;
  if (jobOrg && opts.org && jobOrg !== opts.org && !opts.allowOtherOrg)
    throw new OtherOrgError(jobId, jobOrg);
  const plan = await readPlan(dataDir, jobId);
  await acquireLock(dataDir, jobId);
  const prior = new Map<number, RowResult>();
  const maybeSent = new Set<number>();
  for (const op of plan) {
    const r = journal.results.get(op.seq);
    if (r && !needsRerun(r)) prior.set(op.seq, r);
    else if (op.seq < journal.lastWindow && r?.status !== 'failed') maybeSent.add(op.seq);
  }
  const ctl = new JobControl();
  // Time has passed since the plan read the contacts: every update still to send is read again first.
  const done = runJob({ ...opts, plan, prior, maybeSent, resumed: true, plannedAt: -Infinity }, ctl);
  return makeHandle(jobId, ctl, done);
}

/** The job was planned on another organisation (or app) than the one connected now. */
export class OtherOrgError extends Error {
  constructor(
    readonly jobId: string,
    readonly jobOrg: string,
  ) {
    super(
      `job ${jobId} was planned on ${jobOrg === 'sandbox' ? 'the sandbox organisation' : jobOrg.replace('|', ' as app ')}`,
    );
    this.name = 'OtherOrgError';
  }
}
