// Pure pieces of an undo: what changed on a contact since a job wrote it, and the bodies that put a contact
// back as it was (an update's full-replace intent, a create's body from the kept copy).
import type { Contact, ContactCreate, ContactUpdate } from '../../../shared/domain';
import type { RowIntent } from '../import/row-intent';
import { sameSet } from '../import/same-set';

const STRINGS = ['name', 'follower_user_id', 'title', 'company_name', 'address', 'remark'] as const;
const LISTS = ['label_ids', 'share_user_ids', 'share_dept_ids'] as const;

/**
 * The fields in which `live` differs from what the job left (`after`: the body it sent). An empty field
 * and a missing one are the same; lists compare as sets. `labels` names the label list.
 */
export function changedSince(live: Contact, after: ContactUpdate | ContactCreate): string[] {
  const out: string[] = [];
  for (const f of STRINGS) if ((live[f] ?? '') !== (after[f] ?? '')) out.push(f);
  for (const f of LISTS) {
    const a = (live[f] ?? []) as readonly unknown[];
    const b = (after[f] ?? []) as readonly unknown[];
    if (!sameSet(a, b)) out.push(f === 'label_ids' ? 'labels' : f);
  }
  return out;
}

/**
 * An import intent that sets the `only` fields (changedSince's names: the ones the job changed) back to
 * `before`'s values (an empty one clears it); every other field keeps what the contact holds now.
 */
export function restoreIntent(before: Contact, only: readonly string[]): RowIntent {
  const fields: RowIntent['fields'] = {};
  for (const f of STRINGS) if (only.includes(f)) fields[f] = before[f] ?? null;
  for (const f of ['share_user_ids', 'share_dept_ids'] as const)
    if (only.includes(f)) fields[f] = before[f] ?? [];
  return {
    fields,
    labelEdits: only.includes('labels')
      ? [{ header: 'undo', mode: 'replace', ids: [...(before.label_ids ?? [])] }]
      : [],
    errors: [],
  };
}

/** The create body that brings a deleted contact back with all its fields; undefined without a mobile. */
export function recreateBody(before: Contact): ContactCreate | undefined {
  if (!before.mobile) return undefined;
  const body: ContactCreate = {
    name: before.name,
    follower_user_id: before.follower_user_id,
    label_ids: [...(before.label_ids ?? [])],
    mobile: before.mobile,
    state_code: before.state_code || '86',
  };
  for (const k of ['email', 'title', 'company_name', 'address', 'remark'] as const)
    if (before[k]) body[k] = before[k];
  if (before.share_user_ids?.length) body.share_user_ids = [...before.share_user_ids];
  if (before.share_dept_ids?.length) body.share_dept_ids = [...before.share_dept_ids];
  return body;
}
