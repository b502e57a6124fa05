// The batch engine: runs a plan of row writes against DingTalk as fast as DingTalk allows, journals every
// finished row, and resumes an interrupted job without re-sending what is done.
import { retryClassOf } from '../../../shared/errcodes';
import type { RowResult } from '../../../shared/domain';
import { createJobFiles, newJobId, readJournal, readPlan, runningPid } from './journal';
import { JobControl, makeHandle, runJob } from './run-job';
import type { JobHandle, JobOutcome, ResumeJobOptions, StartJobOptions } from './types';

export { createScheduler, CallAbortedError } from './scheduler';
export type { Scheduler, SchedulerOptions, SchedulerStats, CallTrace } from './scheduler';
export { RateLimiter, THROTTLE_ERRCODES, isThrottleErrcode } from './limiter';
export { listJobs, readJob, newJobId, JobNotFoundError } from './journal';
export { DEFAULT_CONCURRENCY, DEFAULT_MAX_QPS } from './run-job';
export type * from './types';

/** Starts a job: writes its plan and journal header, then runs it. Failures to write the journal reject `done`. */
export function startJob(opts: StartJobOptions): JobHandle {
  const jobId = opts.jobId ?? newJobId();
  const ctl = new JobControl();
  const done = (async (): Promise<JobOutcome> => {
    const seqs = new Set(opts.plan.map((op) => op.seq));
    if (seqs.size !== opts.plan.length) throw new Error('the plan has two rows with the same seq');
    await createJobFiles(opts.dataDir, jobId, opts.meta, opts.plan);
    return runJob({ ...opts, jobId, prior: new Map(), maybeSent: new Set(), resumed: false }, ctl);
  })();
  return makeHandle(jobId, ctl, done);
}

/** A job-fatal failure (quota, permission...) may pass later: resume runs those rows again. */
const needsRerun = (r: RowResult): boolean => {
  if (r.status === 'skipped') return true;
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
  const journal = await readJournal(dataDir, jobId);
  const pid = await runningPid(dataDir, jobId);
  if (pid !== undefined) throw new Error(`job ${jobId} is still running (process ${pid})`);
  const plan = await readPlan(dataDir, jobId);
  const prior = new Map<number, RowResult>();
  const maybeSent = new Set<number>();
  for (const op of plan) {
    const r = journal.results.get(op.seq);
    if (r && !needsRerun(r)) prior.set(op.seq, r);
    else if (op.seq < journal.lastWindow && r?.status !== 'failed') maybeSent.add(op.seq);
  }
  const ctl = new JobControl();
  const done = runJob({ ...opts, plan, prior, maybeSent, resumed: true }, ctl);
  return makeHandle(jobId, ctl, done);
}
