// No lost updates: before an update planned a while ago (or any update of a resumed job) is sent, its
// contact is read again and the row's changes are re-merged onto what it holds now (import/remerge.ts).
// Reads go through the job's scheduler (rate limit, retries), a batch of upcoming rows at a time, by list
// pages or get, whichever costs fewer calls (import/current.ts chooses).
import type { Contact, RowOp } from '../../../shared/domain';
import { fetchByUserIds } from '../import/current';
import { remerge, type Remerged, type UpdateOp } from '../import/remerge';
import type { EngineClient } from './types';

/**
 * How old a plan's reading of a contact may be when its update is sent: past this, the contact is read
 * again first. Short, since another admin's edit in between would be overwritten (update replaces the
 * whole contact); long enough that a plan applied right after the dry run costs no extra calls.
 */
export const FRESH_WINDOW_MS = 2 * 60_000;
/** Most rows re-read at once: their writes should follow well within the window. */
const MAX_BATCH = 1000;

/** What the re-reading of a job's run cost and found (in the outcome, for reports and tests). */
export interface RereadStats {
  /** Rows whose contact was read again. */
  rows: number;
  /** Calls made for it: `get`s and `list` pages. */
  get: number;
  list: number;
  /** Rows not written: changed meanwhile in a field they change (conflicts), contact deleted (gone). */
  conflicts: number;
  gone: number;
}

export type Decision = Remerged | { kind: 'gone' };

type Planned = UpdateOp & { before: NonNullable<UpdateOp['before']> };

const rereadable = (op: RowOp): op is Planned => op.kind === 'update' && op.before !== undefined;

export class Rereader {
  readonly stats: RereadStats = { rows: 0, get: 0, list: 0, conflicts: 0, gone: 0 };
  private readonly decided = new Map<number, Decision>();
  /** Each row is read again at most once a run: its write follows within one batch. */
  private readonly done = new Set<number>();
  private readonly batch: number;

  constructor(
    private readonly client: Pick<EngineClient, 'listContacts' | 'getContact'>,
    /** When the plan read the contacts (ms); -Infinity when unknown (a resumed job). */
    private readonly plannedAt: number,
    private readonly windowMs: number,
    opts: { maxQps: number; concurrency: number },
  ) {
    // Half the rows the rate limit sends in one window, so a batch is written before it is stale again.
    const perWindow = Number.isFinite(opts.maxQps) ? Math.floor((opts.maxQps * windowMs) / 2000) : MAX_BATCH;
    this.batch = Math.max(opts.concurrency, Math.min(MAX_BATCH, perWindow));
  }

  /** The row must be read again before it is sent. */
  needs(op: RowOp, now = Date.now()): boolean {
    return rereadable(op) && !this.done.has(op.seq) && now - this.plannedAt > this.windowMs;
  }

  /**
   * Reads the contacts of `ops[from]` and the next rows needing it, and decides each; then starts reading the
   * batch after it, so those reads (their own endpoint, their own rate budget) overlap this batch's writes.
   */
  async reread(ops: readonly RowOp[], from: number): Promise<void> {
    const ahead = this.ahead;
    this.ahead = undefined;
    let end: number | undefined;
    if (ahead) {
      const failure = await ahead.read;
      if (ahead.seqs.has(ops[from]!.seq)) {
        if (failure !== undefined) throw failure;
        end = ahead.end;
      }
      // Otherwise its rows are decided, or (it failed) still to read: picked again below or later.
    }
    if (end === undefined) {
      const batch = this.pick(ops, from);
      end = batch.end;
      await this.read(batch.rows);
    }
    const next = this.pick(ops, end);
    if (next.rows.length === 0) return;
    // Settles with the failure instead of rejecting: nobody may be waiting for it when the job stops.
    const read = this.read(next.rows).then(
      () => undefined,
      (e: unknown) => e,
    );
    this.ahead = { seqs: new Set(next.rows.map((op) => op.seq)), end: next.end, read };
  }

  private ahead: { seqs: Set<number>; end: number; read: Promise<unknown> } | undefined;

  /** Waits for a read started ahead (the job is ending: no call outlives it). */
  async idle(): Promise<void> {
    await this.ahead?.read;
  }

  /** The next rows from `from` on that need reading, and where the scan stopped. */
  private pick(ops: readonly RowOp[], from: number): { rows: Planned[]; end: number } {
    const now = Date.now();
    const rows: Planned[] = [];
    let i = from;
    for (; i < ops.length && rows.length < this.batch; i++) {
      const op = ops[i]!;
      if (rereadable(op) && this.needs(op, now)) rows.push(op);
    }
    return { rows, end: i };
  }

  private async read(rows: Planned[]): Promise<void> {
    const ids = new Set(rows.map((op) => op.userId));
    const current = await fetchByUserIds(this.client, ids);
    this.stats.get += current.reads.get;
    this.stats.list += current.reads.listContacts;
    for (const op of rows) {
      this.done.add(op.seq);
      this.stats.rows++;
      const c: Contact | undefined = current.found.get(op.userId);
      const d: Decision = c ? remerge(op, c) : { kind: 'gone' };
      if (d.kind === 'conflict') this.stats.conflicts++;
      else if (d.kind === 'gone') this.stats.gone++;
      this.decided.set(op.seq, d);
    }
  }

  /** The decision for a row read again (once), or undefined: send it as planned. */
  take(seq: number): Decision | undefined {
    const d = this.decided.get(seq);
    this.decided.delete(seq);
    return d;
  }
}
