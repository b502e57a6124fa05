// Progress events: a rate meter over a sliding window and a coalescer that forwards at most one event per
// interval (the latest), so a 100,000-row job does not flood the UI or stdout; the final event always goes out.
import type { JobProgress } from '../../../shared/domain';

/** Counts events in 250 ms buckets over a sliding window; `perSecond()` is the recent rate. */
export class RateMeter {
  private readonly buckets: number[];
  private readonly bucketMs = 250;
  private head = 0;
  private headStart: number;
  private readonly startedAt: number;

  constructor(
    private readonly windowMs = 5000,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.buckets = new Array<number>(Math.max(1, Math.round(windowMs / this.bucketMs))).fill(0);
    this.headStart = this.now();
    this.startedAt = this.headStart;
  }

  add(n = 1): void {
    this.advance();
    this.buckets[this.head] = (this.buckets[this.head] ?? 0) + n;
  }

  perSecond(): number {
    this.advance();
    const sum = this.buckets.reduce((a, b) => a + b, 0);
    const span = Math.min(this.windowMs, Math.max(this.bucketMs, this.now() - this.startedAt));
    return (sum * 1000) / span;
  }

  private advance(): void {
    const now = this.now();
    let steps = Math.floor((now - this.headStart) / this.bucketMs);
    if (steps <= 0) return;
    this.headStart += steps * this.bucketMs;
    steps = Math.min(steps, this.buckets.length);
    for (let i = 0; i < steps; i++) {
      this.head = (this.head + 1) % this.buckets.length;
      this.buckets[this.head] = 0;
    }
  }
}

export interface Coalescer<T> {
  /** Offer the latest state; it is forwarded now or at the end of the current interval. */
  push(value: T): void;
  /** Forward `value` at once (the final event), dropping anything pending. */
  flush(value: T): void;
  /** Drop any pending event and stop the timer. */
  close(): void;
}

/** Forwards at most one value per `intervalMs` (the latest one pushed). */
export function coalesce<T>(emit: (value: T) => void, intervalMs = 100): Coalescer<T> {
  let last = -Infinity;
  let pending: { value: T } | undefined;
  let timer: NodeJS.Timeout | undefined;
  const fire = (): void => {
    timer = undefined;
    if (!pending) return;
    const { value } = pending;
    pending = undefined;
    last = performance.now();
    emit(value);
  };
  return {
    push(value) {
      pending = { value };
      if (timer) return;
      const wait = last + intervalMs - performance.now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    flush(value) {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
      last = performance.now();
      emit(value);
    },
    close() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}

/** Seconds left at `rowsPerSecond`, or null while the rate is unknown. */
export function etaSeconds(remaining: number, rowsPerSecond: number): number | null {
  if (remaining <= 0) return 0;
  if (!(rowsPerSecond > 0)) return null;
  return Math.ceil(remaining / rowsPerSecond);
}

export type { JobProgress };
