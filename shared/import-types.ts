// View types of the import pipeline: the plan the dry run shows, the options an import takes and the
// column mapping. Plain JSON-serialisable data, so the desktop UI can page through a plan over IPC.
import type { Contact, FieldChange, RowAction, RowOp } from './domain';
import type { Lang } from './i18n/lang';

/** The contact fields a column can fill (shared/fields.ts CONTACT_FIELDS keys). */
export type ContactFieldKey =
  | 'user_id'
  | 'name'
  | 'mobile'
  | 'state_code'
  | 'email'
  | 'title'
  | 'company_name'
  | 'address'
  | 'remark'
  | 'follower_user_id'
  | 'share_user_ids'
  | 'share_dept_ids';

/**
 * What one column holds. A field key, `labels` (label names of any group), `{ group }` (labels of that
 * group only) or `ignore`. This is also the value type of a mapping file (header → target).
 */
export type MappingTarget = ContactFieldKey | 'labels' | { group: string } | 'ignore';

/** A mapping file: header text → target. */
export type MappingFile = Record<string, MappingTarget>;

export interface ColumnMapping {
  /** 0-based column index in the sheet. */
  index: number;
  header: string;
  target: MappingTarget;
  /** How the target was chosen. */
  source: 'alias' | 'group' | 'mapping-file' | 'report-column' | 'unrecognised' | 'duplicate';
  /** For unrecognised columns: close matches the admin may have meant (field keys or group names). */
  suggestions?: string[];
}

export interface MappingResult {
  columns: ColumnMapping[];
  /** Headers of columns that are ignored because nothing matched them. */
  unrecognised: string[];
  /** Problems the admin should see (duplicate targets, mapping-file entries for missing headers). */
  warnings: string[];
}

export type MatchBy = 'user_id' | 'mobile';
export type LabelMode = 'replace' | 'add' | 'remove';
export type BlankMode = 'keep' | 'clear';

export interface ImportOptions {
  match: MatchBy;
  labels: LabelMode;
  blank: BlankMode;
  /** Rows that match no contact and have a mobile become creates. */
  create: boolean;
  /** Country code used when a row has a mobile but no state_code. Default "86". */
  defaultStateCode?: string;
  /** Language of the plan's row messages (the admin's); default English. */
  language?: Lang;
}

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = {
  match: 'user_id',
  labels: 'replace',
  blank: 'keep',
  create: false,
  defaultStateCode: '86',
};

/** One sheet row of a plan: what will happen to it and why. */
export interface PlannedRow {
  /** Sheet row number (1-based, as the spreadsheet shows it). */
  row: number;
  userId?: string;
  action: RowAction;
  name?: string;
  company?: string;
  /** Field-level diff; labels are shown by name (`labels`: before/after name lists). */
  changes: FieldChange[];
  errors: string[];
  warnings: string[];
  /** The row's original cells, for reports and the failed-rows file. */
  cells: string[];
  /** The RowOp's seq when the row sends a write. */
  seq?: number;
}

export interface ImportSummary {
  rows: number;
  create: number;
  update: number;
  delete: number;
  unchanged: number;
  invalid: number;
}

/** Where a plan's rows came from and how they were read. */
export interface PlanSource {
  format: string;
  sheet: string;
  /** CSV: the text encoding used (lower case, e.g. 'utf-8', 'gb18030', 'big5', 'windows-1252'). */
  encoding?: string;
  /** CSV: how the encoding was chosen. */
  encodingSource?: 'bom' | 'utf-8' | 'detected' | 'given';
  delimiter?: string;
}

export interface ImportPlan {
  kind: 'import' | 'delete';
  headers: string[];
  /** Header row number in the sheet. */
  headerRow: number;
  source?: PlanSource;
  /**
   * Notes on how the sheet was read, in the plan's language: a doubtful encoding guess, values under an empty
   * header, merged cells filled.
   */
  notes?: string[];
  mapping: MappingResult;
  rows: PlannedRow[];
  ops: RowOp[];
  summary: ImportSummary;
  /** ISO time the contacts' current state was read for this plan (a job re-reads them when this is old). */
  plannedAt?: string;
  /** How current state was read: calls made to DingTalk while planning. */
  reads: { get: number; listContacts: number; strategy: 'none' | 'get' | 'list' | 'list+get' };
  /**
   * Each contact an update or delete writes, by userid, as read when planning: saved with the job
   * (sheet-plan.json) so `dtload undo` can put it back. Absent in plans of earlier versions.
   */
  before?: Record<string, Contact>;
}

/** `directory`: reading the staff directory (the sheet names people or departments). */
export type ImportPhase = 'reading' | 'labels' | 'directory' | 'fetching' | 'planning' | 'done';

export interface ImportPlanProgress {
  phase: ImportPhase;
  /** Rows read or planned so far, contacts fetched, depending on the phase. */
  done: number;
  total?: number;
}
