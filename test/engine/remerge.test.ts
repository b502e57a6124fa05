// A planned update re-merged onto the contact as it is now: the row's fields win over their planned values,
// others' edits to the rest stay, a third value in a field the row changes is a conflict.
import { expect, it } from 'vitest';
import type { Contact } from '../../shared/domain';
import { intentOf, bodyOf, remerge, type UpdateOp } from '../../electron/core/import/remerge';

const planned: Contact = {
  userid: 'u1',
  name: 'Lee',
  follower_user_id: 's1',
  label_ids: [1, 2],
  title: 'Buyer',
  remark: 'old',
  share_user_ids: ['s2'],
};

function op(after: Partial<Contact>): UpdateOp & { before: NonNullable<UpdateOp['before']> } {
  const body = { ...bodyOf(planned), ...bodyOf({ ...planned, ...after }) };
  return { seq: 0, row: 2, kind: 'update', userId: 'u1', body, before: intentOf(planned, body) };
}

it('keeps only the fields the row changes, with their planned values', () => {
  expect(op({ title: 'Chief', label_ids: [1, 3] }).before).toEqual({ title: 'Buyer', label_ids: [1, 2] });
  const cleared = bodyOf(planned);
  delete cleared.remark;
  expect(intentOf(planned, cleared)).toEqual({ remark: 'old' });
});

it('records a list the row changes even when the contact holds a repeat of the same length', () => {
  // DingTalk may hand back a label twice; the row replaces the other label: [1, 1, 2] → [1, 2, 3].
  const repeated: Contact = { ...planned, label_ids: [1, 1, 2] };
  const body = { ...bodyOf(repeated), label_ids: [1, 2, 3] };
  const before = intentOf(repeated, body);
  expect(before).toEqual({ label_ids: [1, 1, 2] });
  // So the write re-merged just before it is sent still adds 3 (without the field in `before` the re-merge
  // would leave the labels as they are and send nothing).
  const again = remerge({ seq: 0, row: 2, kind: 'update', userId: 'u1', body, before }, repeated);
  expect(again.kind).toBe('write');
  expect(again.kind === 'write' && new Set(again.body.label_ids)).toEqual(new Set([1, 2, 3]));
});

it('re-merges onto the current state, keeping other edits', () => {
  const now: Contact = { ...planned, remark: 'set by another admin', label_ids: [1, 2, 9] };
  const r = remerge(op({ title: 'Chief', label_ids: [1, 3] }), now);
  expect(r).toEqual({
    kind: 'write',
    body: { ...bodyOf(now), title: 'Chief', label_ids: [1, 9, 3] },
  });
});

it('is a conflict when a field the row changes now holds a third value', () => {
  const r = remerge(op({ title: 'Chief', remark: 'new' }), { ...planned, title: 'Manager' });
  expect(r).toEqual({ kind: 'conflict', fields: ['title'] });
});

it('sends nothing when the contact already is as the row asks', () => {
  expect(remerge(op({ title: 'Chief' }), { ...planned, title: 'Chief', remark: 'x' })).toEqual({
    kind: 'same',
  });
});
