// The job journal: <dataDir>/jobs/<id>/plan.ndjson (the plan, written and synced before any call) and
// journal.ndjson (append-only: a header, one record per run, "window" marks, one record per finished row,
// an end record per run). Appends are batched and fdatasync'ed, so a crash loses at most the rows of the
// last unsynced batch, and the window marks tell a resume which unrecorded rows may have been sent.
// Nothing here ever holds a token or secret: meta is redacted before it is written.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFLICT_ERRCODE, type JobState, type RowOp, type RowResult } from '../../../shared/domain';
import { translate, type Lang } from '../../../shared/i18n';
import { jobsDir } from '../paths';
import { damageText, damageWhat, type DamageDetail, type DamageWhat } from './damage';
import type { FatalInfo, JobMeta, JobRecord, JobSummary } from './types';

export const JOURNAL_FILE = 'journal.ndjson';
export const PLAN_FILE = 'plan.ndjson';
const LOCK_FILE = 'lock';

export interface HeaderRecord {
  t: 'header';
  v: 1;
  jobId: string;
  meta: JobMeta;
  total: number;
  createdAt: string;
}
export interface RunRecord {
  t: 'run';
  at: string;
  pid: number;
  resumed: boolean;
  maxQps: number | null;
  concurrency: number;
}
/** Every row with seq < upTo may have been sent in the current run. */
export interface WindowRecord {
  t: 'window';
  upTo: number;
}
export type RowRecord = { t: 'row' } & RowResult;
export interface EndRecord {
  t: 'end';
  at: string;
  state: JobState;
  summary: { total: number; ok: number; failed: number; skipped: number };
  fatal?: FatalInfo;
}
export type JournalRecord = HeaderRecord | RunRecord | WindowRecord | RowRecord | EndRecord;

/** A sortable job id: UTC date and time, then 4 random hex digits (20261121-174501-ab12). */
export function newJobId(at: Date = new Date()): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const date = `${at.getUTCFullYear()}${p(at.getUTCMonth() + 1)}${p(at.getUTCDate())}`;
  const time = `${p(at.getUTCHours())}${p(at.getUTCMinutes())}${p(at.getUTCSeconds())}`;
  return `${date}-${time}-${randomBytes(2).toString('hex')}`;
}

const JOB_ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export class JobNotFoundError extends Error {
  constructor(readonly jobId: string) {
    super(`no job "${jobId}" in the data dir`);
    this.name = 'JobNotFoundError';
  }
}

export function jobDir(dataDir: string, jobId: string): string {
  if (!JOB_ID_RE.test(jobId) || jobId.includes('..')) throw new JobNotFoundError(jobId);
  return join(jobsDir(dataDir), jobId);
}

const SECRET_KEY = /secret|token|password|passwd|credential/i;

/** A deep copy of `value` with every secret-looking key's value replaced. */
export function redactSecrets<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        out[k] = SECRET_KEY.test(k) ? '[redacted]' : walk(x);
      }
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

/** Appends records in batches; `flush()` writes what is buffered and waits for the disk. */
export class JournalWriter {
  private buffer: string[] = [];
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(private readonly fh: FileHandle) {}

  static async open(path: string): Promise<JournalWriter> {
    const fh = await open(path, 'a+');
    // A crash can leave a torn last line: start on a fresh line so the next record stays whole.
    const { size } = await fh.stat();
    if (size > 0) {
      const { buffer } = await fh.read(Buffer.alloc(1), 0, 1, size - 1);
      if (buffer[0] !== 0x0a) await fh.write('\n');
    }
    return new JournalWriter(fh);
  }

  append(record: JournalRecord): void {
    if (this.closed) throw new Error('journal is closed');
    this.buffer.push(JSON.stringify(record));
  }

  get pending(): number {
    return this.buffer.length;
  }

  /** Writes the buffered records and fdatasyncs; flushes are serialised, so awaiting one awaits all before it. */
  flush(): Promise<void> {
    const lines = this.buffer;
    this.buffer = [];
    this.chain = this.chain.then(async () => {
      if (lines.length === 0) return;
      await this.fh.write(lines.join('\n') + '\n');
      await this.fh.datasync();
    });
    return this.chain;
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    await this.fh.close();
  }
}

async function writeSynced(path: string, chunks: Iterable<string>): Promise<void> {
  const tmp = `${path}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    let batch: string[] = [];
    for (const c of chunks) {
      batch.push(c);
      // Small batches: a plan's lines are written as they are made, not held until thousands pile up.
      if (batch.length >= 500) {
        await fh.write(batch.join(''));
        batch = [];
      }
    }
    if (batch.length) await fh.write(batch.join(''));
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

/** Creates the job's directory, its plan file and the journal header, all on disk before any call. */
export async function createJobFiles(
  dataDir: string,
  jobId: string,
  meta: JobMeta,
  plan: RowOp[],
): Promise<HeaderRecord> {
  const dir = jobDir(dataDir, jobId);
  await mkdir(jobsDir(dataDir), { recursive: true });
  await mkdir(dir); // fails if the job exists: never mix two plans in one journal
  await writeSynced(
    join(dir, PLAN_FILE),
    (function* () {
      for (const op of plan) yield JSON.stringify(op) + '\n';
    })(),
  );
  const header: HeaderRecord = {
    t: 'header',
    v: 1,
    jobId,
    meta: redactSecrets(meta),
    total: plan.length,
    createdAt: new Date().toISOString(),
  };
  await writeSynced(join(dir, JOURNAL_FILE), [JSON.stringify(header) + '\n']);
  return header;
}

/**
 * Appends a fresh header to a journal whose header cannot be read (the plan is intact), so the job resumes
 * from the records that can; every unrecorded row is then checked before it is sent (badLines > 0).
 */
export async function repairHeader(dataDir: string, jobId: string, plan: RowOp[]): Promise<void> {
  const header: HeaderRecord = {
    t: 'header',
    v: 1,
    jobId,
    meta: {
      kind: plan.every((op) => op.kind === 'delete') && plan.length > 0 ? 'delete' : 'import',
      source: '',
      mode: 'apply',
      options: { repaired: true },
      createdAt: jobIdTime(jobId),
    },
    total: plan.length,
    createdAt: jobIdTime(jobId) || new Date().toISOString(),
  };
  const w = await JournalWriter.open(join(jobDir(dataDir, jobId), JOURNAL_FILE));
  w.append(header);
  await w.close();
}

export interface JournalState {
  header: HeaderRecord;
  /** Latest result per seq. */
  results: Map<number, RowResult>;
  /** The highest window mark of the last run: rows below it without a final result may have been sent. */
  lastWindow: number;
  /** The end record of the last run, if that run ended. */
  end?: EndRecord;
  runs: number;
  /** Lines that could not be read (not counting a torn last line). */
  badLines: number;
}

const damageOf = (
  what: DamageWhat,
  detail: DamageDetail,
  resumable: boolean,
): NonNullable<JobSummary['damage']> => ({
  what,
  reason: damageText(detail),
  detail,
  resumable,
});

/** A journal or plan that cannot be read as a job: `dtload jobs` lists it as damaged, never hides it. */
export class DamagedJobError extends Error {
  /** Why, in English (journals, JSON); `detail` says it in another language (damageText). */
  readonly reason: string;
  constructor(
    readonly jobId: string,
    readonly what: DamageWhat,
    readonly detail: DamageDetail,
  ) {
    const reason = damageText(detail);
    super(`job ${jobId}: its ${what} is damaged (${reason})`);
    this.reason = reason;
    this.name = 'DamagedJobError';
  }

  /** The message in `lang`. */
  in(lang: Lang): string {
    return translate(lang, 'damage.job', {
      jobId: this.jobId,
      what: damageWhat(this.what, lang),
      reason: damageText(this.detail, lang),
    });
  }
}

/** States written by earlier versions ('done', 'failed') in today's words. */
function currentState(state: string, failedOrSkipped: boolean): JobState {
  if (state === 'done') return failedOrSkipped ? 'finished-with-failures' : 'finished';
  if (state === 'failed') return 'stopped';
  return state as JobState;
}

const isRecord = (x: unknown): x is JournalRecord =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as { t?: unknown }).t === 'string';

/**
 * Parses a journal. A torn last line (a crash mid-write) is skipped; any other unreadable line (a `null`,
 * garbage) is counted in `badLines`, and a resume then treats every unrecorded row as possibly sent.
 */
export function parseJournal(text: string, jobId = '?'): JournalState {
  const lines = text.split('\n');
  let header: HeaderRecord | undefined;
  const results = new Map<number, RowResult>();
  let window = 0;
  let end: EndRecord | undefined;
  let runs = 0;
  let badLines = 0;
  const last = lines.length - 1;
  lines.forEach((line, i) => {
    if (!line) return;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      // The torn tail of a crash: that row was not recorded, so it is not done. Elsewhere: damage.
      if (i !== last) badLines++;
      return;
    }
    if (!isRecord(rec)) {
      badLines++;
      return;
    }
    switch (rec.t) {
      case 'header':
        if (typeof rec.jobId === 'string' && rec.meta && typeof rec.total === 'number') header = rec;
        else badLines++;
        break;
      case 'run':
        runs++;
        end = undefined;
        window = 0;
        break;
      case 'window':
        window = Math.max(window, Number(rec.upTo) || 0);
        break;
      case 'row': {
        const { t: _t, ...result } = rec;
        if (typeof result.seq !== 'number' || typeof result.status !== 'string') badLines++;
        else results.set(result.seq, result);
        break;
      }
      case 'end':
        end = {
          ...rec,
          state: currentState(rec.state, (rec.summary?.failed ?? 0) + (rec.summary?.skipped ?? 0) > 0),
        };
        break;
      default:
        badLines++;
    }
  });
  if (!header) throw new DamagedJobError(jobId, 'journal', { code: 'no-header' });
  // After damage, any unrecorded row may have been sent: a resume checks them all.
  const damaged = badLines > 0 || header.meta.options?.repaired === true;
  return { header, results, lastWindow: damaged ? Infinity : window, end, runs, badLines };
}

export async function readJournal(dataDir: string, jobId: string): Promise<JournalState> {
  const dir = jobDir(dataDir, jobId);
  let text: string;
  try {
    text = await readFile(join(dir, JOURNAL_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new JobNotFoundError(jobId);
    throw e;
  }
  return parseJournal(text, jobId);
}

export async function readPlan(dataDir: string, jobId: string): Promise<RowOp[]> {
  let text: string;
  try {
    text = await readFile(join(jobDir(dataDir, jobId), PLAN_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new DamagedJobError(jobId, 'plan', { code: 'plan-missing' });
    throw e;
  }
  const ops: RowOp[] = [];
  for (const [i, l] of text.split('\n').entries()) {
    if (l.length === 0) continue;
    let op: unknown;
    try {
      op = JSON.parse(l);
    } catch {
      throw new DamagedJobError(jobId, 'plan', { code: 'plan-not-json', line: i + 1 });
    }
    const o = op as RowOp | null;
    if (!o || typeof o !== 'object' || typeof o.seq !== 'number' || typeof o.kind !== 'string')
      throw new DamagedJobError(jobId, 'plan', { code: 'plan-not-row', line: i + 1 });
    ops.push(o);
  }
  return ops;
}

// A lock file holds the pid of the process running the job, so a job still running elsewhere is not
// taken for an interrupted one, and not resumed twice. The runner touches it every few seconds: a lock
// not touched for LOCK_STALE_MS is stale even if its pid now belongs to some other process.
export const LOCK_HEARTBEAT_MS = 5000;
const LOCK_STALE_MS = 30_000;

/** Another live process holds the job's lock. */
export class JobLockedError extends Error {
  constructor(
    readonly jobId: string,
    readonly pid: number,
  ) {
    super(`job ${jobId} is still running (process ${pid})`);
    this.name = 'JobLockedError';
  }
}

/**
 * Takes the job's lock exclusively (open with 'wx': of two processes only one creates the file). A lock
 * left by a dead process, or not refreshed for LOCK_STALE_MS, is taken over.
 */
export async function acquireLock(dataDir: string, jobId: string): Promise<void> {
  const path = join(jobDir(dataDir, jobId), LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const fh = await open(path, 'wx');
      try {
        await fh.write(String(process.pid));
        await fh.sync();
      } finally {
        await fh.close();
      }
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new JobLockedError(jobId, (await lockPid(path)) ?? 0);
        }
        throw e;
      }
      const holder = await runningPid(dataDir, jobId);
      if (holder !== undefined) throw new JobLockedError(jobId, holder);
      // Stale: move it aside (atomic), so two processes taking over do not delete each other's new lock.
      await rename(path, `${path}.stale-${process.pid}-${randomBytes(3).toString('hex')}`).catch(() => {});
    }
  }
}

async function lockPid(path: string): Promise<number | undefined> {
  const n = Number(await readFile(path, 'utf8').catch(() => ''));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Refreshes the lock; throws when it is gone or now belongs to another process (the job must stop). */
export async function touchLock(dataDir: string, jobId: string): Promise<void> {
  const path = join(jobDir(dataDir, jobId), LOCK_FILE);
  const pid = await lockPid(path);
  if (pid !== process.pid)
    throw new Error(`the lock of job ${jobId} was lost (now held by ${pid ?? 'no one'})`);
  const now = new Date();
  await utimes(path, now, now);
}

export async function removeLock(dataDir: string, jobId: string): Promise<void> {
  const path = join(jobDir(dataDir, jobId), LOCK_FILE);
  if ((await lockPid(path)) === process.pid) await rm(path, { force: true });
  for (const name of await readdir(jobDir(dataDir, jobId)).catch(() => [] as string[])) {
    if (name.startsWith(`${LOCK_FILE}.stale-`)) await rm(join(jobDir(dataDir, jobId), name), { force: true });
  }
}

/** The pid of another live process running the job, or undefined. */
export async function runningPid(dataDir: string, jobId: string): Promise<number | undefined> {
  const path = join(jobDir(dataDir, jobId), LOCK_FILE);
  let pid: number;
  try {
    pid = (await lockPid(path)) ?? 0;
    if (Date.now() - (await stat(path)).mtimeMs > LOCK_STALE_MS) return undefined;
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  if (pid === process.pid) return pid;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

function stateOf(j: JournalState, running: boolean): JobState {
  if (j.end) return j.end.state;
  return running ? 'running' : 'interrupted';
}

function counts(results: Iterable<RowResult>): {
  ok: number;
  failed: number;
  skipped: number;
  conflicts: number;
} {
  let ok = 0;
  let failed = 0;
  let skipped = 0;
  let conflicts = 0;
  for (const r of results) {
    if (r.status === 'ok') ok++;
    else if (r.status === 'failed') failed++;
    else {
      skipped++;
      if (r.errcode === CONFLICT_ERRCODE) conflicts++;
    }
  }
  return { ok, failed, skipped, conflicts };
}

export async function summarizeJob(dataDir: string, jobId: string): Promise<JobSummary> {
  const j = await readJournal(dataDir, jobId);
  const running = !j.end && (await runningPid(dataDir, jobId)) !== undefined;
  const c = counts(j.results.values());
  const base: JobSummary = {
    jobId,
    state: stateOf(j, running),
    meta: j.header.meta,
    total: j.header.total,
    done: c.ok + c.failed,
    ...c,
    createdAt: j.header.createdAt,
    endedAt: j.end?.at,
    fatal: j.end?.fatal,
  };
  if (running) return base;
  // Damage shows: a journal with unreadable lines, or a plan that cannot be read.
  let damage: JobSummary['damage'];
  try {
    await readPlan(dataDir, jobId);
    if (j.badLines > 0) damage = damageOf('journal', { code: 'journal-bad-lines', count: j.badLines }, true);
  } catch (e) {
    if (!(e instanceof DamagedJobError)) throw e;
    damage = damageOf('plan', e.detail, false);
  }
  return damage ? { ...base, state: 'damaged', damage } : base;
}

const UNKNOWN_META: JobMeta = { kind: 'import', source: '', mode: 'apply', options: {}, createdAt: '' };

/**
 * Every job in the data dir, newest first. A job without an end record is 'running' or 'interrupted'; one
 * whose journal or plan cannot be read is listed as 'damaged' (never hidden), with what can be done.
 */
export async function listJobs(dataDir: string): Promise<JobSummary[]> {
  const out: JobSummary[] = [];
  for (const name of await listJobIds(dataDir)) {
    try {
      out.push(await summarizeJob(dataDir, name));
    } catch (e) {
      const detail: DamageDetail =
        e instanceof DamagedJobError
          ? e.detail
          : e instanceof JobNotFoundError
            ? { code: 'journal-missing' }
            : { code: 'other', text: e instanceof Error ? e.message : String(e) };
      const resumable = await readPlan(dataDir, name).then(
        () => true,
        () => false,
      );
      out.push({
        jobId: name,
        state: 'damaged',
        meta: UNKNOWN_META,
        total: 0,
        done: 0,
        ok: 0,
        failed: 0,
        skipped: 0,
        conflicts: 0,
        createdAt: jobIdTime(name),
        damage: damageOf('journal', detail, resumable),
      });
    }
  }
  return out;
}

/** The ids of the job directories in the data dir, newest first. */
export async function listJobIds(dataDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(jobsDir(dataDir));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: string[] = [];
  for (const name of names.sort().reverse()) {
    if (!JOB_ID_RE.test(name)) continue;
    const isDir = await stat(join(jobsDir(dataDir), name)).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (isDir) out.push(name);
  }
  return out;
}

/**
 * A job's meta from the first line of its journal alone (a journal can hold a record per row: this does
 * not read them); undefined when that line is not a header.
 */
export async function readJobMeta(dataDir: string, jobId: string): Promise<JobMeta | undefined> {
  let fh: FileHandle;
  try {
    fh = await open(join(jobDir(dataDir, jobId), JOURNAL_FILE), 'r');
  } catch {
    return undefined;
  }
  try {
    const chunks: Buffer[] = [];
    let pos = 0;
    let more = true;
    while (more) {
      const { bytesRead, buffer } = await fh.read(Buffer.alloc(16384), 0, 16384, pos);
      const nl = buffer.subarray(0, bytesRead).indexOf(0x0a);
      chunks.push(buffer.subarray(0, nl < 0 ? bytesRead : nl));
      pos += bytesRead;
      more = bytesRead > 0 && nl < 0;
    }
    const rec = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    return isRecord(rec) && rec.t === 'header' && rec.meta ? rec.meta : undefined;
  } catch {
    return undefined;
  } finally {
    await fh.close();
  }
}

/** The creation time a job id carries (20261121-174501-ab12), for a job whose header is unreadable. */
function jobIdTime(jobId: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(jobId);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z` : '';
}

export async function readJob(dataDir: string, jobId: string): Promise<JobRecord> {
  const j = await readJournal(dataDir, jobId);
  const plan = await readPlan(dataDir, jobId);
  const running = !j.end && (await runningPid(dataDir, jobId)) !== undefined;
  return {
    jobId,
    meta: j.header.meta,
    plan,
    results: [...j.results.values()].sort((a, b) => a.seq - b.seq),
    state: stateOf(j, running),
    fatal: j.end?.fatal,
  };
}
