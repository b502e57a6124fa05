// Per-endpoint adaptive rate limiter. Each endpoint (DingTalk counts limits per org + app + endpoint) gets
// a lane that spaces calls evenly at its current rate: no bursts, so a server counting calls per second
// never sees more than the rate. A throttle errcode halves the lane's rate at once (multiplicative decrease)
// and remembers a ceiling just under the rate that was refused; the rate then climbs back additively to the
// ceiling, and the ceiling itself creeps back up to maxQps, so the lane settles just under the real limit.
// Slots a stalled event loop (a busy machine, a long GC) missed are made up afterwards, but never beyond what
// a sliding window a little longer than a second allows: no second, as any server counts it, holds more.
import type { Endpoint } from '../../../shared/domain';

/** Errcodes that mean "too many calls" (dingtalk-api.md, rate limits). */
export const THROTTLE_ERRCODES: ReadonlySet<number | string> = new Set([
  90018, 90006, 90005, 90002, 90019, 88,
]);

export const isThrottleErrcode = (errcode: number | string): boolean => THROTTLE_ERRCODES.has(errcode);

export interface LimiterOptions {
  /** Upper bound in calls per second per endpoint; never exceeded. Infinity or 0: no limit. */
  maxQps: number;
  /** Floor of the adaptive rate (default 1/s). */
  minQps?: number;
  /** Factor applied to the rate on a throttle (default 0.5). */
  decrease?: number;
  /**
   * Calls are spaced 1/(rate·headroom) apart (default 0.98): servers count calls per fixed second and the
   * network adds jitter, so aiming a hair under the limit avoids the throttles that would halve the rate.
   */
  headroom?: number;
  /** Additive increase in calls/s per second while under the learned ceiling (default maxQps / 5). */
  increasePerSecond?: number;
  /** How fast the learned ceiling creeps back to maxQps, calls/s per second (default maxQps / 600). */
  ceilingRecoveryPerSecond?: number;
  now?: () => number;
}

/** Schedule slots missed while the event loop stalled that may still be used, in ms. */
const CATCH_UP_MS = 100;
/**
 * The sliding window: a server counting calls per fixed second sees a window of one second plus the
 * network's jitter, so the cap holds for a little longer than a second.
 */
const WINDOW_MS = 1050;

export interface LaneState {
  endpoint: Endpoint;
  rate: number;
  ceiling: number;
  waiting: number;
}

class Lane {
  rate: number;
  ceiling: number;
  private lastGrow: number;
  private lastDecrease = -Infinity;
  private nextAt = 0;
  private readonly queue: Array<() => void> = [];
  /** Times of recent successful calls (a ring), to measure what the server really accepted. */
  private readonly accepted: number[];
  private acceptedAt = 0;
  /** Send times within the last WINDOW_MS (oldest first, from `sentHead`). */
  private sent: number[] = [];
  private sentHead = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly endpoint: Endpoint,
    private readonly o: Required<Omit<LimiterOptions, 'now'>> & { now: () => number },
  ) {
    this.rate = o.maxQps;
    this.ceiling = o.maxQps;
    this.lastGrow = o.now();
    this.accepted = new Array<number>(Math.min(1000, Math.ceil(o.maxQps) + 1)).fill(-Infinity);
  }

  onSuccess(): void {
    this.accepted[this.acceptedAt] = this.o.now();
    this.acceptedAt = (this.acceptedAt + 1) % this.accepted.length;
  }

  /** Successful calls in the last second: close to the server's real per-second limit when it throttles. */
  private acceptedLastSecond(now: number): number {
    let n = 0;
    for (const t of this.accepted) if (now - t < 1000) n++;
    return n;
  }

  /** The rate now (after the additive increase since the last look). */
  current(): number {
    this.grow(this.o.now());
    return this.rate;
  }

  get waiting(): number {
    return this.queue.length;
  }

  acquire(): Promise<void> {
    const now = this.o.now();
    this.grow(now);
    if (this.queue.length === 0 && this.ready(now)) {
      this.take(now, false);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.queue.push(resolve);
      this.arm(now);
    });
  }

  onThrottle(): number {
    const now = this.o.now();
    this.grow(now);
    // Calls already in flight were paced at the old rate; one decrease per second is enough.
    if (now - this.lastDecrease < 1000) return this.rate;
    this.lastDecrease = now;
    // The new ceiling: a little under both the refused rate and what the server accepted in the last second.
    const accepted = this.acceptedLastSecond(now);
    const learned = Math.min(this.ceiling, this.rate * 0.95, accepted > 0 ? accepted * 0.97 : Infinity);
    this.ceiling = Math.max(this.o.minQps, learned);
    this.rate = Math.max(this.o.minQps, this.rate * this.o.decrease);
    // Re-space from now at the new rate.
    this.nextAt = Math.max(this.nextAt, now + 1000 / this.rate);
    return this.rate;
  }

  /** Calls the sliding window allows: the rate (with its headroom) over one second, at least one. */
  private cap(): number {
    return Math.max(1, Math.floor(this.rate * this.o.headroom));
  }

  private inWindow(now: number): number {
    while (this.sentHead < this.sent.length && this.sent[this.sentHead]! <= now - WINDOW_MS) this.sentHead++;
    if (this.sentHead > 1024) {
      this.sent = this.sent.slice(this.sentHead);
      this.sentHead = 0;
    }
    return this.sent.length - this.sentHead;
  }

  /** Whether a call may go now: its slot has come and the sliding window has room. */
  private ready(now: number): boolean {
    return now >= this.nextAt && this.inWindow(now) < this.cap();
  }

  /**
   * Timers fire late (a busy event loop, 1 ms granularity, a stalled process). With calls waiting, keep to
   * the schedule up to CATCH_UP_MS behind it, so lateness does not eat the rate: the missed slots go out as
   * soon as the loop runs again, as far as the sliding window allows. A lane nobody waited on was idle:
   * more than one interval behind, it restarts from now (no burst after a pause).
   */
  private take(now: number, waited: boolean): void {
    const interval = 1000 / (this.rate * this.o.headroom);
    const lag = waited ? CATCH_UP_MS : interval;
    const base = this.nextAt > 0 && now - this.nextAt < lag ? this.nextAt : waited ? now - lag : now;
    this.nextAt = base + interval;
    this.sent.push(now);
  }

  private arm(now: number): void {
    if (this.timer) return;
    // The slot, or, when the window is full, the moment its oldest call leaves it.
    const full = this.inWindow(now) >= this.cap();
    const at = full ? Math.max(this.nextAt, this.sent[this.sentHead]! + WINDOW_MS) : this.nextAt;
    this.timer = setTimeout(() => this.pump(), Math.max(0, Math.ceil(at - now)));
  }

  private pump(): void {
    this.timer = undefined;
    const now = this.o.now();
    this.grow(now);
    while (this.queue.length > 0 && this.ready(now)) {
      this.take(now, true);
      this.queue.shift()!();
    }
    if (this.queue.length > 0) this.arm(now);
  }

  private grow(now: number): void {
    const dt = Math.max(0, now - this.lastGrow) / 1000;
    this.lastGrow = now;
    if (dt === 0) return;
    if (this.ceiling < this.o.maxQps) {
      this.ceiling = Math.min(this.o.maxQps, this.ceiling + this.o.ceilingRecoveryPerSecond * dt);
    }
    if (this.rate < this.ceiling)
      this.rate = Math.min(this.ceiling, this.rate + this.o.increasePerSecond * dt);
  }
}

export class RateLimiter {
  private readonly lanes = new Map<Endpoint, Lane>();
  private readonly o: Required<Omit<LimiterOptions, 'now'>> & { now: () => number };
  readonly unlimited: boolean;

  constructor(opts: LimiterOptions) {
    const maxQps = opts.maxQps > 0 ? opts.maxQps : Infinity;
    this.unlimited = !Number.isFinite(maxQps);
    const minQps = Math.min(opts.minQps ?? 1, maxQps);
    this.o = {
      maxQps,
      minQps,
      decrease: opts.decrease ?? 0.5,
      headroom: opts.headroom ?? 0.98,
      increasePerSecond: opts.increasePerSecond ?? Math.max(0.5, maxQps / 5),
      ceilingRecoveryPerSecond: opts.ceilingRecoveryPerSecond ?? Math.max(0.01, maxQps / 600),
      now: opts.now ?? (() => performance.now()),
    };
  }

  private lane(endpoint: Endpoint): Lane {
    let lane = this.lanes.get(endpoint);
    if (!lane) {
      lane = new Lane(endpoint, this.o);
      this.lanes.set(endpoint, lane);
    }
    return lane;
  }

  /** Resolves when a call to `endpoint` may be sent. */
  acquire(endpoint: Endpoint): Promise<void> {
    if (this.unlimited) return Promise.resolve();
    return this.lane(endpoint).acquire();
  }

  /** A call to `endpoint` succeeded (the limiter learns the server's real limit from these). */
  onSuccess(endpoint: Endpoint): void {
    if (!this.unlimited) this.lane(endpoint).onSuccess();
  }

  /** A throttle errcode came back from `endpoint`: slow that endpoint down. Returns its new rate. */
  onThrottle(endpoint: Endpoint): number {
    if (this.unlimited) return Infinity;
    return this.lane(endpoint).onThrottle();
  }

  rate(endpoint: Endpoint): number {
    if (this.unlimited) return Infinity;
    return this.lane(endpoint).current();
  }

  lanesState(): LaneState[] {
    return [...this.lanes.values()].map((l) => ({
      endpoint: l.endpoint,
      rate: l.rate,
      ceiling: l.ceiling,
      waiting: l.waiting,
    }));
  }
}
