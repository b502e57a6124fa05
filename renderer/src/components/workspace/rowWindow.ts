// The rows of one query (and sort) as the virtual table reads them: blocks of BLOCK rows fetched on demand,
// the blocks ahead in the scroll direction fetched before they are needed (a fast wheel finds them loaded),
// a bounded cache of recent blocks (scrolling back costs no call), and a few calls in flight at most, always
// for what is wanted now: blocks a jump scrolled past are never asked for. Not React: the rows subscribe.
import type { ContactRowView } from '../../api';

export const BLOCK = 200;
/** Rows fetched ahead of the view in the scroll direction, and behind it. */
const AHEAD = 2 * BLOCK;
const BEHIND = BLOCK / 2;
/** Blocks kept (12,000 rows); the least recently shown go first. */
const MAX_BLOCKS = 60;
const MAX_IN_FLIGHT = 3;
/** A block whose call failed is asked for again after this long, not on every frame. */
const RETRY_MS = 2000;

export type FetchRows = (offset: number, limit: number) => Promise<ContactRowView[]>;

export class RowWindow {
  private readonly blocks = new Map<number, ContactRowView[]>();
  private readonly inFlight = new Set<number>();
  private readonly failedAt = new Map<number, number>();
  private wanted: number[] = [];
  /** The blocks around the view (shown, ahead, behind): never dropped. */
  private near = { from: 0, to: 0 };
  private readonly listeners = new Set<() => void>();
  private closed = false;
  private version = 0;

  constructor(
    private readonly fetchRows: FetchRows,
    readonly total: number,
    first: ContactRowView[],
    private readonly onError: (e: unknown) => void,
  ) {
    this.blocks.set(0, first);
  }

  rowAt(i: number): ContactRowView | undefined {
    return this.blocks.get(Math.floor(i / BLOCK))?.[i % BLOCK];
  }

  /** Rows first..last are on screen, the view moving down (1) or up (-1): fetch what they and the rows ahead need. */
  show(first: number, last: number, direction: 1 | -1): void {
    if (this.total === 0) return;
    const blockOf = (i: number) => Math.floor(Math.min(Math.max(i, 0), this.total - 1) / BLOCK);
    const from = blockOf(first - (direction > 0 ? BEHIND : AHEAD));
    const to = blockOf(last + (direction > 0 ? AHEAD : BEHIND));
    this.near = { from, to };
    const visible: number[] = [];
    const ahead: number[] = [];
    for (let b = from; b <= to; b++) {
      const seen = b >= blockOf(first) && b <= blockOf(last);
      const rows = this.blocks.get(b);
      // Shown again: the most recently used, the last to be dropped.
      if (rows && seen) {
        this.blocks.delete(b);
        this.blocks.set(b, rows);
      }
      if (!rows) (seen ? visible : ahead).push(b);
    }
    // The nearest blocks ahead first.
    if (direction < 0) ahead.reverse();
    this.wanted = [...visible, ...ahead];
    this.pump();
  }

  private pump(): void {
    const now = performance.now();
    for (const b of this.wanted) {
      if (this.inFlight.size >= MAX_IN_FLIGHT) return;
      if (this.blocks.has(b) || this.inFlight.has(b) || now - (this.failedAt.get(b) ?? -Infinity) < RETRY_MS)
        continue;
      this.load(b);
    }
  }

  private load(b: number): void {
    this.inFlight.add(b);
    this.fetchRows(b * BLOCK, BLOCK)
      .then((rows) => {
        if (this.closed) return;
        this.failedAt.delete(b);
        this.blocks.set(b, rows);
        this.evict();
        this.version++;
        for (const l of this.listeners) l();
      })
      .catch((e: unknown) => {
        if (this.closed) return;
        this.failedAt.set(b, performance.now());
        this.onError(e);
      })
      .finally(() => {
        this.inFlight.delete(b);
        if (!this.closed) this.pump();
      });
  }

  private evict(): void {
    for (const b of this.blocks.keys()) {
      if (this.blocks.size <= MAX_BLOCKS) return;
      if (b < this.near.from || b > this.near.to) this.blocks.delete(b);
    }
  }

  /** For useSyncExternalStore: called when a block arrives. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** A new query or sort replaced it: calls still out are ignored. */
  close(): void {
    this.closed = true;
    this.listeners.clear();
  }
}
