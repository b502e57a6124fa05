// The contact fields dtload reads and writes, in column order, with how they are typed.
import type { Contact } from './domain';

export type FieldKind = 'string' | 'number-list' | 'string-list';

export interface FieldSpec {
  field: keyof Contact | 'user_id';
  kind: FieldKind;
  /** Read-only through `update` (DingTalk ignores them there). */
  readOnlyOnUpdate?: boolean;
}

export const CONTACT_FIELDS: readonly FieldSpec[] = [
  { field: 'user_id', kind: 'string' },
  { field: 'name', kind: 'string' },
  { field: 'mobile', kind: 'string', readOnlyOnUpdate: true },
  { field: 'state_code', kind: 'string', readOnlyOnUpdate: true },
  { field: 'email', kind: 'string', readOnlyOnUpdate: true },
  { field: 'title', kind: 'string' },
  { field: 'company_name', kind: 'string' },
  { field: 'address', kind: 'string' },
  { field: 'remark', kind: 'string' },
  { field: 'follower_user_id', kind: 'string' },
  { field: 'share_user_ids', kind: 'string-list' },
  { field: 'share_dept_ids', kind: 'number-list' },
];

/** Headers that map to a field without a mapping file: see header-synonyms.ts (and docs/headers.md). */
export { HEADER_ALIASES, HEADER_SYNONYMS, matchHeader, normaliseHeader } from './header-synonyms';

/** Separators allowed inside label and id-list cells. */
export const LIST_SEPARATORS = /[,;，；、|\r\n]+/;
