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
