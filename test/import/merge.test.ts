// Label resolution, row reading and the merge/diff on plain data (no calls).
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/domain';
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from '../../shared/import-types';
import {
  autoMap,
  indexColumns,
  LabelIndex,
  mergeCreate,
  mergeUpdate,
  readIntent,
} from '../../electron/core/import';
import { GROUPS } from './groups';

const labels = new LabelIndex(GROUPS);

function plan(headers: string[], cells: string[], current: Contact, opts: Partial<ImportOptions> = {}) {
  const options = { ...DEFAULT_IMPORT_OPTIONS, ...opts };
  const cols = indexColumns(autoMap(headers, GROUPS));
  return mergeUpdate(current, readIntent(cells, cols, options, labels, headers), labels, options);
}

const alice: Contact = {
  userid: 'u1',
  name: 'Alice',
  follower_user_id: 'staff1',
  label_ids: [1, 11],
  mobile: '13800000001',
  state_code: '86',
  email: 'a@example.com',
  title: 'CTO',
  company_name: 'Acme',
  address: 'Beijing',
  remark: 'vip',
  share_dept_ids: [5, 6],
  share_user_ids: ['s1'],
};

describe('LabelIndex', () => {
  it('resolves unique bare names, Group/Label, and refuses ambiguous names naming the candidates', () => {
    expect(labels.resolve('Partner')).toMatchObject({ ok: true, label: { id: 2 } });
    expect(labels.resolve(' partner ')).toMatchObject({ ok: true, label: { id: 2 } });
    expect(labels.resolve('Type/Other')).toMatchObject({ ok: true, label: { id: 3 } });
    expect(labels.resolve('行业/Other')).toMatchObject({ ok: true, label: { id: 32 } });
    expect(labels.resolve('Other')).toEqual({
      ok: false,
      error: '"Other" is in 2 groups: write "Type/Other" or "行业/Other"',
    });
    // In a group column the group decides.
    expect(labels.resolve('Other', '行业')).toMatchObject({ ok: true, label: { id: 32 } });
    expect(labels.resolve('Customer', 'Level')).toMatchObject({ ok: false });
    const unknown = labels.resolve('Partnr');
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.error).toContain('Unknown label "Partnr"');
  });
});

describe('mergeUpdate', () => {
  it('sends the full current contact with the sheet changes merged in', () => {
    const r = plan(['user_id', 'title'], ['u1', 'CEO'], alice);
    expect(r.errors).toEqual([]);
    expect(r.changes).toEqual([{ field: 'title', before: 'CTO', after: 'CEO' }]);
    expect(r.body).toEqual({
      user_id: 'u1',
      name: 'Alice',
      follower_user_id: 'staff1',
      label_ids: [1, 11],
      title: 'CEO',
      company_name: 'Acme',
      address: 'Beijing',
      remark: 'vip',
      share_dept_ids: [5, 6],
      share_user_ids: ['s1'],
    });
  });

  it('keeps blank cells by default and clears them with --blank clear', () => {
    const keep = plan(['user_id', 'remark', 'Level'], ['u1', '', ''], alice);
    expect(keep.changes).toEqual([]);
    const clear = plan(['user_id', 'remark', 'Level'], ['u1', '', ''], alice, { blank: 'clear' });
    expect(clear.changes).toEqual([
      { field: 'remark', before: 'vip', after: '' },
      { field: 'labels', before: ['Customer', 'A'], after: ['Customer'] },
    ]);
    expect(clear.body.remark).toBe('');
    expect(clear.body.label_ids).toEqual([1]);
  });

  it('warns on read-only fields that differ instead of dropping them silently', () => {
    const r = plan(
      ['user_id', 'email', 'mobile', 'state_code'],
      ['u1', 'new@example.com', '138 0000 0001', '+86'],
      alice,
    );
    expect(r.changes).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^Email "new@example.com" differs/);
  });

  it('replaces labels within a group column and leaves other groups alone', () => {
    const r = plan(['user_id', 'Level'], ['u1', 'B'], alice);
    expect(r.body.label_ids).toEqual([1, 12]);
    expect(r.changes).toEqual([{ field: 'labels', before: ['Customer', 'A'], after: ['Customer', 'B'] }]);
  });

  it('adds and removes labels with --labels add|remove', () => {
    expect(
      plan(['user_id', 'labels'], ['u1', 'Partner；行业/Other'], alice, { labels: 'add' }).body.label_ids,
    ).toEqual([1, 11, 2, 32]);
    expect(plan(['user_id', 'labels'], ['u1', 'A'], alice, { labels: 'remove' }).body.label_ids).toEqual([1]);
    const none = plan(['user_id', 'labels'], ['u1', 'Customer、A'], alice, { labels: 'remove' });
    expect(none.errors).toContain('at least one label is required (DingTalk answers 60204 otherwise)');
  });

  it('makes rows with unknown, ambiguous or too many labels invalid', () => {
    expect(plan(['user_id', 'labels'], ['u1', 'Other'], alice).errors).toEqual([
      '"Other" is in 2 groups: write "Type/Other" or "行业/Other"',
    ]);
    expect(plan(['user_id', 'Level'], ['u1', 'Z'], alice).errors[0]).toContain(
      'Unknown label "Z" in group "Level"',
    );
    const many = Array.from({ length: 21 }, (_, i) => `M${i}`).join('|');
    expect(plan(['user_id', 'Many'], ['u1', many], alice, { labels: 'add' }).errors).toEqual([
      'labels: 23 ids, DingTalk takes at most 20',
    ]);
  });

  it("says why a row is invalid in the admin's language (zh-CN)", () => {
    const zh = { language: 'zh-CN' } as const;
    expect(plan(['user_id', 'labels'], ['u1', 'Other'], alice, zh).errors).toEqual([
      '"Other" 同时属于 2 个标签组：请写成 "Type/Other" 或 "行业/Other"',
    ]);
    expect(plan(['user_id', 'Level'], ['u1', 'Z'], alice, zh).errors[0]).toBe(
      '标签组 "Level" 中没有标签 "Z"',
    );
    expect(plan(['user_id', 'mobile', 'email'], ['u1', 'abc', 'x'], alice, zh).errors).toEqual([
      '手机号 "abc" 不是有效号码',
      '邮箱 "x" 格式不正确',
    ]);
    const none = plan(['user_id', 'labels'], ['u1', 'Customer、A'], alice, { labels: 'remove', ...zh });
    expect(none.errors).toEqual(['至少需要一个标签（否则钉钉返回 60204）']);
    // English stays the default.
    expect(plan(['user_id', 'mobile'], ['u1', 'abc'], alice).errors).toEqual([
      'mobile "abc" is not a phone number',
    ]);
  });

  it('compares id lists as sets and checks numeric ids', () => {
    expect(plan(['user_id', 'share_dept_ids'], ['u1', '6, 5'], alice).changes).toEqual([]);
    expect(plan(['user_id', 'share_dept_ids'], ['u1', '6, x7'], alice).errors).toEqual([
      'share_dept_ids: "x7" is not a numeric id',
    ]);
    const long = plan(['user_id', 'name'], ['u1', 'x'.repeat(65)], alice);
    expect(long.errors).toEqual(['name is longer than 64 characters']);
    expect(plan(['user_id', 'name'], ['u1', ''], alice, { blank: 'clear' }).errors).toEqual([
      'Name cannot be cleared: DingTalk requires it',
    ]);
  });
});

describe('mergeCreate', () => {
  it('requires create fields and defaults the country code', () => {
    const headers = ['name', 'mobile', 'Owner', 'Type'];
    const cols = indexColumns(autoMap(headers, GROUPS));
    const read = (cells: string[]) => readIntent(cells, cols, DEFAULT_IMPORT_OPTIONS, labels, headers);
    const ok = mergeCreate(read(['Bob', '13900000000', 'staff1', 'Partner']), labels, DEFAULT_IMPORT_OPTIONS);
    expect(ok.errors).toEqual([]);
    expect(ok.body).toEqual({
      name: 'Bob',
      follower_user_id: 'staff1',
      label_ids: [2],
      mobile: '13900000000',
      state_code: '86',
    });
    const bad = mergeCreate(read(['', '13900000000', '', '']), labels, DEFAULT_IMPORT_OPTIONS);
    expect(bad.errors).toEqual([
      'name is required',
      'follower_user_id (owner) is required',
      'at least one label is required (DingTalk answers 60204 otherwise)',
    ]);
  });
});
