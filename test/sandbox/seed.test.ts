import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SANDBOX_STAFF,
  seedContacts,
  seedContactStream,
  seedLabelGroups,
  startSandbox,
  type Sandbox,
} from '../../electron/core/sandbox';

describe('sandbox seeded organisation', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());

  it('has the four label groups of the listlabelgroups page with their exact ids, names and colours', () => {
    const [type, level, status, recruitment] = sb.labelGroups();
    expect(type).toEqual({
      name: 'Type',
      color: -15220075,
      labels: [
        { name: 'Customer', id: 1561077310 },
        { name: 'Channel partner', id: 1561077311 },
        { name: 'Supplier', id: 1561077312 },
        { name: 'Partner', id: 1561077313 },
        { name: 'Interviewee', id: 1561077314 },
        { name: 'Other type', id: 1561077315 },
      ],
    });
    expect(level?.color).toBe(-11687445);
    expect(level?.labels.map((l) => [l.name, l.id])).toEqual([
      ['General', 1561077317],
      ['Important', 1561077318],
      ['Core', 1561077319],
    ]);
    expect(status?.color).toBe(-543394);
    expect(status?.labels.map((l) => l.id)).toEqual([
      1561077321, 1561077322, 1561077323, 1561077324, 1561077325,
    ]);
    expect(recruitment?.name).toBe('Recruitment status');
    expect(recruitment?.labels.map((l) => l.name)).toEqual([
      'To be invited',
      'To be interviewed',
      'First-round interview',
      'Second-round interview',
      'Onboarded',
    ]);
    // 0xFF17C295 as a signed 32-bit integer.
    expect(0xff17c295 | 0).toBe(-15220075);
  });

  it('has Chinese groups, unique label ids, and label names repeated across groups', () => {
    const groups = sb.labelGroups();
    const names = groups.map((g) => g.name);
    expect(names).toContain('客户类型');
    expect(names).toContain('行业');
    const all = groups.flatMap((g) => g.labels);
    expect(new Set(all.map((l) => l.id)).size).toBe(all.length);
    const groupsWith = (label: string): string[] =>
      groups.filter((g) => g.labels.some((l) => l.name === label)).map((g) => g.name);
    expect(groupsWith('其他')).toEqual(['客户类型', '行业']);
    expect(groupsWith('Other').length).toBe(2);
    expect(groups.find((g) => g.name === '客户类型')?.labels.map((l) => l.name)).toEqual(
      expect.arrayContaining(['重要客户', '普通客户']),
    );
    for (const g of groups) {
      expect(Number.isInteger(g.color)).toBe(true);
      expect(g.color).toBeLessThan(0); // opaque ARGB: the alpha byte sets the sign bit
      expect(new Set(g.labels.map((l) => l.name)).size).toBe(g.labels.length);
    }
  });

  it('has 500 contacts: unique ids and mobiles, 1-3 valid labels, staff followers, mixed names', () => {
    const contacts = sb.contacts();
    expect(contacts).toHaveLength(500);
    expect(new Set(contacts.map((c) => c.userid)).size).toBe(500);
    expect(new Set(contacts.map((c) => c.mobile)).size).toBe(500);
    const labelIds = new Set(sb.labelGroups().flatMap((g) => g.labels.map((l) => l.id)));
    for (const c of contacts) {
      expect(c.label_ids.length).toBeGreaterThanOrEqual(1);
      expect(c.label_ids.length).toBeLessThanOrEqual(3);
      for (const id of c.label_ids) expect(labelIds.has(id)).toBe(true);
      expect(SANDBOX_STAFF).toContain(c.follower_user_id);
      expect(c.state_code).toMatch(/^\d+$/);
      if (c.state_code === '86') expect(c.mobile).toMatch(/^1[3-9]\d{9}$/);
    }
    const chinese = contacts.filter((c) => /[\u4e00-\u9fff]/.test(c.name)).length;
    expect(chinese).toBeGreaterThan(100);
    expect(500 - chinese).toBeGreaterThan(100);
    expect(contacts.filter((c) => c.state_code !== '86').length).toBeGreaterThan(0);
    for (const field of ['email', 'title', 'company_name', 'address', 'remark'] as const) {
      const filled = contacts.filter((c) => c[field] !== undefined).length;
      expect(filled, field).toBeGreaterThan(0);
      expect(filled, field).toBeLessThan(500);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const groups = seedLabelGroups();
    expect(seedContacts(50, 7, groups)).toEqual(seedContacts(50, 7, groups));
    expect(seedContacts(50, 8, groups).map((c) => c.name)).not.toEqual(
      seedContacts(50, 7, groups).map((c) => c.name),
    );
  });

  it('streams the same contacts one at a time, each a fresh object (the benches serve a million so)', () => {
    const groups = seedLabelGroups();
    const listed = [...seedContactStream(300, 1, groups)];
    expect(JSON.stringify(listed)).toBe(JSON.stringify(seedContacts(300, 1, groups)));
    const again = seedContactStream(300, 1, groups).next().value;
    expect(again).toEqual(listed[0]);
    expect(again).not.toBe(listed[0]);
  });

  it('hands out copies: mutating what contacts() returns does not change the organisation', () => {
    const first = sb.contacts()[0];
    if (!first) throw new Error('no contacts');
    first.name = 'mutated';
    first.label_ids.push(1);
    expect(sb.getContactById(first.userid)?.name).not.toBe('mutated');
    expect(sb.getContactById(first.userid)?.label_ids).not.toContain(1);
  });
});
