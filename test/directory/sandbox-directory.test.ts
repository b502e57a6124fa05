// The sandbox's staff directory over real HTTP: listsub walks one level, listsimple pages by cursor,
// getbymobile answers staff mobiles, permission errors, and the seeded organisation's shape (item 8).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDirectory, startSandbox, type SandboxHandle } from '../../electron/core/sandbox';
import { SANDBOX_DEPTS, SANDBOX_STAFF } from '../../electron/core/sandbox';
import { token, type Answer } from '../sandbox/helpers';

async function api(sb: SandboxHandle, path: string, tok: string, body: unknown): Promise<Answer> {
  const res = await fetch(`${sb.baseUrl}${path}?access_token=${tok}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Answer;
}

describe('sandbox staff directory', () => {
  let sb: SandboxHandle;
  let tok: string;
  beforeAll(async () => {
    sb = await startSandbox({ contacts: 300 });
    tok = await token(sb);
  });
  afterAll(() => sb.close());

  it('has a tree of ≥ 3 levels with two departments of the same name, ≥ 300 staff, two of the same name, one in two departments', () => {
    const d = seedDirectory();
    const byId = new Map(d.departments.map((x) => [x.dept_id, x]));
    const depth = (id: number): number => (id === 1 ? 0 : 1 + depth(byId.get(id)!.parent_id));
    expect(Math.max(...d.departments.map((x) => depth(x.dept_id)))).toBeGreaterThanOrEqual(3);
    const kefu = d.departments.filter((x) => x.name === '客服');
    expect(kefu).toHaveLength(2);
    expect(kefu[0]!.parent_id).not.toBe(kefu[1]!.parent_id);
    expect(d.staff.length).toBeGreaterThanOrEqual(300);
    expect(new Set(d.staff.map((s) => s.userid)).size).toBe(d.staff.length);
    expect(d.staff.filter((s) => s.name === '张伟')).toHaveLength(2);
    expect(d.staff.find((s) => s.userid === 'lina02')!.dept_id_list).toEqual([2, 4]);
    for (const s of d.staff) expect(s.mobile).toMatch(/^1[3-9]\d{9}$/);
  });

  it('every owner and sharer of the seeded contacts is staff, every shared department exists', () => {
    const d = seedDirectory();
    const staff = new Set(d.staff.map((s) => s.userid));
    const depts = new Set([1, ...d.departments.map((x) => x.dept_id)]);
    for (const id of SANDBOX_STAFF) expect(staff.has(id)).toBe(true);
    for (const id of SANDBOX_DEPTS) expect(depts.has(id)).toBe(true);
    for (const c of sb.contacts()) {
      expect(staff.has(c.follower_user_id)).toBe(true);
      for (const u of c.share_user_ids ?? []) expect(staff.has(u)).toBe(true);
      for (const x of c.share_dept_ids ?? []) expect(depts.has(x)).toBe(true);
      if (c.state_code === '86') expect(c.mobile).toMatch(/^1[3-9]\d{9}$/);
    }
  });

  it('listsub answers direct children only; an unknown department is 60003', async () => {
    const root = await api(sb, '/topapi/v2/department/listsub', tok, { dept_id: 1 });
    const names = (root.result as { name: string; parent_id: number }[]).map((x) => x.name);
    expect(names).toEqual(['销售部', '技术部', '市场部', '财务部', '人力资源部', 'International Sales']);
    const sales = await api(sb, '/topapi/v2/department/listsub', tok, { dept_id: 2 });
    expect((sales.result as { dept_id: number }[]).map((x) => x.dept_id)).toEqual([42536, 21, 22]);
    expect((await api(sb, '/topapi/v2/department/listsub', tok, { dept_id: 999 })).errcode).toBe(60003);
    const rootInfo = await api(sb, '/topapi/v2/department/get', tok, { dept_id: 1 });
    expect(rootInfo.result).toMatchObject({ dept_id: 1, name: '钉钉沙箱科技' });
  });

  it('listsimple pages by cursor (size ≤ 100) and lists a person in two departments in both', async () => {
    const ids: string[] = [];
    const pages: number[] = [];
    for (let cursor = 0; ;) {
      const a = await api(sb, '/topapi/user/listsimple', tok, { dept_id: 42536, cursor, size: 100 });
      const r = a.result as { has_more: boolean; next_cursor?: number; list: { userid: string }[] };
      pages.push(r.list.length);
      ids.push(...r.list.map((x) => x.userid));
      if (!r.has_more) break;
      cursor = r.next_cursor!;
    }
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).toBe(100);
    expect(new Set(ids).size).toBe(ids.length);
    const inSales = await api(sb, '/topapi/user/listsimple', tok, { dept_id: 2, cursor: 0, size: 100 });
    const inMarketing = await api(sb, '/topapi/user/listsimple', tok, { dept_id: 4, cursor: 0, size: 100 });
    for (const a of [inSales, inMarketing])
      expect((a.result as { list: { userid: string }[] }).list.map((x) => x.userid)).toContain('lina02');
    expect(
      (await api(sb, '/topapi/user/listsimple', tok, { dept_id: 2, cursor: 0, size: 101 })).errcode,
    ).toBe(40035);
  });

  it('getbymobile answers a staff mobile (with or without +86) and 60121 for anyone else', async () => {
    const lina = sb.directory().staff.find((s) => s.userid === 'lina02')!;
    const a = await api(sb, '/topapi/v2/user/getbymobile', tok, { mobile: lina.mobile });
    expect(a.result).toEqual({ userid: 'lina02' });
    expect(
      (await api(sb, '/topapi/v2/user/getbymobile', tok, { mobile: `+86${lina.mobile}` })).result,
    ).toEqual({
      userid: 'lina02',
    });
    expect((await api(sb, '/topapi/v2/user/getbymobile', tok, { mobile: '13900000000' })).errcode).toBe(
      60121,
    );
  });

  it('answers 43007 or 60011 for directory calls the app may not make', async () => {
    sb.setFaults({ deniedEndpoints: ['listsimple'], deniedErrcode: 60011 });
    expect((await api(sb, '/topapi/user/listsimple', tok, { dept_id: 1, cursor: 0, size: 10 })).errcode).toBe(
      60011,
    );
    sb.setFaults({ deniedEndpoints: ['listsub'] });
    expect((await api(sb, '/topapi/v2/department/listsub', tok, { dept_id: 1 })).errcode).toBe(43007);
    sb.setFaults({});
  });
});
