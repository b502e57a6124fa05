// The organisation's own people and departments, as the directory service reads them.
import type { RawDepartment, StaffPage } from '../dingtalk';

export interface Department {
  id: number;
  name: string;
  /** 0 for the root. */
  parentId: number;
  /** Names from below the root down to this department, joined by '/' ('' for the root). */
  path: string;
}

export interface StaffMember {
  userid: string;
  name: string;
  /** Every department that lists this person (a person in two departments is one member). */
  deptIds: number[];
}

/** What the directory needs of the DingTalk client (DingTalkClient satisfies it; calls go through its scheduler). */
export interface DirectoryClient {
  listSubDepartments(deptId: number): Promise<RawDepartment[]>;
  listStaffPage(deptId: number, cursor: number, size: number): Promise<StaffPage>;
  staffIdByMobile(mobile: string): Promise<string | undefined>;
  departmentName(deptId: number): Promise<string>;
}

export interface DirectoryProgress {
  departments: number;
  staff: number;
  /** Calls made so far (listsub + listsimple pages). */
  calls: number;
}

/** A person's text resolved: one userid, several candidates, or nobody. */
export type PersonMatch =
  | { kind: 'found'; userid: string; via: 'userid' | 'name' | 'name+department' | 'mobile' }
  | { kind: 'ambiguous'; text: string; candidates: PersonCandidate[] }
  | { kind: 'unknown'; text: string; reason: PersonUnknownReason };

export interface PersonCandidate {
  userid: string;
  name: string;
  /** The label that names this person alone (e.g. 张伟（华北销售）). */
  label: string;
  /** Paths of the person's departments. */
  departments: string[];
}

/**
 * - `not-staff`: no staff member by that name or id (someone who left, a typo);
 * - `mobile`: a mobile no staff member has;
 * - `mobile-not-looked-up`: a mobile the service was not asked to look up (call `lookupMobiles` first);
 * - `department`: the department in brackets is unknown or has nobody of that name.
 */
export type PersonUnknownReason = 'not-staff' | 'mobile' | 'mobile-not-looked-up' | 'department';

export type DepartmentMatch =
  | { kind: 'found'; id: number; via: 'id' | 'name' | 'path' }
  | { kind: 'ambiguous'; text: string; candidates: { id: number; path: string }[] }
  | { kind: 'unknown'; text: string };
