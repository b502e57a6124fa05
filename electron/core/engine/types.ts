// Types of the batch engine: what callers pass in and get back. All of it is plain, JSON-able data
// except the handles and callbacks.
import type { DamageDetail, DamageWhat } from './damage';
import type {
  Contact,
  ContactCreate,
  ContactUpdate,
  Endpoint,
  JobProgress,
  JobState,
  RetryClass,
  RowOp,
  RowResult,
} from '../../../shared/domain';
import type { ImportSummary } from '../../../shared/import-types';
import type { RereadStats } from './reread';
import type { ListContactsOptions } from '../dingtalk';

export type { RereadStats };

/** Describes a job in its journal header. Never holds a token or secret (the journal redacts such keys anyway). */
export interface JobMeta {
  kind: 'import' | 'delete' | 'undo';
  /** The spreadsheet (or other source) the plan was made from. */
  source: string;
  /** e.g. 'apply'. */
  mode: string;
  /** The options the plan was made with (match, labels, blank...). */
  options: Record<string, unknown>;
  /** ISO time the plan was made. */
  createdAt: string;
  /** The organisation and app the plan was read from ('sandbox' or "<base URL>|<app key>"); never a secret. */
  org?: string;
  /** The sheet's counts (rows, create, update, delete, unchanged, invalid), for lists without the plan. */
  sheet?: ImportSummary;
}

/** A call scheduler: wraps every attempt of one API call with rate limiting and retries. */
export interface CallScheduler {
  run<T>(endpoint: Endpoint, attempt: () => Promise<T>): Promise<T>;
}

/** The part of the DingTalk client the engine uses (the real DingTalkClient satisfies it). */
export interface EngineClient {
  updateContact(body: ContactUpdate): Promise<unknown>;
  createContact(body: ContactCreate): Promise<string>;
  deleteContact(userId: string): Promise<unknown>;
  listContacts(opts?: Pick<ListContactsOptions, 'readAhead'>): AsyncIterable<Contact>;
  /** Reads one contact (re-reading before a late write); answers 33012/60121 for a deleted one. */
  getContact(userId: string): Promise<Contact>;
  withScheduler(scheduler: CallScheduler): EngineClient;
}

/** What the engine reads off a failed call (the client's DingTalkError carries all of it). */
export interface ApiFailure {
  endpoint?: Endpoint;
  errcode: number | string;
  errmsg: string;
  retryClass: RetryClass;
  /** The request may have reached DingTalk (timeout, connection dropped after sending). */
  sent: boolean;
  /** For the per-IP ban: how long DingTalk asks us to wait. */
  waitSeconds?: number;
}

export interface FatalInfo {
  errcode: number | string;
  errmsg: string;
  hint: string;
}

export interface JobOutcome {
  jobId: string;
  state: JobState;
  /** One per plan row, in seq order. */
  results: RowResult[];
  summary: { total: number; ok: number; failed: number; skipped: number };
  fatal?: FatalInfo;
  /** Contacts read again before their writes (no lost updates), what it cost and found. */
  reread: RereadStats;
}

export interface JobHandle {
  jobId: string;
  /** Start no new rows; rows in flight finish. */
  pause(): void;
  resume(): void;
  /** Stop: rows in flight finish, the rest end 'skipped'; the job ends 'cancelled'. */
  cancel(): void;
  /** Stop like cancel but leave the rest unrecorded: the job ends 'interrupted' (Ctrl-C), `resumeJob` finishes it. */
  interrupt(): void;
  done: Promise<JobOutcome>;
}

export interface EngineRunOptions {
  client: EngineClient;
  dataDir: string;
  /** Calls per second per endpoint, upper bound (default 20). Infinity: no limiter. */
  maxQps?: number;
  /** Rows in flight at once (default 8). */
  concurrency?: number;
  onProgress?: (p: JobProgress) => void;
  /** Attempts per row before a transient error fails it (default 6). */
  maxAttempts?: number;
  /** Lock refresh interval in ms (tests shorten it). */
  heartbeatMs?: number;
  /**
   * How old the plan's reading of a contact may be when its update is sent (default FRESH_WINDOW_MS, 2 min);
   * past it the contact is read again and the row's changes re-merged. Tests shorten it.
   */
  freshWindowMs?: number;
}

export interface StartJobOptions extends EngineRunOptions {
  plan: RowOp[];
  meta: JobMeta;
  jobId?: string;
  /** When the plan read the contacts' current state (ms since the epoch); default: now. */
  plannedAt?: number;
  /** Runs once the job's files exist and its lock is held, before the first call (saves what goes with the job). */
  onCreated?: (jobId: string) => Promise<void>;
}

export interface ResumeJobOptions extends EngineRunOptions {
  jobId: string;
  /** The organisation connected now (JobMeta.org's form): a job planned on another one is refused... */
  org?: string;
  /** ...unless the admin says so. */
  allowOtherOrg?: boolean;
}

export interface JobSummary {
  jobId: string;
  state: JobState;
  meta: JobMeta;
  total: number;
  done: number;
  ok: number;
  failed: number;
  skipped: number;
  /** Rows skipped because the contact changed since it was planned (part of `skipped`). */
  conflicts: number;
  createdAt: string;
  /** ISO time of the last end record. */
  endedAt?: string;
  fatal?: FatalInfo;
  /** Why the job is 'damaged'; `resumable`: its plan is readable, so `resume` can finish it. */
  damage?: { what: DamageWhat; reason: string; detail: DamageDetail; resumable: boolean };
}

export interface JobRecord {
  jobId: string;
  meta: JobMeta;
  plan: RowOp[];
  /** The latest result of each finished row, in seq order (rows not finished are absent). */
  results: RowResult[];
  state: JobState;
  fatal?: FatalInfo;
}
