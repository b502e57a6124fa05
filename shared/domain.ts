// Domain types shared by core, the CLI, the Electron shell and the renderer.
// No Node, DOM or Electron imports here: both sides compile this file.

/** An external contact as DingTalk returns it (`userid` on read). */
export interface Contact {
  userid: string;
  name: string;
  follower_user_id: string;
  label_ids: number[];
  mobile?: string;
  state_code?: string;
  email?: string;
  title?: string;
  company_name?: string;
  address?: string;
  remark?: string;
  share_dept_ids?: number[];
  share_user_ids?: string[];
}

/** The body of `update` (`user_id` on write; mobile, state_code and email are read-only). */
export interface ContactUpdate {
  user_id: string;
  name: string;
  follower_user_id: string;
  label_ids: number[];
  title?: string;
  company_name?: string;
  address?: string;
  remark?: string;
  share_dept_ids?: number[];
  share_user_ids?: string[];
}

/** The body of `create`: mobile and state_code are required, there is no user_id yet. */
export interface ContactCreate {
  name: string;
  follower_user_id: string;
  label_ids: number[];
  mobile: string;
  state_code: string;
  email?: string;
  title?: string;
  company_name?: string;
  address?: string;
  remark?: string;
  share_dept_ids?: number[];
  share_user_ids?: string[];
}

export interface Label {
  id: number;
  name: string;
}

export interface LabelGroup {
  name: string;
  /** Signed 32-bit ARGB integer, as the API sends it (-15220075 = 0xFF17C295). */
  color: number;
  labels: Label[];
}

export type Endpoint =
  | 'gettoken'
  | 'listlabelgroups'
  | 'list'
  | 'get'
  | 'update'
  | 'create'
  | 'delete'
  // The staff directory: departments, staff, staff by mobile (shared/endpoints.ts has their paths).
  | 'listsub'
  | 'getdept'
  | 'listsimple'
  | 'getbymobile'
  | 'getuser';

export type RetryClass = 'transient' | 'token' | 'job-fatal' | 'row-permanent';

export type RowAction = 'create' | 'update' | 'delete' | 'unchanged' | 'invalid';
/**
 * A report row's status. 'skipped': invalid, nothing sent; 'unchanged': already as the sheet asks;
 * 'conflict': the contact changed meanwhile in a field the sheet changes, not written; 'not-sent': the
 * job ended before the row (cancelled, interrupted, stopped).
 */
export type RowStatus = 'planned' | 'ok' | 'failed' | 'skipped' | 'unchanged' | 'conflict' | 'not-sent';

/** The errcode of a row not written because its contact changed since it was planned. */
export const CONFLICT_ERRCODE = 'conflict';
/** The errcode of an update not sent because its contact was deleted since it was planned. */
export const GONE_ERRCODE = 'gone';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * One write the engine performs. The plan is plain data: journalled, resumed, shown. `after`: the seq of an
 * earlier row this one needs; it is sent only once that row succeeded, else skipped (DEPENDENCY_ERRCODE) —
 * a merge's deletes wait for the kept contact's update, so a failed update never loses the others' labels.
 */
export type RowOp =
  | {
      seq: number;
      row: number;
      kind: 'update';
      userId: string;
      body: ContactUpdate;
      /**
       * The contact's values, when planned, of the fields `body` changes (only those): the row's intent. The
       * engine re-reads the contact before a late write and re-merges these changes onto what it holds now.
       */
      before?: Partial<ContactUpdate>;
      after?: number;
    }
  | { seq: number; row: number; kind: 'create'; body: ContactCreate; after?: number }
  | { seq: number; row: number; kind: 'delete'; userId: string; after?: number };

/** The errcode of a row not sent because the row it depends on (RowOp.after) did not succeed. */
export const DEPENDENCY_ERRCODE = 'dependency-failed';

/** How one row ended. Every row of a job ends with exactly one. */
export interface RowResult {
  seq: number;
  row: number;
  kind: RowOp['kind'];
  userId?: string;
  status: 'ok' | 'failed' | 'skipped';
  errcode?: number | string;
  errmsg?: string;
  hint?: string;
  /** A conflict: the fields changed meanwhile that this row changes too. */
  fields?: string[];
  attempts: number;
}

/**
 * What happened to a job. 'finished': every row with a write went through; 'finished-with-failures': it ran
 * to the end but some rows failed or were skipped as conflicts; 'stopped': DingTalk stopped it (job-fatal:
 * credentials, permission, quota); 'cancelled': the admin stopped it; 'interrupted': the program stopped
 * mid-job (resumable); 'damaged': its journal or plan cannot be read.
 */
export type JobState =
  | 'running'
  | 'paused'
  | 'interrupted'
  | 'cancelled'
  | 'finished'
  | 'finished-with-failures'
  | 'stopped'
  | 'damaged';

/** States a job no longer runs in (resume picks up 'interrupted', 'cancelled' and 'stopped'). */
export const ENDED_STATES: readonly JobState[] = [
  'finished',
  'finished-with-failures',
  'stopped',
  'cancelled',
  'interrupted',
  'damaged',
];

/**
 * A job's numbers, the same in the CLI summary line, the JSON report, `dtload jobs` and the app.
 * rows = create + update + delete + unchanged + invalid (the sheet's rows);
 * ok + failed + conflicts + notSent = create + update + delete (the rows with a write);
 * skipped = invalid (nothing sent for them); unchanged rows are not counted as ok.
 */
export interface JobCounts {
  rows: number;
  create: number;
  update: number;
  delete: number;
  unchanged: number;
  invalid: number;
  ok: number;
  failed: number;
  skipped: number;
  /** Rows not written because the contact changed meanwhile in a field the sheet changes too. */
  conflicts: number;
  /** Rows with a write that have not been sent (yet): a cancelled, interrupted or stopped job. */
  notSent: number;
}

export interface JobProgress {
  jobId: string;
  state: JobState;
  total: number;
  done: number;
  ok: number;
  failed: number;
  /** Calls per second over the last few seconds. */
  rate: number;
  /** Seconds left at the current rate, or null when unknown. */
  etaSeconds: number | null;
  /** Set while the whole job waits (an IP ban): seconds left. */
  pausedForSeconds?: number;
  message?: string;
}
