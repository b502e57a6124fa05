// Contacts and label groups as the API returns them, checked into the domain types: a field of the
// wrong type is dropped rather than passed on as something it is not.
import type { Contact, LabelGroup } from '../../../shared/domain';

type Raw = Record<string, unknown>;
const TEXT_FIELDS = ['mobile', 'state_code', 'email', 'title', 'company_name', 'address', 'remark'] as const;

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;

const numbers = (v: unknown): number[] =>
  Array.isArray(v)
    ? v.map((x) => (typeof x === 'string' ? Number(x) : x)).filter((x): x is number => Number.isFinite(x))
    : [];

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(str).filter((x): x is string => x !== undefined) : [];

export function toContact(raw: unknown): Contact {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Raw;
  const c: Contact = {
    userid: str(r.userid ?? r.user_id) ?? '',
    name: str(r.name) ?? '',
    follower_user_id: str(r.follower_user_id) ?? '',
    label_ids: numbers(r.label_ids),
  };
  for (const key of TEXT_FIELDS) {
    const v = str(r[key]);
    if (v !== undefined) c[key] = v;
  }
  if (Array.isArray(r.share_dept_ids)) c.share_dept_ids = numbers(r.share_dept_ids);
  if (Array.isArray(r.share_user_ids)) c.share_user_ids = strings(r.share_user_ids);
  return c;
}

export function toLabelGroup(raw: unknown): LabelGroup {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Raw;
  const labels = Array.isArray(r.labels) ? (r.labels as unknown[]) : [];
  return {
    name: str(r.name) ?? '',
    color: typeof r.color === 'number' ? r.color | 0 : Number(r.color) | 0,
    labels: labels.map((l) => {
      const x = (l && typeof l === 'object' ? l : {}) as Raw;
      return { name: str(x.name) ?? '', id: Number(x.id) };
    }),
  };
}

/** A department as listsub answers it. */
export interface RawDepartment {
  id: number;
  name: string;
  parentId: number;
}

export function toDepartment(raw: unknown): RawDepartment {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Raw;
  return { id: Number(r.dept_id ?? r.id), name: str(r.name) ?? '', parentId: Number(r.parent_id ?? 0) };
}

/** One listsimple page: the members and, while there are more, the cursor of the next page. */
export interface StaffPage {
  members: { userid: string; name: string }[];
  nextCursor?: number;
}

export function toStaffPage(raw: unknown): StaffPage {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Raw;
  const list = Array.isArray(r.list) ? (r.list as unknown[]) : [];
  const members = list.map((m) => {
    const x = (m && typeof m === 'object' ? m : {}) as Raw;
    return { userid: str(x.userid) ?? '', name: str(x.name) ?? '' };
  });
  const next = Number(r.next_cursor);
  return r.has_more === true && Number.isFinite(next) ? { members, nextCursor: next } : { members };
}
