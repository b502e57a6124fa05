// Progress events arrive per row (thousands a second); the UI needs a few a second. Per key, pass the
// first event, then at most one per interval (the latest), and always pass state changes at once.
export function createCoalescer<T>(opts: {
  intervalMs: number;
  key: (v: T) => string;
  /** Values for which this returns true are sent at once (state change, last row). */
  urgent: (v: T, last: T | undefined) => boolean;
  send: (v: T) => void;
}) {
  interface Slot {
    last?: T;
    pending?: T;
    timer?: ReturnType<typeof setTimeout>;
    sentAt: number;
  }
  const slots = new Map<string, Slot>();

  const flush = (slot: Slot): void => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    if (slot.pending === undefined) return;
    const v = slot.pending;
    slot.pending = undefined;
    slot.last = v;
    slot.sentAt = Date.now();
    opts.send(v);
  };

  return {
    push(v: T): void {
      const k = opts.key(v);
      let slot = slots.get(k);
      if (!slot) slots.set(k, (slot = { sentAt: 0 }));
      slot.pending = v;
      if (opts.urgent(v, slot.last) || Date.now() - slot.sentAt >= opts.intervalMs) return flush(slot);
      slot.timer ??= setTimeout(() => flush(slot), opts.intervalMs - (Date.now() - slot.sentAt));
    },
    /** Sends whatever is pending for `key` now (the job ended). */
    flush(k: string): void {
      const slot = slots.get(k);
      if (slot) flush(slot);
    },
    close(): void {
      for (const slot of slots.values()) if (slot.timer) clearTimeout(slot.timer);
      slots.clear();
    },
  };
}
