// View types of the Contacts workspace (contract methods in contract.ts): the local index, a page of a
// query's matches, a contact's detail and history, the label overview, bulk actions and duplicates.
import type { OutputFormat } from './contract';

export interface ContactIndexInfo {
  /** The full list was read at least once. */
  loaded: boolean;
  size: number;
  /** ISO time of the last full read, null when never read. */
  refreshedAt: string | null;
}

export interface ContactIndexProgress {
  phase: 'labels' | 'contacts' | 'saving' | 'done' | 'failed';
  done: number;
  /** The index's size before this read (a guess), null on a first load. */
  total: number | null;
}

export type ContactSortKey = 'name' | 'company' | 'title' | 'mobile' | 'owner' | 'remark';

export interface ContactRowView {
  userid: string;
  name: string;
  mobile?: string;
  stateCode?: string;
  email?: string;
  company?: string;
  title?: string;
  address?: string;
  remark?: string;
  /** Owner's userid, and name when the staff directory knows it. */
  owner: string;
  ownerName?: string;
  labels: number[];
  shareUsers: string[];
  shareDepts: number[];
  /** shareUsers and shareDepts as the staff directory names them (an id it does not know stays as is). */
  shareUserNames?: string[];
  shareDeptNames?: string[];
}

export interface QueryContactsArgs {
  query: string;
  sort?: { key: ContactSortKey; descending: boolean };
  offset: number;
  /** 1..500 */
  limit: number;
}

/** A query that cannot run: the message (one line) and where the bad term is in the query text. */
export interface QueryErrorView {
  message: string;
  term: string;
  start: number;
  end: number;
}

export interface ContactsPage {
  /** Matches of the query (0 when it has an error). */
  total: number;
  offset: number;
  items: ContactRowView[];
  index: ContactIndexInfo;
  error?: QueryErrorView;
  /** Time the filter and sort took in the backend. */
  elapsedMs: number;
}

export interface ContactHistoryEntry {
  jobId: string;
  kind: 'update' | 'create' | 'delete';
  at: string;
}

export interface ContactDetail {
  contact: ContactRowView;
  history: ContactHistoryEntry[];
}

export interface LabelUse {
  id: number;
  name: string;
  count: number;
}

export interface LabelGroupUse {
  name: string;
  colorHex: string;
  /** Contacts with at least one label of the group. */
  withAny: number;
  /** Contacts with no label of the group. */
  missing: number;
  labels: LabelUse[];
}

export interface LabelOverview {
  total: number;
  groups: LabelGroupUse[];
}

/** Which contacts an action is for: the matches of a query ("all N matching") or picked rows. */
export type ContactSelection = { query: string } | { userIds: string[] };

export type EditTextFieldKey = 'title' | 'company_name' | 'address' | 'remark';

/** A bulk action as the admin gave it: names of labels, people and departments (resolved by the backend). */
export interface ContactEditAction {
  addLabels?: string[];
  removeLabels?: string[];
  setOwner?: string;
  shareWithUsers?: string[];
  shareWithDepts?: string[];
  unshareUsers?: string[];
  unshareDepts?: string[];
  set?: Partial<Record<EditTextFieldKey, string>>;
  delete?: boolean;
}

export interface PlanContactEditArgs {
  selection: ContactSelection;
  action: ContactEditAction;
}

export interface ExportSelectionArgs {
  selection: ContactSelection;
  format: OutputFormat;
}

export type DuplicateReasonKey = 'mobile' | 'name-company' | 'similar-name';

export interface DuplicateGroupView {
  id: number;
  reasons: DuplicateReasonKey[];
  keep: string;
  contacts: ContactRowView[];
}

export interface DuplicatesView {
  total: number;
  groups: DuplicateGroupView[];
}

export interface PlanMergeDuplicatesArgs {
  /** Groups to merge (ids from findDuplicates); all when left out. */
  groupIds?: number[];
  /** Per group, the contact to keep instead of the suggested one. */
  keep?: Record<string, string>;
}
