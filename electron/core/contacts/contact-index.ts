// The local contact index: every external contact of one organisation, kept in the data dir
// (<dataDir>/contact-index/<org>.sqlite) so the workspace filters 100,000 contacts without a call.
// A refresh reads the full list at the rate limit (the client's scheduler); every write dtload makes
// is applied to it when its job ends (applyJob), with the job id kept per contact for its history.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Contact, LabelGroup, RowOp, RowResult } from '../../../shared/domain';
import { readLabelGroups, type ImportClient } from '../import';
import { collationOrder, collationOrderNow } from './collation';
import { compileQuery, type CompileContext } from './query-compile';
import type { QueryTerm } from './query-parse';
import { toIndexed, type IndexedContact } from './searchable';
import { openDatabase, saveDatabase, type SqlDatabase } from './sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS contacts (userid TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS touches (
  userid TEXT NOT NULL, job_id TEXT NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL,
  PRIMARY KEY (userid, job_id)
);
`;

export const indexDir = (dataDir: string): string => join(dataDir, 'contact-index');

/** One file per organisation and app: the identity (host + app key) hashed, never written out as is. */
export function indexPath(dataDir: string, identity: string): string {
  const key =
    identity === 'sandbox' ? 'sandbox' : createHash('sha256').update(identity).digest('hex').slice(0, 16);
  return join(indexDir(dataDir), `${key}.sqlite`);
}

export interface RefreshProgress {
  phase: 'labels' | 'contacts' | 'saving' | 'done';
  done: number;
  /** Contacts in the index before (a guess of the total), null on a first load. */
  total: number | null;
}

export interface JobTouch {
  jobId: string;
  kind: RowOp['kind'];
  at: string;
}

/** What a refresh needs: label groups and the list (by pages side by side when the client can). */
export type IndexClient = ImportClient & {
  listContactsPage?(offset: number, size?: number, wanted?: () => boolean): Promise<Contact[]>;
};

const PAGE = 100;
/**
 * Pages in flight at once. The scheduler spaces them at the rate limit, so this only has to cover the
 * latency: at 40 calls/s, 24 pages keep the limit busy up to 600 ms a page (a slow link, a busy machine).
 * Pages claimed past the end are not sent (`wanted`), so a deep pipeline costs no calls.
 */
const PAGES_AHEAD = 24;

/**
 * Every contact. `list` pages by offset, so pages are requested side by side (the client's scheduler keeps
 * them under the rate limit) until a short page marks the end; they are joined in offset order. The read
 * ends as soon as every page up to the short one is in: pages still waiting for their turn are dropped.
 */
async function readAll(client: IndexClient, onProgress: (done: number) => void): Promise<Contact[]> {
  if (!client.listContactsPage) {
    const out: Contact[] = [];
    for await (const c of client.listContacts()) {
      out.push(c);
      if (out.length % PAGE === 0) onProgress(out.length);
    }
    return out;
  }
  const page = client.listContactsPage.bind(client);
  const pages = new Map<number, Contact[]>();
  let end = Infinity; // index of the first short page
  let next = 0;
  let done = 0;
  let stopped = false;
  let finish!: () => void;
  let fail!: (e: unknown) => void;
  const complete = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const worker = async (): Promise<void> => {
    while (!stopped && next < end) {
      const i = next++;
      const got = await page(i * PAGE, PAGE, () => !stopped && i <= end);
      if (stopped || i > end) continue; // past the end: not sent, or an empty page
      pages.set(i, got);
      done += got.length;
      onProgress(done);
      if (got.length < PAGE) end = Math.min(end, i);
      if (end !== Infinity && pages.size > end) {
        let all = true;
        for (let p = 0; p <= end && all; p++) all = pages.has(p);
        if (all) {
          stopped = true;
          finish();
        }
      }
    }
  };
  for (let w = 0; w < PAGES_AHEAD; w++)
    worker().catch((e: unknown) => {
      stopped = true;
      fail(e);
    });
  await complete;
  const out: Contact[] = [];
  for (let i = 0; i <= end; i++) out.push(...pages.get(i)!);
  return out;
}

export type SortKey = 'name' | 'company' | 'title' | 'mobile' | 'owner' | 'remark';

/** Columns ordered in the background (owner needs the staff directory's names; its values are few). */
const PREPARED = ['name', 'mobile', 'company', 'title', 'remark'] as const;

export class ContactIndex {
  private byId = new Map<string, IndexedContact>();
  private list: IndexedContact[] = [];
  private orders = new Map<SortKey, IndexedContact[]>();
  /** Orders being built in the background for the current contacts, once the workspace asked for them. */
  private building = new Map<SortKey, Promise<IndexedContact[]>>();
  private sorting = false;
  labelGroups: LabelGroup[] = [];
  refreshedAt: string | null = null;
  /** Bumped whenever the contacts change: what was computed from them (a query's matches) is stale. */
  revision = 0;

  private constructor(
    private readonly db: SqlDatabase,
    readonly path: string,
  ) {}

  /** Opens (or creates) the index of one organisation; loads its contacts into memory. */
  static async open(dataDir: string, identity: string): Promise<ContactIndex> {
    const path = indexPath(dataDir, identity);
    const { db } = await openDatabase(path);
    db.exec(SCHEMA);
    const index = new ContactIndex(db, path);
    index.load();
    return index;
  }

  private load(): void {
    const meta = new Map<string, string>();
    for (const row of this.db.exec('SELECT key, value FROM meta')[0]?.values ?? [])
      meta.set(String(row[0]), String(row[1]));
    this.refreshedAt = meta.get('refreshedAt') ?? null;
    this.labelGroups = meta.has('labelGroups') ? (JSON.parse(meta.get('labelGroups')!) as LabelGroup[]) : [];
    // Every body joined into one JSON array inside SQLite, then one JSON.parse: a statement step per row
    // crosses into WebAssembly and back 100,000 times, which made a reopen take seconds.
    const joined = this.db.exec("SELECT '[' || coalesce(group_concat(body, ','), '') || ']' FROM contacts");
    const bodies = JSON.parse(String(joined[0]?.values[0]?.[0] ?? '[]')) as Contact[];
    this.setAll(bodies.map(toIndexed));
  }

  private setAll(list: IndexedContact[]): void {
    this.list = list;
    this.byId = new Map(list.map((c) => [c.c.userid, c]));
    this.orders.clear();
    this.revision++;
    if (this.sorting) this.buildOrders();
  }

  /**
   * The app's table sorts: from now on the column orders are built in the background whenever the contacts
   * change (load, refresh, a job's writes), so a sort never waits for 100,000 comparisons. The CLI never
   * sorts and never asks.
   */
  prepareSorting(): void {
    if (this.sorting) return;
    this.sorting = true;
    this.buildOrders();
  }

  private buildOrders(): void {
    const { revision, list } = this;
    this.building.clear();
    // One column after another: the values of one are gathered here while the worker orders the last.
    let previous: Promise<unknown> = Promise.resolve();
    for (const key of PREPARED) {
      const order = previous
        .then(() => collationOrder(list, (c) => c[key]))
        .then((o) => {
          if (this.revision === revision) this.orders.set(key, o);
          return o;
        });
      order.catch(() => {});
      previous = order.catch(() => {});
      this.building.set(key, order);
    }
  }

  /** Whether the full list was ever read into it. */
  get loaded(): boolean {
    return this.refreshedAt !== null;
  }

  get size(): number {
    return this.list.length;
  }

  all(): readonly IndexedContact[] {
    return this.list;
  }

  get(userid: string): Contact | undefined {
    return this.byId.get(userid)?.c;
  }

  /** Minutes since the last full read, or null when never read. */
  ageMinutes(now = Date.now()): number | null {
    return this.refreshedAt === null ? null : Math.floor((now - Date.parse(this.refreshedAt)) / 60000);
  }

  /** Reads every label group and contact (at the client's rate limit) and replaces the index with them. */
  async refresh(client: IndexClient, onProgress?: (p: RefreshProgress) => void): Promise<void> {
    const total = this.loaded ? this.list.length : null;
    onProgress?.({ phase: 'labels', done: 0, total });
    // Label groups and contacts side by side: separate endpoints, separate budgets.
    const [groups, contacts] = await Promise.all([
      readLabelGroups(client),
      readAll(client, (done) => onProgress?.({ phase: 'contacts', done, total })),
    ]);
    onProgress?.({ phase: 'saving', done: contacts.length, total: contacts.length });
    const at = new Date().toISOString();
    this.db.exec('BEGIN');
    try {
      this.db.exec('DELETE FROM contacts');
      const ins = this.db.prepare('INSERT OR REPLACE INTO contacts (userid, body) VALUES (?, ?)');
      for (const c of contacts) ins.run([c.userid, JSON.stringify(c)]);
      ins.free();
      this.setMeta('refreshedAt', at);
      this.setMeta('labelGroups', JSON.stringify(groups));
      this.db.exec('COMMIT');
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
    this.labelGroups = groups;
    this.refreshedAt = at;
    this.setAll(contacts.map(toIndexed));
    await this.save();
    onProgress?.({ phase: 'done', done: contacts.length, total: contacts.length });
  }

  private setMeta(key: string, value: string): void {
    this.db.run('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', [key, value]);
  }

  /** Contacts read fresh (while planning): the index takes their current state. */
  async upsert(contacts: Iterable<Contact>): Promise<void> {
    const changed = this.writeContacts(contacts, []);
    if (changed) await this.save();
  }

  private writeContacts(put: Iterable<Contact>, remove: Iterable<string>): boolean {
    let changed = false;
    this.db.exec('BEGIN');
    try {
      const ins = this.db.prepare('INSERT OR REPLACE INTO contacts (userid, body) VALUES (?, ?)');
      const replaced = new Map<string, IndexedContact>();
      for (const c of put) {
        ins.run([c.userid, JSON.stringify(c)]);
        const ic = toIndexed(c);
        if (this.byId.has(c.userid)) replaced.set(c.userid, ic);
        else this.list.push(ic);
        this.byId.set(c.userid, ic);
        changed = true;
      }
      ins.free();
      if (replaced.size) this.list = this.list.map((c) => replaced.get(c.c.userid) ?? c);
      const del = this.db.prepare('DELETE FROM contacts WHERE userid = ?');
      const gone = new Set<string>();
      for (const id of remove) {
        del.run([id]);
        if (this.byId.delete(id)) gone.add(id);
        changed = true;
      }
      del.free();
      if (gone.size) this.list = this.list.filter((c) => !gone.has(c.c.userid));
      this.db.exec('COMMIT');
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
    if (changed) {
      this.orders.clear();
      this.revision++;
      if (this.sorting) this.buildOrders();
    }
    return changed;
  }

  /**
   * A job's writes, applied when it ends: an ok update leaves the contact as its full-replace body
   * (mobile, state_code and email kept, update cannot change them), an ok delete removes it, an ok create
   * adds it under its new userid. Every contact written records the job (the detail panel's history).
   */
  async applyJob(jobId: string, plan: readonly RowOp[], results: readonly RowResult[]): Promise<number> {
    const bySeq = new Map(plan.map((op) => [op.seq, op]));
    const put: Contact[] = [];
    const remove: string[] = [];
    const touched: Array<[string, string]> = [];
    for (const r of results) {
      if (r.status !== 'ok') continue;
      const op = bySeq.get(r.seq);
      if (!op) continue;
      if (op.kind === 'delete') {
        remove.push(op.userId);
        touched.push([op.userId, 'delete']);
      } else if (op.kind === 'update') {
        const { user_id, ...rest } = op.body;
        const old = this.get(user_id);
        const next: Contact = { ...rest, userid: user_id };
        for (const k of ['mobile', 'state_code', 'email'] as const)
          if (old?.[k] !== undefined) next[k] = old[k];
        put.push(next);
        touched.push([user_id, 'update']);
      } else if (r.userId) {
        put.push({ ...op.body, userid: r.userId });
        touched.push([r.userId, 'create']);
      }
    }
    if (touched.length === 0) return 0;
    this.writeContacts(put, remove);
    const at = new Date().toISOString();
    const stmt = this.db.prepare(
      'INSERT OR REPLACE INTO touches (userid, job_id, kind, at) VALUES (?, ?, ?, ?)',
    );
    for (const [id, kind] of touched) stmt.run([id, jobId, kind, at]);
    stmt.free();
    await this.save();
    return touched.length;
  }

  /** The jobs that wrote this contact, newest first. */
  history(userid: string): JobTouch[] {
    const stmt = this.db.prepare('SELECT job_id, kind, at FROM touches WHERE userid = ? ORDER BY at DESC');
    stmt.bind([userid]);
    const out: JobTouch[] = [];
    while (stmt.step()) {
      const [jobId, kind, at] = stmt.get();
      out.push({ jobId: String(jobId), kind: kind as RowOp['kind'], at: String(at) });
    }
    stmt.free();
    return out;
  }

  /** The contacts a query selects, in index order; throws QueryError for a bad query. */
  search(query: string | QueryTerm[], ctx: Omit<CompileContext, 'groups'> = {}): IndexedContact[] {
    const pred = compileQuery(query, { ...ctx, groups: this.labelGroups });
    const out: IndexedContact[] = [];
    for (const c of this.list) if (pred(c)) out.push(c);
    return out;
  }

  /**
   * Sorts matches by a column, in the admin's collation. The full order is computed once per index state:
   * in the background when prepareSorting was called (waited for if still under way), else here.
   */
  async sort(
    matches: readonly IndexedContact[],
    key: SortKey,
    descending = false,
    ownerName?: (id: string) => string | undefined,
  ): Promise<IndexedContact[]> {
    let order = this.orders.get(key);
    if (!order) {
      const revision = this.revision;
      const built = await this.building.get(key)?.catch(() => undefined);
      order = this.orders.get(key);
      if (!order) {
        const value = (c: IndexedContact): string =>
          key === 'owner' ? (ownerName?.(c.c.follower_user_id) ?? c.c.follower_user_id) : c[key];
        order = built && this.revision === revision ? built : collationOrderNow(this.list, value);
        this.orders.set(key, order);
      }
    }
    // Walk the full order keeping the matches: linear, no comparisons.
    const wanted = matches.length === this.list.length ? undefined : new Set(matches);
    const out = wanted ? order.filter((c) => wanted.has(c)) : [...order];
    return descending ? out.reverse() : out;
  }

  private async save(): Promise<void> {
    await saveDatabase(this.db, this.path);
  }

  close(): void {
    this.db.close();
  }
}
