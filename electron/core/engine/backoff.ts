// Exponential backoff with jitter for transient errors.

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  random?: () => number;
}

/**
 * Delay before retry number `retry` (1 = first retry): base·2^(retry-1), capped, with "equal jitter"
 * (half fixed, half random) so parallel rows that failed together do not retry together, yet never 0.
 */
export function backoffDelay(retry: number, { baseMs, capMs, random = Math.random }: BackoffOptions): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Per-errcode retry policy within the transient class (dingtalk-api.md). */
export function retryPolicy(errcode: number | string): { maxAttempts?: number; baseMs: number } {
  switch (errcode) {
    case 88: // "too fast" block of about 1 s: retry once after a pause
      return { maxAttempts: 2, baseMs: 1000 };
    case 90002: // global endpoint limit, banned for a short window: back off in seconds
      return { baseMs: 1000 };
    default:
      return { baseMs: 250 };
  }
}

/** Resolves after `ms`, or early when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
