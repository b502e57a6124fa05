// View types of people in the app: the staff picker's matches, handing over contacts (交接客户) and the
// cached staff directory's age (contract methods in contract.ts).
import type { ErrorInfo } from './contract';

/** A person the staff picker offers: staff by name, department or mobile; a leaver by the userid contacts carry. */
export interface StaffOption {
  userid: string;
  /** Display name (a leaver: their userid). */
  name: string;
  /** What names this person alone (`张伟（华北销售）`); what a sheet or the CLI would take. */
  label: string;
  /** Paths of their departments (none for a leaver). */
  departments: string[];
  /** Contacts they own, and contacts shared with them (from the local index). */
  owned: number;
  shared: number;
  /** No longer in the staff directory: found only on contacts. */
  left: boolean;
}

export interface SearchStaffArgs {
  /** A name (or part of it), a department, a staff mobile or a userid; empty: those owning the most contacts. */
  text: string;
  /** Also offer leavers (people who own or are shared contacts but are not staff any more). */
  includeLeft?: boolean;
  /** 1..200, default 50. */
  limit?: number;
}

export interface PlanReassignArgs {
  /** Any form the import accepts; a leaver by userid. */
  from: string;
  to: string;
  /** Also replace `from` in the shared staff of contacts shared with them. */
  alsoShares: boolean;
}

/** The staff directory as cached for this connection. */
export interface DirectoryInfo {
  /** ISO time of the read; null when it has not been read yet. */
  readAt: string | null;
  staff: number;
  departments: number;
  /**
   * Why the last read failed, wherever it was asked for (a dry run, the table's names, a refresh), until a
   * read succeeds; absent when none failed since.
   */
  lastError?: DirectoryReadError;
}

/** A failed directory read, explained as any failure is, and when it failed (ISO). */
export interface DirectoryReadError extends ErrorInfo {
  at: string;
}

/** While the staff directory is read ('directory:progress'): what has been read so far. */
export interface DirectoryReadProgress {
  staff: number;
  departments: number;
  /** listsub and listsimple calls made so far. */
  calls: number;
}
