// The call scheduler: every attempt of every API call goes through `run`, which waits for the endpoint's
// rate limiter (and any IP ban), makes the attempt, and retries transient failures by the errcode
// catalogue's class. The client takes it (`withScheduler`), so paged list calls get the same treatment.
import type { Endpoint } from '../../../shared/domain';
import { backoffDelay, retryPolicy, sleep } from './backoff';
import { asApiFailure } from './failure';
import { isThrottleErrcode, RateLimiter, type LaneState } from './limiter';
import type { ApiFailure, CallScheduler } from './types';

/** What the scheduler learns about the calls made for one row (set by the engine around a row). */
export interface CallTrace {
  /** Attempts sent (each HTTP request counts). */
  attempts: number;
  /** Some attempt's outcome was unknown (timeout or connection dropped after sending). */
  ambiguous: boolean;
  /** Attempts this trace may still make before a transient failure is final. */
  maxAttempts?: number;
}

export interface SchedulerOptions {
  /** Calls per second per endpoint, upper bound (default 20). Infinity or 0: no limit. */
  maxQps?: number;
  /** Floor of the adaptive rate (default 1). */
  minQps?: number;
  /** Attempts per call before a transient failure is final (default 6). */
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Waits longer than this many seconds on an IP ban are capped (default 600). */
  maxBanSeconds?: number;
  /** Each request about to be sent. */
  onCall?: (endpoint: Endpoint) => void;
  /** A throttle errcode came back; `rate` is the endpoint's new rate. */
  onThrottle?: (e: { endpoint: Endpoint; errcode: number | string; rate: number }) => void;
  /** An IP ban: every call waits until `until` (epoch ms). */
  onBan?: (e: { waitSeconds: number; until: number }) => void;
  random?: () => number;
  /** Aborting stops waits (limiter, backoff, ban) of calls not on the wire: they throw CallAbortedError. */
  signal?: AbortSignal;
}

/** A call given up before it was sent because the job is stopping. */
export class CallAbortedError extends Error {
  constructor() {
    super('the job is stopping; the call was not sent');
    this.name = 'CallAbortedError';
  }
}

export interface SchedulerStats {
  calls: number;
  throttled: number;
  retries: number;
  bans: number;
}

export interface Scheduler extends CallScheduler {
  /**
   * The same scheduler, with `trace` collecting the attempts of every call made through it (the engine
   * gives each row its own). Passed explicitly rather than through AsyncLocalStorage, whose promise hooks
   * would tax every promise of every request for the rest of the process.
   */
  traced(trace: CallTrace): CallScheduler;
  stats(): SchedulerStats;
  lanes(): LaneState[];
  /** Epoch ms until which every call waits (an IP ban), or 0. */
  bannedUntil(): number;
}

/** Bans in a row for one call before it gives up (each is minutes long). */
const MAX_BANS_PER_CALL = 3;

export function createScheduler(opts: SchedulerOptions = {}): Scheduler {
  const limiter = new RateLimiter({ maxQps: opts.maxQps ?? 20, minQps: opts.minQps });
  const maxAttempts = opts.maxAttempts ?? 6;
  const capMs = opts.backoffCapMs ?? 10_000;
  const random = opts.random ?? Math.random;
  const maxBanMs = (opts.maxBanSeconds ?? 600) * 1000;
  const stats: SchedulerStats = { calls: 0, throttled: 0, retries: 0, bans: 0 };
  let bannedUntil = 0;

  const signal = opts.signal;
  const checkAbort = (): void => {
    if (signal?.aborted) throw new CallAbortedError();
  };
  const pause = async (ms: number): Promise<void> => {
    checkAbort();
    await sleep(ms, signal);
    checkAbort();
  };
  const waitForBan = async (): Promise<void> => {
    while (Date.now() < bannedUntil) await pause(Math.min(1000, bannedUntil - Date.now()));
  };

  const ban = (f: ApiFailure): void => {
    const waitMs = Math.min(maxBanMs, Math.max(1, f.waitSeconds ?? 300) * 1000);
    const until = Date.now() + waitMs;
    stats.bans++;
    if (until > bannedUntil) {
      bannedUntil = until;
      opts.onBan?.({ waitSeconds: Math.ceil(waitMs / 1000), until });
    }
  };

  async function run<T>(endpoint: Endpoint, attempt: () => Promise<T>, trace?: CallTrace): Promise<T> {
    let tries = 0;
    let bans = 0;
    for (;;) {
      await waitForBan();
      await limiter.acquire(endpoint);
      checkAbort();
      if (Date.now() < bannedUntil) continue; // a ban began while we waited for our slot
      tries++;
      stats.calls++;
      if (trace) trace.attempts++;
      opts.onCall?.(endpoint);
      try {
        const value = await attempt();
        limiter.onSuccess(endpoint);
        return value;
      } catch (e) {
        const f = asApiFailure(e);
        if (!f) throw e;
        if (f.sent && trace) trace.ambiguous = true;
        if (f.retryClass !== 'transient') throw e;
        // A create whose outcome is unknown is never re-sent blindly: the engine looks it up first.
        if (f.sent && endpoint === 'create') throw e;
        if (f.errcode === 'ip-ban') {
          ban(f);
          // The ban is DingTalk's wait, not this call's failure: it does not use up an attempt.
          tries--;
          if (++bans > MAX_BANS_PER_CALL) throw e;
          continue;
        }
        if (isThrottleErrcode(f.errcode)) {
          stats.throttled++;
          const rate = limiter.onThrottle(endpoint);
          opts.onThrottle?.({ endpoint, errcode: f.errcode, rate });
        }
        const policy = retryPolicy(f.errcode);
        const limit = Math.min(policy.maxAttempts ?? maxAttempts, trace?.maxAttempts ?? maxAttempts);
        if (tries >= limit) throw e;
        stats.retries++;
        await pause(backoffDelay(tries, { baseMs: opts.backoffBaseMs ?? policy.baseMs, capMs, random }));
      }
    }
  }

  return {
    run: (endpoint, attempt) => run(endpoint, attempt),
    traced: (trace) => ({ run: (endpoint, attempt) => run(endpoint, attempt, trace) }),
    stats: () => ({ ...stats }),
    lanes: () => limiter.lanesState(),
    bannedUntil: () => (Date.now() < bannedUntil ? bannedUntil : 0),
  };
}
