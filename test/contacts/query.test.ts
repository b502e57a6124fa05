// The query language: parsing, errors pointing at the bad term, and filtering a sandbox organisation's
// contacts read into the local index over loopback HTTP.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/domain';
import { ContactIndex, parseQuery, QueryError, type PeopleResolver } from '../../electron/core/contacts';
import { startOrg, type Org } from '../import/org';

describe('parseQuery', () => {
  it('splits terms, keys, negation, alternatives, quotes and wildcards', () => {
    const t = parseQuery('label:重要客户 owner:李娜 company:Acme* -label:Lost "big deal" name:"Lee, Ann",Bo');
    expect(t.map((x) => [x.key ?? null, x.negated, x.values.map((v) => [v.text, v.wildcard])])).toEqual([
      ['label', false, [['重要客户', false]]],
      ['owner', false, [['李娜', false]]],
      ['company', false, [['Acme*', true]]],
      ['label', true, [['Lost', false]]],
      [null, false, [['big deal', false]]],
      [
        'name',
        false,
        [
          ['Lee, Ann', false],
          ['Bo', false],
        ],
      ],
    ]);
    expect(t[3]!.start).toBe('label:重要客户 owner:李娜 company:Acme* '.length);
    expect(parseQuery('   ')).toEqual([]);
    expect(parseQuery('标签：重要客户')[0]!.key).toBe('label');
  });

  it('a bad term is one error naming it with its position', () => {
    const bad = (q: string): QueryError => {
      try {
        parseQuery(q);
      } catch (e) {
        return e as QueryError;
      }
      throw new Error('parsed');
    };
    const e1 = bad('name:Lee colour:red');
    expect(e1.code).toBe('unknown-key');
    expect([e1.start, e1.end, e1.term]).toEqual([9, 19, 'colour:red']);
    expect(e1.message).not.toContain('\n');
    expect(bad('a "open').code).toBe('unclosed-quote');
    expect(bad('label: x').code).toBe('empty-value');
    expect(bad('x - y').code).toBe('lone-minus');
  });
});

describe('the contact index and filtering (sandbox over HTTP)', () => {
  let org: Org;
  let dir: string;
  let index: ContactIndex;
  let contacts: Contact[];
  const ids = (q: string, people?: PeopleResolver): string[] =>
    index
      .search(q, { people })
      .map((c) => c.c.userid)
      .sort();
  const expected = (f: (c: Contact) => boolean): string[] =>
    contacts
      .filter(f)
      .map((c) => c.userid)
      .sort();

  beforeAll(async () => {
    org = await startOrg(300);
    dir = await mkdtemp(join(tmpdir(), 'dtload-index-'));
    index = await ContactIndex.open(dir, 'sandbox');
    const phases: string[] = [];
    await index.refresh(org.client, (p) => phases.push(p.phase));
    expect(phases[0]).toBe('labels');
    expect(phases).toContain('contacts');
    expect(phases.at(-1)).toBe('done');
    contacts = [];
    for await (const c of org.client.listContacts()) contacts.push(c);
  });
  afterAll(async () => {
    index.close();
    await org.sandbox.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('holds every contact, persists, and says when it was read', async () => {
    expect(index.size).toBe(300);
    expect(index.ageMinutes()).toBe(0);
    const again = await ContactIndex.open(dir, 'sandbox');
    expect(again.size).toBe(300);
    expect(again.refreshedAt).toBe(index.refreshedAt);
    expect(again.labelGroups.map((g) => g.name)).toContain('客户类型');
    again.close();
  });

  it('label, group, negation, alternatives and wildcards select what they say', () => {
    const important = 1561077340; // 客户类型/重要客户
    const lost = 1561077325;
    expect(ids('label:重要客户')).toEqual(expected((c) => c.label_ids.includes(important)));
    expect(ids('label:客户类型/重要客户 -label:Lost')).toEqual(
      expected((c) => c.label_ids.includes(important) && !c.label_ids.includes(lost)),
    );
    const level = [1561077317, 1561077318, 1561077319];
    expect(ids('-group:Level')).toEqual(expected((c) => !c.label_ids.some((id) => level.includes(id))));
    // "其他" is in two groups: either.
    expect(ids('label:其他')).toEqual(
      expected((c) => c.label_ids.some((id) => id === 1561077343 || id === 1561077354)),
    );
    expect(ids('company:Acme*')).toEqual(expected((c) => (c.company_name ?? '').startsWith('Acme')));
    expect(ids('company:"acme corp",initech')).toEqual(
      expected((c) => c.company_name === 'Acme Corp' || c.company_name === 'Initech'),
    );
    expect(ids('remark:""')).toEqual(expected((c) => !c.remark));
    expect(ids('owner:lina02,zhangwei01')).toEqual(
      expected((c) => c.follower_user_id === 'lina02' || c.follower_user_id === 'zhangwei01'),
    );
    expect(ids('shared-dept:42536')).toEqual(expected((c) => (c.share_dept_ids ?? []).includes(42536)));
  });

  it('a bare word searches name, mobile, company, title and remark, case-insensitively', () => {
    const hay = (c: Contact): string =>
      [c.name, c.mobile, c.company_name, c.title, c.remark]
        .map((s) => (s ?? '').toLowerCase())
        .join('\u0001');
    expect(ids('vip')).toEqual(expected((c) => hay(c).includes('vip')));
    expect(ids('ACME 李')).toEqual(expected((c) => hay(c).includes('acme') && hay(c).includes('李')));
    const m = contacts[5]!.mobile!.slice(3, 9);
    expect(ids(m)).toContain(contacts[5]!.userid);
  });

  it('unknown labels and groups name the closest ones', () => {
    const err = (q: string): string => {
      try {
        index.search(q);
      } catch (e) {
        expect(e).toBeInstanceOf(QueryError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(err('label:Lsot')).toMatch(/^Bad query: no label "Lsot".*"Lost".* at "label:Lsot"$/);
    expect(err('group:Levle')).toMatch(/no label group "Levle".*"Level"/);
    expect(err('label:重要客')).toMatch(/"重要客户"/);
    const people: PeopleResolver = {
      person: (t) =>
        t === '李娜'
          ? { ok: true, value: 'lina02' }
          : { ok: false, error: `no staff member "${t}" (closest: "李娜")` },
      dept: () => ({ ok: false, error: 'no department' }),
      personName: (id) => (id === 'lina02' ? '李娜' : undefined),
      deptName: () => undefined,
    };
    expect(ids('owner:李娜', people)).toEqual(expected((c) => c.follower_user_id === 'lina02'));
    expect(() => index.search('owner:李那', { people })).toThrow(/closest: "李娜"/);
  });
});
