// Request timeouts without an AbortController per request. Node's AbortSignals always survive young-generation
// GC (each is an EventTarget), so one per request filled the old generation at thousands of calls per second.
// Requests that start within the same short slice of time share one controller, aborted once the LAST of
// them may have run its full timeout: every request still waiting then has waited at least `timeoutMs`, at
// most one slice more. A slice's timer is cleared as soon as its last request has its answer.
import { setMaxListeners } from 'node:events';

interface Slice {
  readonly index: number;
  readonly ctl: AbortController;
  /** Requests of this slice still waiting for their answer. */
  open: number;
  timer?: NodeJS.Timeout;
}

export interface TimeoutLease {
  signal: AbortSignal;
  /** Call when the answer is read (or the request failed): the slice's timer stops once all are done. */
  release(): void;
}

/** The reason a timed-out request is aborted with, as AbortSignal.timeout gives it. */
export const timeoutError = (ms: number): Error =>
  new DOMException(`The operation was aborted due to timeout (${ms} ms)`, 'TimeoutError');

export class TimeoutSignals {
  private readonly sliceMs: number;
  private current: Slice | undefined;

  constructor(
    readonly timeoutMs: number,
    // Monotonic: a wall-clock change must not fire or hold back a timeout.
    private readonly now: () => number = () => performance.now(),
  ) {
    // A tenth of the timeout (1 ms to 1 s): a request may wait up to 10% longer than asked.
    this.sliceMs = Math.min(1000, Math.max(1, Math.floor(timeoutMs / 10)));
  }

  acquire(): TimeoutLease {
    const index = Math.floor(this.now() / this.sliceMs);
    let slice = this.current;
    if (!slice || slice.index !== index || slice.ctl.signal.aborted) {
      const ctl = new AbortController();
      // Real fetch adds an abort listener per request; many share this signal by design.
      setMaxListeners(0, ctl.signal);
      slice = { index, ctl, open: 0 };
      this.current = slice;
    }
    const s = slice;
    if (s.open++ === 0) {
      // Fires when the slice's last possible start has had its full timeout.
      const delay = (s.index + 1) * this.sliceMs + this.timeoutMs - this.now();
      s.timer = setTimeout(() => s.ctl.abort(timeoutError(this.timeoutMs)), Math.max(0, delay));
    }
    let released = false;
    return {
      signal: s.ctl.signal,
      release: () => {
        if (released) return;
        released = true;
        if (--s.open === 0) {
          clearTimeout(s.timer);
          s.timer = undefined;
        }
      },
    };
  }
}
