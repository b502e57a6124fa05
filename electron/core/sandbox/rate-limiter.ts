// Per-endpoint call budgets like DingTalk's: a per-second count (90018) and a rolling minute (90006).
// Sixty one-second buckets per endpoint keep both checks O(60) with no per-call allocation.
import type { SandboxLimits } from './types';

interface Bucket {
  sec: number;
  count: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket[]>();
  throttled = 0;

  constructor(private limits: SandboxLimits | false) {}

  set(limits: SandboxLimits | false): void {
    this.limits = limits;
    this.buckets.clear();
  }

  /** 0 when the call may pass (and is counted), else the errcode to answer. */
  admit(endpoint: string, nowMs: number): 0 | 90018 | 90006 {
    const limits = this.limits;
    if (!limits) return 0;
    const sec = Math.floor(nowMs / 1000);
    let ring = this.buckets.get(endpoint);
    if (!ring) {
      ring = Array.from({ length: 60 }, () => ({ sec: -1, count: 0 }));
      this.buckets.set(endpoint, ring);
    }
    const bucket = ring[sec % 60] as Bucket;
    if (bucket.sec !== sec) {
      bucket.sec = sec;
      bucket.count = 0;
    }
    if (limits.perSecond !== undefined && bucket.count >= limits.perSecond) {
      this.throttled++;
      return 90018;
    }
    if (limits.perMinute !== undefined) {
      let minute = 0;
      for (const b of ring) if (b.sec > sec - 60) minute += b.count;
      if (minute >= limits.perMinute) {
        this.throttled++;
        return 90006;
      }
    }
    bucket.count++;
    return 0;
  }
}
