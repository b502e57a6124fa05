// The one contract between the UI and the backend: every method and event, declared once.
// Electron main (ipcMain.handle 'dtload:<method>'), the preload bridge, web mode (WebSocket) and the
// renderer's `api` object are all typed from these interfaces. No Node, DOM or Electron imports here.
import type { JobCounts, JobProgress, JobState, RetryClass, RowResult } from './domain';
import type { Lang } from './i18n/lang';
import type {
  ImportOptions,
  ImportPhase,
  ImportSummary,
  MappingFile,
  MappingResult,
  MappingTarget,
  PlannedRow,
} from './import-types';

import type {
  ContactDetail,
  ContactIndexInfo,
  ContactIndexProgress,
  ContactsPage,
  DuplicatesView,
  ExportSelectionArgs,
  LabelOverview,
  PlanContactEditArgs,
  PlanMergeDuplicatesArgs,
  QueryContactsArgs,
} from './workspace-types';
import type {
  DirectoryInfo,
  DirectoryReadProgress,
  PlanReassignArgs,
  SearchStaffArgs,
  StaffOption,
} from './people-types';

export type * from './workspace-types';
export type * from './people-types';

export type {
  ColumnMapping,
  ContactFieldKey,
  ImportOptions,
  ImportSummary,
  MappingFile,
  MappingResult,
  MappingTarget,
  PlannedRow,
} from './import-types';

// ---------------------------------------------------------------------------------------------
// Common
// ---------------------------------------------------------------------------------------------

/** The UI language; `zh` (older settings files, clients) is read as zh-CN. */
export type Language = Lang;

/** A file the backend holds (an opened sheet, an upload, or an output it wrote). Opaque to the UI. */
export interface FileRef {
  fileId: string;
  /** Display name, e.g. "contacts.xlsx". */
  name: string;
  size: number;
}

/** An error as it reaches the UI: every failure is explained from the errcode catalogue. */
export interface ErrorInfo {
  /** What kind of failure: a DingTalk errcode, a bad payload, a missing connection... */
  /** 'input': the admin's sheet or mapping file needs fixing; 'bad-request': the payload broke the contract. */
  kind:
    | 'dingtalk'
    | 'input'
    | 'bad-request'
    | 'not-connected'
    | 'not-found'
    | 'unsupported'
    | 'conflict'
    | 'internal';
  /** DingTalk errcode or dtload's own code ('network', 'timeout', 'credentials', ...), when there is one. */
  errcode?: number | string;
  endpoint?: string;
  retryClass?: RetryClass;
  /** One line: what went wrong (in the UI language). */
  meaning: string;
  /** One line: what the admin can do about it. */
  solution: string;
}

/** What every call answers on the wire (IPC and WebSocket); the renderer's api unwraps it. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** What the host can do; the renderer adapts (upload vs native dialog, "secrets kept in memory"). */
export interface Capabilities {
  host: 'electron' | 'web';
  /** Native open/save dialogs: in web mode the api adapter uses a file input and browser downloads. */
  nativeDialogs: boolean;
  /** Whether "remember" keeps credentials across restarts (Electron safeStorage). */
  secretsPersist: boolean;
  /** Why secrets do not persist (web mode: memory only; or OS encryption unavailable). */
  secretsNote?: string;
  /** The built-in sandbox organisation can be connected to. */
  sandboxAvailable: boolean;
  version: string;
  platform: string;
}

// ---------------------------------------------------------------------------------------------
// Connection and organisation
// ---------------------------------------------------------------------------------------------

export type Region = 'mainland' | 'international' | 'custom';

export const REGION_BASE_URLS: Readonly<Record<Exclude<Region, 'custom'>, string>> = {
  mainland: 'https://oapi.dingtalk.com',
  international: 'https://oapi.dingtalk.io',
};

export interface ConnectArgs {
  region: Region;
  /** Required when region is 'custom' (http(s) URL). */
  baseUrl?: string;
  appKey: string;
  appSecret: string;
  /** Keep the credentials (encrypted by the OS) for the next start. */
  remember: boolean;
}

/** What the UI may know about the connection. Never the secret or the token. */
export interface ConnectionInfo {
  connected: boolean;
  sandbox: boolean;
  region: Region | 'sandbox';
  baseUrl: string;
  /** The first characters of the app key followed by "…". */
  appKeyPrefix: string;
  /** "Connected as dingab… (sandbox)"-style line. */
  label: string;
  /** Credentials are stored for the next start. */
  remembered: boolean;
  connectedAt: string;
}

export type TestConnectionArgs = Omit<ConnectArgs, 'remember'> | undefined;

export interface TestConnectionResult {
  ok: boolean;
  latencyMs: number;
  /** On failure: the catalogue's explanation of what DingTalk answered. */
  error?: ErrorInfo;
}

export interface LabelView {
  id: number;
  name: string;
}

export interface LabelGroupView {
  name: string;
  /** Signed ARGB integer as DingTalk sends it. */
  color: number;
  /** CSS colour "#rrggbb" decoded from `color`. */
  colorHex: string;
  labels: LabelView[];
}

export interface OrgSummary {
  contactCount: number;
  labelGroups: LabelGroupView[];
  fetchedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Export and template
// ---------------------------------------------------------------------------------------------

export type OutputFormat = 'xlsx' | 'csv';

export interface ExportArgs {
  format: OutputFormat;
}

export interface ExportProgress {
  exportId: string;
  phase: 'labels' | 'contacts' | 'writing' | 'done' | 'failed';
  done: number;
  /** Unknown until DingTalk's last page is read. */
  total: number | null;
}

// ---------------------------------------------------------------------------------------------
// Import: sheet, mapping, plan
// ---------------------------------------------------------------------------------------------

export interface OpenSheetArgs {
  fileId: string;
  /** Sheet name; default the first sheet (xlsx). */
  sheet?: string;
  /** 1-based header row; default the detected one. */
  headerRow?: number;
  /** CSV: the text encoding (utf-8, gb18030, big5, shift_jis, euc-kr, windows-1252…); default detected. */
  encoding?: string;
}

export interface SheetPreview {
  file: FileRef;
  sheets: string[];
  sheet: string;
  headerRow: number;
  headers: string[];
  /** CSV: the encoding read with, and how it was chosen. */
  encoding?: string;
  encodingSource?: 'bom' | 'utf-8' | 'detected' | 'given';
  /** Notes on how the sheet was read (a doubtful encoding guess with a sample…), in the UI language. */
  notes?: string[];
  /** The first rows of the sheet, including those above and at the header row (to let the admin pick it). */
  rows: Array<{ row: number; cells: string[] }>;
}

/** Something a column can map to, for the mapping editor's drop-down. */
export interface TargetOption {
  target: MappingTarget;
  /** Stable key: the field name, 'labels', 'ignore' or 'group:<name>'. */
  key: string;
  label: string;
  kind: 'field' | 'labels' | 'label-group' | 'ignore';
  /** Read-only through update (mobile, state_code, email): used for matching and create only. */
  readOnlyOnUpdate?: boolean;
}

export interface AutoMapArgs {
  fileId: string;
  sheet?: string;
  headerRow?: number;
  encoding?: string;
  /** A mapping file's content (see loadMapping): decides for the headers it names. */
  mapping?: MappingFile;
}

export interface MappingView {
  /** Per column: header, target, how it was chosen, suggestions for unrecognised ones. */
  result: MappingResult;
  /** The same as header → target, ready to edit and pass to planImport. */
  mapping: MappingFile;
  /** Everything a column can map to (fields, labels, this org's label groups, ignore). */
  targets: TargetOption[];
}

export interface PlanImportArgs {
  fileId: string;
  sheet?: string;
  headerRow?: number;
  encoding?: string;
  /** header → target; headers not named are ignored. */
  mapping: MappingFile;
  options: ImportOptions;
}

export interface PlanDeleteArgs {
  fileId: string;
  sheet?: string;
  headerRow?: number;
  encoding?: string;
}

export type PlanCounts = ImportSummary;

/** While a dry run reads the sheet and fetches the contacts it names. */
export interface PlanProgress {
  fileId: string;
  phase: ImportPhase;
  done: number;
  total: number | null;
}

export interface PlanSummary {
  planId: string;
  kind: 'import' | 'delete';
  /** The sheet the plan was read from; absent for a plan made from a query (bulk edit, merge). */
  file?: FileRef;
  /** What the plan was made from: the sheet's name, or the query / action it selects by. */
  source: string;
  counts: PlanCounts;
  /** Rows with warnings (not blocking). */
  warnings: number;
  /** Columns that are neither mapped nor known, reported and ignored. */
  ignoredColumns: string[];
  /** Mapping problems (duplicate targets...) the admin should see. */
  mappingWarnings: string[];
  /** An undo's plan: the job it undoes, how many contacts changed since that job, whether they are forced. */
  undo?: UndoInfo;
}

export interface UndoInfo {
  jobId: string;
  /** Contacts changed since the job (skipped as invalid unless forced). */
  conflicts: number;
  force: boolean;
}

export interface PlanUndoArgs {
  jobId: string;
  /** Restore contacts changed since the job too, overwriting those later changes. */
  force?: boolean;
}

export interface ApplyUndoArgs {
  planId: string;
  /** Must equal the plan's deletions (contacts the job created) when it has any: the typed confirmation. */
  confirmCount: number;
}

export interface ApplyUndoResult {
  jobId: string;
  /** Backup of the contacts the undo deletes, written before the first delete call. */
  backup?: FileRef;
}

export type PlanFilter =
  | 'all'
  | 'changed'
  | 'unchanged'
  | 'invalid'
  | 'create'
  | 'update'
  | 'delete'
  /** Rows with warnings, whatever their action ("no change" rows included). */
  | 'warnings';

export interface PageArgs {
  offset: number;
  /** 1..500 */
  limit: number;
}

export interface PlanRowsArgs extends PageArgs {
  planId: string;
  filter: PlanFilter;
}

/** One sheet row of a plan: action, field diff (labels by name), errors and warnings, original cells. */
export type PlanRowView = PlannedRow;

export interface Page<T> {
  total: number;
  offset: number;
  items: T[];
}

export interface PlanRowsPage extends Page<PlanRowView> {
  counts: PlanCounts;
}

export interface ApplyPlanArgs {
  planId: string;
}

export interface ApplyDeleteArgs {
  planId: string;
  /** Must equal the plan's number of deletions: the UI's "type the number to confirm". */
  confirmCount: number;
}

export interface ApplyDeleteResult {
  jobId: string;
  /** Backup of every contact about to be deleted, written before the first delete call. */
  backup: FileRef;
}

// ---------------------------------------------------------------------------------------------
// Jobs and reports
// ---------------------------------------------------------------------------------------------

export interface JobArgs {
  jobId: string;
}

/** A workspace plan's kind of action, kept with its job so the jobs list can say what the job did. */
export type JobOrigin = 'edit' | 'handover' | 'merge';

/** A job with the counts every door shows (shared/domain.ts JobCounts: they add up). */
export interface JobSummary extends JobCounts {
  jobId: string;
  /** What started it: 'edit', 'handover' and 'merge' are the contacts workspace's applies. */
  kind: 'import' | 'delete' | 'retry' | 'undo' | JobOrigin;
  state: JobState;
  /** Source sheet's name when known, else what the job did (a query, "hand over A → B"). */
  source?: string;
  createdAt: string;
  finishedAt?: string;
  /** Rows with a write (create + update + delete). */
  total: number;
  /** Interrupted (app closed, crash), paused, cancelled or stopped: can be resumed without repeating finished rows. */
  resumable: boolean;
  /** A job whose journal or plan cannot be read: why, and what can be done. */
  damage?: { reason: string; resumable: boolean; advice: string };
  /** The undo job that put back everything this job wrote (finished without a failure), if any. */
  undoneBy?: string;
}

export interface JobFinished {
  jobId: string;
  state: JobState;
  summary: JobSummary;
  /** Why a job stopped (job-fatal condition), explained. */
  error?: ErrorInfo;
}

/** 'conflict': rows not written because their contact changed meanwhile in a field they change too. */
export type ReportFilter = 'all' | 'ok' | 'failed' | 'skipped' | 'conflict';

export interface ReportRowsArgs extends PageArgs {
  jobId: string;
  filter: ReportFilter;
}

export interface ReportRowView {
  row: number;
  kind: RowResult['kind'];
  userId?: string;
  status: RowResult['status'];
  attempts: number;
  errcode?: number | string;
  errmsg?: string;
  /** From the errcode catalogue, in the UI language. */
  meaning?: string;
  solution?: string;
  /** Sending the row again may pass (network, limits, a stopped job); false: fix the row first. */
  retryable?: boolean;
}

export interface ReportFileArgs {
  jobId: string;
  format: OutputFormat | 'json';
}

export interface FailedRowsArgs {
  jobId: string;
  format: OutputFormat;
}

// ---------------------------------------------------------------------------------------------
// Files, recent files, settings
// ---------------------------------------------------------------------------------------------

export type FilePurpose = 'sheet' | 'mapping';

export interface OpenDialogArgs {
  purpose: FilePurpose;
}

export interface UploadArgs {
  name: string;
  data: Uint8Array;
}

export interface SaveFileArgs {
  fileId: string;
  /** Name offered in the save dialog / download; default the file's own name. */
  suggestedName?: string;
}

export interface SaveFileResult {
  saved: boolean;
  /** Where it was saved (Electron); undefined for browser downloads. */
  path?: string;
}

export interface RecentFile {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

export interface Settings {
  language: Language;
  /** Upper bound on calls per second per endpoint (1..40). */
  maxQps: number;
  /** The desktop app checks the project's releases for a new version and installs it (off unless turned on). */
  autoUpdate: boolean;
}

export interface SaveMappingArgs {
  mapping: MappingFile;
  name?: string;
}

export interface FileArgs {
  fileId: string;
}

// ---------------------------------------------------------------------------------------------
// Methods and events
// ---------------------------------------------------------------------------------------------

/** Every call the UI can make. Each takes at most one argument object and answers a promise. */
export interface Methods {
  getCapabilities(): Promise<Capabilities>;

  // Connection
  connect(args: ConnectArgs): Promise<ConnectionInfo>;
  connectSandbox(): Promise<ConnectionInfo>;
  /** Tries credentials (or the current connection when no args) without keeping them. */
  testConnection(args?: TestConnectionArgs): Promise<TestConnectionResult>;
  getConnection(): Promise<ConnectionInfo | null>;
  /** `forget` also removes stored credentials. */
  disconnect(args?: { forget?: boolean }): Promise<void>;

  // Organisation
  getOrgSummary(args?: { refresh?: boolean }): Promise<OrgSummary>;

  // Export and template
  exportContacts(args: ExportArgs): Promise<FileRef>;
  downloadTemplate(): Promise<FileRef>;

  // Files (in web mode the api adapter implements openFileDialog/saveFile with upload/download)
  openFileDialog(args: OpenDialogArgs): Promise<FileRef | null>;
  uploadFile(args: UploadArgs): Promise<FileRef>;
  saveFile(args: SaveFileArgs): Promise<SaveFileResult>;
  listRecentFiles(): Promise<RecentFile[]>;
  openRecentFile(args: { path: string }): Promise<FileRef>;
  clearRecentFiles(): Promise<void>;

  // Import
  openSheet(args: OpenSheetArgs): Promise<SheetPreview>;
  autoMap(args: AutoMapArgs): Promise<MappingView>;
  saveMapping(args: SaveMappingArgs): Promise<FileRef>;
  loadMapping(args: FileArgs): Promise<MappingFile>;
  planImport(args: PlanImportArgs): Promise<PlanSummary>;
  getPlanRows(args: PlanRowsArgs): Promise<PlanRowsPage>;
  applyPlan(args: ApplyPlanArgs): Promise<{ jobId: string }>;

  // Delete
  planDelete(args: PlanDeleteArgs): Promise<PlanSummary>;
  applyDelete(args: ApplyDeleteArgs): Promise<ApplyDeleteResult>;

  // Jobs
  listJobs(): Promise<JobSummary[]>;
  getJob(args: JobArgs): Promise<JobSummary>;
  pauseJob(args: JobArgs): Promise<void>;
  /** Resumes a paused job, or an interrupted one from its journal. */
  resumeJob(args: JobArgs): Promise<{ jobId: string }>;
  cancelJob(args: JobArgs): Promise<void>;
  getReportRows(args: ReportRowsArgs): Promise<Page<ReportRowView>>;
  exportReport(args: ReportFileArgs): Promise<FileRef>;
  exportFailedRows(args: FailedRowsArgs): Promise<FileRef>;
  /** A new job with only the failed rows of `jobId`. */
  retryFailedRows(args: JobArgs): Promise<{ jobId: string }>;
  /** The dry run of undoing a job, diffed against the contacts now (rows paged with getPlanRows). */
  planUndo(args: PlanUndoArgs): Promise<PlanSummary>;
  /** Runs an undo plan as a job of kind 'undo' (contacts it deletes are backed up first). */
  applyUndo(args: ApplyUndoArgs): Promise<ApplyUndoResult>;

  // Contacts workspace: the local index, queries, bulk actions (plans applied with applyPlan/applyDelete)
  getContactIndex(): Promise<ContactIndexInfo>;
  /** Reads every contact into the local index ('contacts:progress' events). */
  refreshContactIndex(): Promise<ContactIndexInfo>;
  /** A page of a query's matches; a bad query answers `error` (not a failure) so the box can point at it. */
  queryContacts(args: QueryContactsArgs): Promise<ContactsPage>;
  getContactDetail(args: { userid: string }): Promise<ContactDetail>;
  getLabelOverview(): Promise<LabelOverview>;
  /** A dry run of a bulk action; apply it with applyPlan (edits) or applyDelete (deletes). */
  planContactEdit(args: PlanContactEditArgs): Promise<PlanSummary>;
  exportSelection(args: ExportSelectionArgs): Promise<FileRef>;
  findDuplicates(): Promise<DuplicatesView>;
  planMergeDuplicates(args: PlanMergeDuplicatesArgs): Promise<PlanSummary>;

  // People: the staff picker, handing over contacts (a plan applied with applyPlan), the cached directory
  searchStaff(args: SearchStaffArgs): Promise<StaffOption[]>;
  planReassign(args: PlanReassignArgs): Promise<PlanSummary>;
  /** The directory as cached for this connection (no call). */
  getDirectoryInfo(): Promise<DirectoryInfo>;
  /** Reads the staff directory again (names, departments, who left; 'directory:progress' events). */
  refreshDirectory(): Promise<DirectoryInfo>;

  // Settings
  getSettings(): Promise<Settings>;
  updateSettings(args: Partial<Settings>): Promise<Settings>;
}

/** Every event the backend pushes. */
export interface Events {
  /** Coalesced: at most a few per second per job, and always the final state. */
  'job:progress': JobProgress;
  'job:finished': JobFinished;
  'export:progress': ExportProgress;
  'plan:progress': PlanProgress;
  'connection:changed': ConnectionInfo | null;
  /** Jobs found interrupted at start: the UI offers to resume them. */
  'jobs:interrupted': JobSummary[];
  /** A file opened from outside (OS "open with", dock drop, recent documents menu). */
  'file:opened': FileRef;
  /** While the local contact index is read. */
  'contacts:progress': ContactIndexProgress;
  /** While the staff directory is read by refreshDirectory. */
  'directory:progress': DirectoryReadProgress;
}

export type MethodName = keyof Methods;
export type EventName = keyof Events;
export type MethodArgs<K extends MethodName> = Parameters<Methods[K]>[0];
export type MethodResult<K extends MethodName> = Awaited<ReturnType<Methods[K]>>;

export const METHOD_NAMES = [
  'getCapabilities',
  'connect',
  'connectSandbox',
  'testConnection',
  'getConnection',
  'disconnect',
  'getOrgSummary',
  'exportContacts',
  'downloadTemplate',
  'openFileDialog',
  'uploadFile',
  'saveFile',
  'listRecentFiles',
  'openRecentFile',
  'clearRecentFiles',
  'openSheet',
  'autoMap',
  'saveMapping',
  'loadMapping',
  'planImport',
  'getPlanRows',
  'applyPlan',
  'planDelete',
  'applyDelete',
  'listJobs',
  'getJob',
  'pauseJob',
  'resumeJob',
  'cancelJob',
  'getReportRows',
  'exportReport',
  'exportFailedRows',
  'retryFailedRows',
  'planUndo',
  'applyUndo',
  'getContactIndex',
  'refreshContactIndex',
  'queryContacts',
  'getContactDetail',
  'getLabelOverview',
  'planContactEdit',
  'exportSelection',
  'findDuplicates',
  'planMergeDuplicates',
  'searchStaff',
  'planReassign',
  'getDirectoryInfo',
  'refreshDirectory',
  'getSettings',
  'updateSettings',
] as const satisfies readonly MethodName[];

export const EVENT_NAMES = [
  'job:progress',
  'job:finished',
  'export:progress',
  'plan:progress',
  'connection:changed',
  'jobs:interrupted',
  'file:opened',
  'contacts:progress',
  'directory:progress',
] as const satisfies readonly EventName[];

// Compile-time exhaustiveness: a method or event missing from the arrays names itself in the error
// ("Type 'true' is not assignable to type '{ missing: "cancelJob"; }'").
type AllListed<All, Listed> = [Exclude<All, Listed>] extends [never]
  ? true
  : { missing: Exclude<All, Listed> };
const methodsListed: AllListed<MethodName, (typeof METHOD_NAMES)[number]> = true;
const eventsListed: AllListed<EventName, (typeof EVENT_NAMES)[number]> = true;
void methodsListed;
void eventsListed;

/** IPC channel of a method (Electron). */
export const channelOf = (method: MethodName): string => `dtload:${method}`;
/** IPC channel on which one event is sent to the window (Electron). */
export const eventChannelOf = (event: EventName): string => `dtload:event:${event}`;
export const isEventName = (x: unknown): x is EventName =>
  typeof x === 'string' && (EVENT_NAMES as readonly string[]).includes(x);

export type Unsubscribe = () => void;

/** What the preload exposes as `window.dtload`: the methods, each answering an Envelope, and `on`. */
export type Bridge = {
  [K in MethodName]: (args: MethodArgs<K>) => Promise<Envelope<MethodResult<K>>>;
} & {
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): Unsubscribe;
};

/** Web mode wire messages (WebSocket, JSON). */
export interface WireCall {
  id: number;
  method: MethodName;
  args?: unknown;
}
export interface WireReply {
  id: number;
  result: Envelope<unknown>;
}
export interface WireEvent {
  event: EventName;
  payload: unknown;
}

export const isMethodName = (x: unknown): x is MethodName =>
  typeof x === 'string' && (METHOD_NAMES as readonly string[]).includes(x);
