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
export type RowStatus = 'planned' | 'ok' | 'failed' | 'skipped';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** One write the engine performs. The plan is plain data: journalled, resumed, shown. */
export type RowOp =
  | { seq: number; row: number; kind: 'update'; userId: string; body: ContactUpdate }
  | { seq: number; row: number; kind: 'create'; body: ContactCreate }
  | { seq: number; row: number; kind: 'delete'; userId: string };

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
  attempts: number;
}

export type JobState = 'running' | 'paused' | 'done' | 'failed' | 'cancelled' | 'interrupted';

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
