// No lost updates: a planned update re-merged onto its contact as read again just before the write. The
// row's intent is the fields its body changes, with their values when planned (`before`); `update`
// replaces the whole contact, so every other field is sent as it is now (another admin's edits stay).
import type { Contact, ContactUpdate, RowOp } from '../../../shared/domain';
import { sameSet } from './same-set';

export type UpdateOp = Extract<RowOp, { kind: 'update' }>;

const STRINGS = ['name', 'follower_user_id', 'title', 'company_name', 'address', 'remark'] as const;
const ID_LISTS = ['label_ids', 'share_dept_ids', 'share_user_ids'] as const;
type IdList = (typeof ID_LISTS)[number];
type Id = string | number;

/** The update body that leaves `c` as it is: its full current state. */
export function bodyOf(c: Contact): ContactUpdate {
  const body: ContactUpdate = {
    user_id: c.userid,
    name: c.name,
    follower_user_id: c.follower_user_id,
    // Arrays are shared with `c`, never mutated: a change assigns a new array.
    label_ids: c.label_ids ?? [],
  };
  for (const f of ['title', 'company_name', 'address', 'remark'] as const) {
    if (c[f] !== undefined) body[f] = c[f];
  }
  if (c.share_dept_ids !== undefined) body.share_dept_ids = c.share_dept_ids;
  if (c.share_user_ids !== undefined) body.share_user_ids = c.share_user_ids;
  return body;
}

const list = (v: unknown): Id[] => (Array.isArray(v) ? (v as Id[]) : []);

/** The planned values of the fields `body` changes on `current` (a blank string or list when absent). */
export function intentOf(current: Contact, body: ContactUpdate): Partial<ContactUpdate> {
  const before: Partial<ContactUpdate> = {};
  for (const f of STRINGS) {
    const was = current[f] ?? '';
    if ((body[f] ?? '') !== was) before[f] = was;
  }
  for (const f of ID_LISTS) {
    const was = list(current[f]);
    if (!sameSet(was, list(body[f]))) (before as Record<IdList, Id[]>)[f] = was;
  }
  return before;
}

export type Remerged =
  /** Write this body: the sheet's changes on the contact's current state. */
  | { kind: 'write'; body: ContactUpdate }
  /** The contact already holds every value the row asks for: nothing to send. */
  | { kind: 'same' }
  /** Another edit changed a field the row changes too, to a third value: not written. */
  | { kind: 'conflict'; fields: string[] };

/**
 * Re-merges the row's changes onto `current`. A text field is a conflict when its value now is neither the
 * planned one nor the row's; an id list (labels, shared staff and departments) is merged member by member,
 * the row adding and removing what it planned to, so it never conflicts and keeps the others' additions.
 */
export function remerge(op: UpdateOp & { before: Partial<ContactUpdate> }, current: Contact): Remerged {
  const body = bodyOf(current);
  const conflicts: string[] = [];
  let writes = false;
  for (const f of STRINGS) {
    if (!(f in op.before)) continue;
    const planned = op.before[f] ?? '';
    const wanted = op.body[f] ?? '';
    const now = current[f] ?? '';
    if (now === wanted) continue;
    if (now !== planned) conflicts.push(f);
    else {
      body[f] = wanted;
      writes = true;
    }
  }
  for (const f of ID_LISTS) {
    if (!(f in op.before)) continue;
    const planned = list(op.before[f]);
    const wanted = list(op.body[f]);
    const now = list(current[f]);
    const next = now.filter((x) => wanted.includes(x) || !planned.includes(x));
    for (const x of wanted) if (!planned.includes(x) && !next.includes(x)) next.push(x);
    if (sameSet(next, now)) continue;
    (body as unknown as Record<IdList, Id[]>)[f] = next;
    writes = true;
  }
  if (conflicts.length) return { kind: 'conflict', fields: conflicts };
  return writes ? { kind: 'write', body } : { kind: 'same' };
}
