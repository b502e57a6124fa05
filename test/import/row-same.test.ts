// The cheap "row changes nothing" answer (row-same.ts) against the full path it stands in for
// (readIntent + mergeUpdate): over many generated rows, options and contacts (odd stored values included),
// a row it calls unchanged must be one the full path finds nothing to change, refuse or warn about. A wrong
// "unchanged" would silently skip an admin's edit, so this is checked exhaustively rather than by example.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/domain';
import { CONTACT_FIELDS } from '../../shared/fields';
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from '../../shared/import-types';
import { Directory, type RawDirectory } from '../../electron/core/directory';
import { writeContactsFile } from '../../electron/core/export';
import { autoMap, indexColumns, LabelIndex, mergeUpdate, readIntent } from '../../electron/core/import';
import { PeopleCells } from '../../electron/core/import/people';
import { sameRowCheck } from '../../electron/core/import/row-same';
import { seedContacts, seedDirectory, seedLabelGroups } from '../../electron/core/sandbox';
import { openSheet } from '../../electron/core/sheets';
import { GROUPS } from './groups';
import { createRandom, pick } from '../../electron/core/sandbox/prng';

// Two people named 张伟 in different departments (ambiguous by name alone), one leaver not in the directory.
const RAW: RawDirectory = {
  departments: [
    { id: 2, name: '销售部', parentId: 1 },
    { id: 3, name: '华北销售', parentId: 2 },
    { id: 4, name: '客服', parentId: 1 },
  ],
  staff: new Map([
    ['zhangwei01', { name: '张伟', deptIds: [2] }],
    ['zhangwei02', { name: '张伟', deptIds: [3] }],
    ['lina', { name: '李娜', deptIds: [4] }],
    ['wangfang', { name: '王芳', deptIds: [2] }],
  ]),
  calls: 0,
};

/** Every contact field by its own name, the all-groups labels column and three group columns. */
const HEADERS: string[] = [...CONTACT_FIELDS.map((f) => f.field), 'labels', 'Type', 'Level', '行业'];

/** A contact with ordinary values, sometimes odd ones DingTalk may hold (repeats, a "+86", no mobile). */
function contactOf(r: () => number, i: number): Contact {
  const c: Contact = {
    userid: `u${i}`,
    name: pick(r, ['Alice', '周明', 'A'.repeat(70), ' Bob']),
    follower_user_id: pick(r, ['lina', 'zhangwei01', 'left_2019', 'wangfang']),
    label_ids: pick(r, [[1, 11], [2], [1, 1], [3, 32, 12], [], [11, 2]]),
    mobile: pick(r, ['13800000001', '+8613800000001', '138 0000 0001', '12']),
    state_code: pick(r, ['86', '+86', '1', 'x1']),
  };
  if (r() < 0.2) delete c.mobile;
  if (r() < 0.7) c.email = pick(r, ['a@example.com', 'bad', 'A@example.com']);
  for (const f of ['title', 'company_name', 'address', 'remark'] as const)
    if (r() < 0.6) c[f] = pick(r, ['CTO', 'Acme', '北京', 'vip', '']);
  if (r() < 0.5) c.share_user_ids = pick(r, [['wangfang'], ['lina', 'wangfang'], ['left_2019'], []]);
  if (r() < 0.5) c.share_dept_ids = pick(r, [[2], [3, 4], [99], []]);
  return c;
}

/** The text a sheet would hold for a field: what the contact holds, or (`vary`) a near miss. */
function cellFor(r: () => number, header: string, c: Contact, labels: LabelIndex, vary: boolean): string {
  const own = ((): string => {
    switch (header) {
      case 'user_id':
        return c.userid;
      case 'share_user_ids':
        return (c.share_user_ids ?? []).join(',');
      case 'share_dept_ids':
        return (c.share_dept_ids ?? []).join(',');
      case 'labels':
        return c.label_ids.map((id) => labels.display(id)).join(',');
      case 'Type':
      case 'Level':
      case '行业': {
        const ids = labels.groupIds(header);
        return c.label_ids
          .filter((id) => ids.has(id))
          .map((id) => labels.byId.get(id)!.name)
          .join(',');
      }
      default:
        return String((c as unknown as Record<string, unknown>)[header] ?? '');
    }
  })();
  if (!vary) return own;
  const others: Record<string, string[]> = {
    name: ['Alice', 'alice', 'A'.repeat(65)],
    mobile: ['13800000001', '+86 138-0000-0001', 'abc', '+1 5550001'],
    state_code: ['86', '+86', 'x'],
    email: ['a@example.com', 'bad', 'a@example.com '],
    follower_user_id: ['lina', '李娜', '张伟', '张伟（华北销售）', 'nobody', 'left_2019', '13800000009'],
    share_user_ids: ['wangfang', '王芳', 'wangfang,wangfang', '张伟', 'left_2019', 'lina;wangfang'],
    share_dept_ids: ['2', '销售部', '销售部/华北销售', '99', 'x', '2,2'],
    labels: ['Customer', 'Other', 'Type/Other', 'Nope', 'A,Customer', 'Partner,Partner'],
    Type: ['Customer', 'Partner', 'Other', 'Nope', 'Customer,Partner'],
    Level: ['A', 'B', 'a'],
    行业: ['Other', '金融', ''],
  };
  return pick(r, [own, '', ` ${own} `, own.toUpperCase(), ...(others[header] ?? ['x', 'CTO'])]);
}

describe('sameRowCheck', () => {
  it('calls a row unchanged only when the full path changes, refuses and warns about nothing', () => {
    const labels = new LabelIndex(GROUPS);
    const people = new PeopleCells(new Directory(RAW, 'Org'), 'en');
    const r = createRandom(12);
    let told = 0;
    let missed = 0;
    for (let n = 0; n < 20_000; n++) {
      const headers = HEADERS.filter(() => r() < 0.75);
      if (!headers.includes('user_id')) headers.unshift('user_id');
      const options: ImportOptions = {
        ...DEFAULT_IMPORT_OPTIONS,
        labels: pick(r, ['replace', 'replace', 'add', 'remove'] as const),
        blank: pick(r, ['keep', 'keep', 'clear'] as const),
      };
      const cols = indexColumns(autoMap(headers, GROUPS));
      const contact = contactOf(r, n);
      // Mostly the contact's own values with a few cells varied: the boundary the check must get right.
      const varied = new Set(Array.from({ length: pick(r, [0, 0, 1, 1, 2, 3]) }, () => pick(r, headers)));
      const cells = headers.map((h) => cellFor(r, h, contact, labels, varied.has(h)));
      // The plan reads the directory only when a people cell holds something.
      const withPeople = r() < 0.9 ? people : undefined;
      const fast = sameRowCheck(cols, options, labels, withPeople)(cells, contact);
      const intent = readIntent(cells, cols, options, labels, headers, withPeople, contact);
      const m = mergeUpdate(contact, intent, labels, options);
      const full = m.changes.length === 0 && m.errors.length === 0 && m.warnings.length === 0;
      if (fast && !full)
        expect.fail(
          `case ${n}: told unchanged, but the full path says ${JSON.stringify({ changes: m.changes, errors: m.errors, warnings: m.warnings })}\n` +
            JSON.stringify({ headers, cells, contact, options, withPeople: !!withPeople }),
        );
      if (fast) told++;
      else if (full) missed++;
    }
    // Both sides are exercised: many rows are told the cheap way, and the doubtful ones go the full way.
    expect(told).toBeGreaterThan(500);
    expect(missed).toBeGreaterThan(100);
  });

  it('tells every row of a re-imported export unchanged the cheap way', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dtload-row-same-'));
    try {
      const groups = seedLabelGroups();
      const contacts = seedContacts(300, 3, groups);
      const path = join(dir, 'export.csv');
      await writeContactsFile({ path, groups, contacts });
      const sheet = await openSheet(path);
      const labels = new LabelIndex(groups);
      const cols = indexColumns(autoMap(sheet.info.headers, groups));
      const sd = seedDirectory();
      const raw: RawDirectory = {
        departments: sd.departments.map((d) => ({ id: d.dept_id, name: d.name, parentId: d.parent_id })),
        staff: new Map(sd.staff.map((s) => [s.userid, { name: s.name, deptIds: s.dept_id_list }])),
        calls: 0,
      };
      const same = sameRowCheck(
        cols,
        DEFAULT_IMPORT_OPTIONS,
        labels,
        new PeopleCells(new Directory(raw, 'Org'), 'en'),
      );
      let i = 0;
      let told = 0;
      for await (const row of sheet.rows()) if (same(row.cells, contacts[i++]!)) told++;
      expect(i).toBe(300);
      expect(told).toBe(300);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
