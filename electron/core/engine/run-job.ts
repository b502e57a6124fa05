// Runs a plan: rows go out through p-limit (concurrency) and the scheduler (rate limit, retries), each
// row ends with one RowResult, and results are journalled in synced batches. Before rows beyond the
// current "window" are started, everything finished so far is flushed and a window mark is written, so a
// resume knows exactly which unrecorded rows may have been sent (and checks those before re-sending).
import { join } from 'node:path';
import pLimit from 'p-limit';
import {
  CONFLICT_ERRCODE,
  DEPENDENCY_ERRCODE,
  GONE_ERRCODE,
  type JobProgress,
  type JobState,
  type RowOp,
  type RowResult,
} from '../../../shared/domain';
import { hintFor } from '../../../shared/errcodes';
import { CreateLookup, MobilesNotVisibleError } from './create-lookup';
import { asApiFailure, fatalInfo, isJobFatal } from './failure';
import { JOURNAL_FILE, JournalWriter, jobDir, LOCK_HEARTBEAT_MS, removeLock, touchLock } from './journal';
import { coalesce, etaSeconds, RateMeter } from './progress';
import { FRESH_WINDOW_MS, Rereader, type Decision } from './reread';
import { CallAbortedError, createScheduler, type CallTrace } from './scheduler';
import type { ApiFailure, EngineClient, EngineRunOptions, FatalInfo, JobHandle, JobOutcome } from './types';

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_MAX_QPS = 20;
const DEFAULT_MAX_ATTEMPTS = 6;
/** Journal appends are synced at least this often while rows finish. */
const FLUSH_EVERY_MS = 200;
const FLUSH_EVERY_ROWS = 2000;

type StopReason = 'cancel' | 'interrupt' | 'fatal';

/** Pause, resume and stop requests from the handle, and the state the runner reports back. */
export class JobControl {
  paused = false;
  stop: StopReason | undefined;
  readonly abort = new AbortController();
  private wake: Array<() => void> = [];
  onChange: () => void = () => {};

  pause(): void {
    if (this.stop || this.paused) return;
    this.paused = true;
    this.onChange();
  }
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.release();
    this.onChange();
  }
  halt(reason: StopReason): void {
    if (this.stop) return;
    this.stop = reason;
    this.paused = false;
    // A fatal stop lets rows in flight finish their retries; a user's stop also ends their waits.
    if (reason !== 'fatal') this.abort.abort();
    this.release();
    this.onChange();
  }
  waitWhilePaused(): Promise<void> {
    if (!this.paused) return Promise.resolve();
    return new Promise((r) => this.wake.push(r));
  }
  private release(): void {
    const w = this.wake;
    this.wake = [];
    for (const r of w) r();
  }
}

export function makeHandle(jobId: string, ctl: JobControl, done: Promise<JobOutcome>): JobHandle {
  return {
    jobId,
    pause: () => ctl.pause(),
    resume: () => ctl.resume(),
    cancel: () => ctl.halt('cancel'),
    interrupt: () => ctl.halt('interrupt'),
    done,
  };
}

export interface RunInput extends EngineRunOptions {
  jobId: string;
  plan: RowOp[];
  /** Results already final from earlier runs (kept as they are). */
  prior: Map<number, RowResult>;
  /** Rows an earlier run may have sent without recording: creates are looked up, deletes accept "not found". */
  maybeSent: Set<number>;
  resumed: boolean;
  /** When the plan read the contacts (ms); -Infinity: unknown, re-read every update before sending it. */
  plannedAt: number;
}

const DELETE_GONE = new Set<number | string>([33012, 60121]);

function summarize(results: RowResult[]): JobOutcome['summary'] {
  const s = { total: results.length, ok: 0, failed: 0, skipped: 0 };
  for (const r of results) s[r.status]++;
  return s;
}

export async function runJob(input: RunInput, ctl: JobControl): Promise<JobOutcome> {
  const { jobId, plan, dataDir } = input;
  const maxQps = input.maxQps ?? DEFAULT_MAX_QPS;
  const concurrency = Math.max(1, Math.floor(input.concurrency ?? DEFAULT_CONCURRENCY));
  const maxAttempts = input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const total = plan.length;

  const ordered = [...plan].sort((a, b) => a.seq - b.seq);
  const resultBySeq = new Map<number, RowResult>(input.prior);
  const pending = ordered.filter((op) => !input.prior.has(op.seq));
  let ok = 0;
  let failed = 0;
  // Rows that ended without a write (a dependency failed, a conflict): done too.
  let skipped = 0;
  for (const r of input.prior.values()) {
    if (r.status === 'ok') ok++;
    else if (r.status === 'failed') failed++;
    else skipped++;
  }

  const callMeter = new RateMeter();
  const rowMeter = new RateMeter();
  let banUntil = 0;
  let fatal: FatalInfo | undefined;
  let journalError: unknown;

  const snapshot = (state: JobState): JobProgress => {
    const done = ok + failed + skipped;
    const p: JobProgress = {
      jobId,
      state,
      total,
      done,
      ok,
      failed,
      rate: Math.round(callMeter.perSecond() * 10) / 10,
      etaSeconds: etaSeconds(total - done, rowMeter.perSecond()),
    };
    const waitMs = banUntil - Date.now();
    if (waitMs > 0) {
      p.pausedForSeconds = Math.ceil(waitMs / 1000);
      p.message = `DingTalk blocked this IP for a while (per-IP limit); resuming in ${p.pausedForSeconds}s`;
    } else if (state === 'paused') {
      p.message = 'paused; rows in flight finish';
    }
    return p;
  };
  const liveState = (): JobState => (ctl.paused ? 'paused' : 'running');
  const progress = coalesce<JobProgress>((p) => input.onProgress?.(p), 100);
  const report = (): void => {
    if (input.onProgress) progress.push(snapshot(liveState()));
  };
  ctl.onChange = report;

  let banTimer: NodeJS.Timeout | undefined;
  const scheduler = createScheduler({
    maxQps,
    maxAttempts,
    signal: ctl.abort.signal,
    onCall: () => callMeter.add(),
    onBan: ({ until }) => {
      banUntil = until;
      // Count the wait down in progress events once a second.
      if (!banTimer) {
        banTimer = setInterval(() => {
          report();
          if (Date.now() >= banUntil && banTimer) {
            clearInterval(banTimer);
            banTimer = undefined;
          }
        }, 1000);
      }
      report();
    },
  });
  const client = input.client.withScheduler(scheduler);
  const lookup = new CreateLookup(client);
  const rereader = new Rereader(client, input.plannedAt, input.freshWindowMs ?? FRESH_WINDOW_MS, {
    maxQps,
    concurrency,
  });

  const dir = jobDir(dataDir, jobId);
  // The caller holds the job's lock (acquireLock) from here to the end.
  const writer = await JournalWriter.open(join(dir, JOURNAL_FILE));
  writer.append({
    t: 'run',
    at: new Date().toISOString(),
    pid: process.pid,
    resumed: input.resumed,
    maxQps: Number.isFinite(maxQps) && maxQps > 0 ? maxQps : null,
    concurrency,
  });
  await writer.flush();

  const flush = (): Promise<void> =>
    writer.flush().catch((e: unknown) => {
      journalError ??= e;
      ctl.halt('interrupt');
    });
  const flushTimer = setInterval(() => void flush(), FLUSH_EVERY_MS);
  // A lock that cannot be refreshed (disk gone, taken over as stale) means another run may start: stop.
  const heartbeat = setInterval(
    () =>
      void touchLock(dataDir, jobId).catch((e: unknown) => {
        journalError ??= e;
        ctl.halt('interrupt');
      }),
    input.heartbeatMs ?? LOCK_HEARTBEAT_MS,
  );

  const record = (r: RowResult): void => {
    resultBySeq.set(r.seq, r);
    if (r.status === 'ok') ok++;
    else if (r.status === 'failed') failed++;
    else skipped++;
    rowMeter.add();
    writer.append({ t: 'row', ...r });
    if (writer.pending >= FLUSH_EVERY_ROWS) void flush();
    report();
  };

  const rowResult = (
    op: RowOp,
    trace: CallTrace,
    extra: Partial<RowResult> & Pick<RowResult, 'status'>,
  ): RowResult => ({
    seq: op.seq,
    row: op.row,
    kind: op.kind,
    ...(op.kind !== 'create' ? { userId: op.userId } : {}),
    attempts: trace.attempts,
    ...extra,
  });
  const failedWith = (op: RowOp, trace: CallTrace, f: Pick<ApiFailure, 'errcode' | 'errmsg'>): RowResult =>
    rowResult(op, trace, {
      status: 'failed',
      errcode: f.errcode,
      errmsg: f.errmsg,
      hint: hintFor(f.errcode),
    });

  /** A create whose outcome may be unknown: look it up before (re-)sending, never send it blind. */
  const performCreate = async (
    op: Extract<RowOp, { kind: 'create' }>,
    trace: CallTrace,
    rowClient: EngineClient,
  ): Promise<RowResult> => {
    let last: unknown;
    for (;;) {
      if (trace.ambiguous) {
        let existing: string | undefined;
        try {
          existing = await lookup.find(op.body);
        } catch (e) {
          if (!(e instanceof MobilesNotVisibleError)) throw e;
          const f = asApiFailure(last);
          return failedWith(op, trace, {
            errcode: f?.errcode ?? 'timeout',
            errmsg: `outcome unknown and ${e.message}; check whether ${op.body.mobile} exists before importing this row again`,
          });
        }
        if (existing !== undefined) return rowResult(op, trace, { status: 'ok', userId: existing });
      }
      const left = maxAttempts - trace.attempts;
      if (left <= 0 && last !== undefined) throw last;
      trace.maxAttempts = Math.max(1, left);
      try {
        const userId = await rowClient.createContact(op.body);
        return rowResult(op, trace, { status: 'ok', userId });
      } catch (e) {
        const f = asApiFailure(e);
        // Sent but unanswered: loop to look it up. "Already exists" after an unknown outcome: likewise.
        if (f && (f.sent || (f.errcode === 60200 && trace.ambiguous))) {
          last = e;
          if (f.errcode === 60200 && trace.attempts >= maxAttempts) throw e;
          continue;
        }
        throw e;
      }
    }
  };

  /** A row decided on re-reading its contact: already as asked (ok), a conflict, or deleted meanwhile. */
  const decided = (op: RowOp, d: Exclude<Decision, { kind: 'write' }>): RowResult => {
    const none: CallTrace = { attempts: 0, ambiguous: false };
    if (d.kind === 'same') return rowResult(op, none, { status: 'ok' });
    if (d.kind === 'gone')
      return rowResult(op, none, {
        status: 'failed',
        errcode: GONE_ERRCODE,
        errmsg: 'the contact was deleted in DingTalk after the plan was made; nothing was sent',
      });
    return rowResult(op, none, {
      status: 'skipped',
      errcode: CONFLICT_ERRCODE,
      errmsg: `changed in DingTalk after the plan was made, in what this row changes too: ${d.fields.join(', ')}; not overwritten`,
      fields: d.fields,
    });
  };

  /** Runs one row to its result; undefined when the job stopped before the row could finish. */
  const runRow = async (op: RowOp): Promise<RowResult | undefined> => {
    const trace: CallTrace = { attempts: 0, ambiguous: input.maybeSent.has(op.seq) };
    // The row's calls go through a scheduler that counts them in its trace; lookups do not (shared work).
    const rowClient = input.client.withScheduler(scheduler.traced(trace));
    try {
      switch (op.kind) {
        case 'update':
          await rowClient.updateContact(op.body);
          return rowResult(op, trace, { status: 'ok' });
        case 'delete':
          await rowClient.deleteContact(op.userId);
          return rowResult(op, trace, { status: 'ok' });
        case 'create':
          return await performCreate(op, trace, rowClient);
      }
    } catch (e) {
      if (e instanceof CallAbortedError) return undefined;
      const f = asApiFailure(e);
      if (!f) {
        // A bug or an unexpected throw: fail this row with what we know, keep the job going.
        return failedWith(op, trace, {
          errcode: 'error',
          errmsg: e instanceof Error ? e.message : String(e),
        });
      }
      // A delete whose earlier attempt may have gone through: "no such user" now means it is done.
      if (
        op.kind === 'delete' &&
        trace.ambiguous &&
        typeof f.errcode === 'number' &&
        DELETE_GONE.has(f.errcode)
      ) {
        return rowResult(op, trace, { status: 'ok' });
      }
      if (isJobFatal(f)) {
        fatal ??= fatalInfo(f);
        ctl.halt('fatal');
      }
      return failedWith(op, trace, f);
    }
  };

  // Each dispatched row's outcome, for the rows that depend on it (RowOp.after).
  const outcomes = new Map<number, Promise<RowResult | undefined>>();
  const inPlan = new Set(plan.map((op) => op.seq));
  /**
   * A row with `after` is sent only once that row succeeded: 'go', else its skipped result, or undefined
   * when that row never ended (the job stopped; a resume decides). The row it needs has a lower seq, so it
   * was dispatched first (p-limit is FIFO) or ended in an earlier run: waiting here cannot deadlock. A row
   * outside this plan (a retry job holds only the failed rows) was settled by the job it retries.
   */
  const gate = async (op: RowOp): Promise<RowResult | 'go' | undefined> => {
    if (op.after === undefined || !inPlan.has(op.after)) return 'go';
    const dep = await (outcomes.get(op.after) ?? resultBySeq.get(op.after));
    if (!dep) return undefined;
    if (dep.status === 'ok') return 'go';
    return rowResult(
      op,
      { attempts: 0, ambiguous: false },
      {
        status: 'skipped',
        errcode: DEPENDENCY_ERRCODE,
        errmsg: `not sent: row ${dep.row}, which it depends on, ${dep.status === 'failed' ? `failed (${dep.errcode})` : 'was not sent'}`,
        hint: hintFor(DEPENDENCY_ERRCODE),
      },
    );
  };
  const runGated = async (op: RowOp): Promise<RowResult | undefined> => {
    const g = await gate(op);
    return g === 'go' ? runRow(op) : g;
  };

  // Dispatch: keep p-limit's queue short. Rows past the current window are started only once a window mark
  // covering them is on disk (with every result finished so far); the next mark is written half a window
  // ahead, so the disk sync overlaps the calls instead of stalling them.
  const limit = pLimit(concurrency);
  const windowSize = Math.max(256, concurrency * 32);
  let windowEnd = 0;
  let nextMark: { end: number; synced: Promise<void> } | undefined;
  const markWindow = (end: number): { end: number; synced: Promise<void> } => {
    const upTo = end < pending.length ? pending[end]!.seq : pending[pending.length - 1]!.seq + 1;
    writer.append({ t: 'window', upTo });
    return { end, synced: flush() };
  };
  let slotFreed: (() => void) | undefined;
  const running = new Set<Promise<void>>();
  report();
  const slotFree = (): boolean => limit.activeCount + limit.pendingCount < concurrency;
  for (let i = 0; i < pending.length; i++) {
    // Wait for a free slot, and re-check pause and stop after every wait: a pause while we waited holds.
    while (!ctl.stop && (ctl.paused || !slotFree())) {
      if (ctl.paused) await ctl.waitWhilePaused();
      else await new Promise<void>((r) => (slotFreed = r));
    }
    if (ctl.stop) break;
    if (i >= windowEnd) {
      if (!nextMark || nextMark.end <= i) nextMark = markWindow(Math.min(pending.length, i + windowSize));
      await nextMark.synced;
      windowEnd = nextMark.end;
      nextMark = undefined;
      if (ctl.stop) break;
    }
    if (!nextMark && windowEnd < pending.length && i >= windowEnd - windowSize / 2) {
      nextMark = markWindow(Math.min(pending.length, windowEnd + windowSize));
    }
    let op = pending[i]!;
    if (rereader.needs(op)) {
      const failure = await rereader.reread(pending, i).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (failure instanceof CallAbortedError) break;
      if (failure !== undefined) {
        const f = asApiFailure(failure);
        if (f && isJobFatal(f)) {
          fatal ??= fatalInfo(f);
          ctl.halt('fatal');
          break;
        }
        // Not read, so not sent: this row fails with why (retryable), the next ones try again.
        record(
          failedWith(
            op,
            { attempts: 0, ambiguous: false },
            f ?? { errcode: 'error', errmsg: failure instanceof Error ? failure.message : String(failure) },
          ),
        );
        continue;
      }
      if (ctl.stop) break;
    }
    const decision = rereader.take(op.seq);
    if (decision && decision.kind !== 'write') {
      record(decided(op, decision));
      continue;
    }
    if (decision && op.kind === 'update') op = { ...op, body: decision.body };
    const send = op;
    const outcome = limit(() => runGated(send));
    outcomes.set(op.seq, outcome);
    const p = outcome.then((r) => {
      if (r) record(r);
      running.delete(p);
      const wake = slotFreed;
      slotFreed = undefined;
      wake?.();
    });
    running.add(p);
  }
  await Promise.all(running);
  await rereader.idle();
  clearInterval(flushTimer);
  clearInterval(heartbeat);
  if (banTimer) clearInterval(banTimer);

  let unsent = false;
  for (const r of resultBySeq.values()) if (r.status !== 'ok') unsent = true;
  const state: JobState = fatal
    ? 'stopped'
    : ctl.stop === 'cancel'
      ? 'cancelled'
      : ctl.stop
        ? 'interrupted'
        : unsent
          ? 'finished-with-failures'
          : 'finished';
  // Rows that never finished: journalled as skipped unless interrupted (then resume runs them as they are).
  const results: RowResult[] = [];
  for (const op of ordered) {
    let r = resultBySeq.get(op.seq);
    if (!r) {
      r = {
        seq: op.seq,
        row: op.row,
        kind: op.kind,
        ...(op.kind !== 'create' ? { userId: op.userId } : {}),
        status: 'skipped',
        attempts: 0,
        errmsg: fatal
          ? `not sent: the job stopped on ${fatal.errcode} (${fatal.errmsg})`
          : `not sent: the job was ${state === 'cancelled' ? 'cancelled' : 'interrupted'}`,
        hint: `Run \`dtload resume ${jobId}\` to finish this row.`,
      };
      if (state !== 'interrupted') writer.append({ t: 'row', ...r });
    }
    results.push(r);
  }
  const summary = summarize(results);
  writer.append({ t: 'end', at: new Date().toISOString(), state, summary, ...(fatal ? { fatal } : {}) });
  try {
    await writer.close();
  } catch (e) {
    journalError ??= e;
  }
  await removeLock(dataDir, jobId).catch(() => {});
  progress.close();
  if (journalError) throw journalError;
  const final = snapshot(state);
  final.etaSeconds = state === 'finished' || state === 'finished-with-failures' ? 0 : null;
  input.onProgress?.(final);
  return { jobId, state, results, summary, ...(fatal ? { fatal } : {}), reread: { ...rereader.stats } };
}
