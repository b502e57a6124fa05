// The directory service and resolver against the sandbox over loopback HTTP, every call through the
// engine's scheduler: one read per service (shared by concurrent callers), refresh, mobiles looked up
// only when named, names ↔ ids that round-trip, and permission errors that name the permission (and are
// remembered until a read succeeds).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDingTalkClient } from '../../electron/core/dingtalk';
import { DirectoryError, DirectoryService, type Directory } from '../../electron/core/directory';
import { createScheduler } from '../../electron/core/engine';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox';

function clientFor(sb: SandboxHandle) {
  return createDingTalkClient({
    baseUrl: sb.baseUrl,
    appKey: sb.appKey,
    appSecret: sb.appSecret,
  }).withScheduler(createScheduler({ maxQps: 200, backoffBaseMs: 1, backoffCapMs: 5 }));
}

describe('directory service', () => {
  let sb: SandboxHandle;
  let service: DirectoryService;
  let dir: Directory;
  beforeAll(async () => {
    sb = await startSandbox({ contacts: 20 });
    service = new DirectoryService(clientFor(sb));
    // Two callers at once share one read.
    const [a, b] = await Promise.all([service.get(), service.get()]);
    expect(a).toBe(b);
    dir = a;
  });
  afterAll(() => sb.close());

  it('reads every department (walking from the root) and every person once', () => {
    const seeded = sb.directory();
    expect(dir.departments.size).toBe(seeded.departments.length + 1);
    expect(dir.staff.size).toBe(seeded.staff.length);
    expect(dir.root.name).toBe('钉钉沙箱科技');
    expect(dir.department(42536)!.path).toBe('销售部/客服');
    expect(dir.department(2111)!.path).toBe('销售部/华北销售/北京一组/大客户');
    expect(dir.person('lina02')!.deptIds.sort()).toEqual([2, 4]);
    const counts = sb.callCounts();
    expect(counts.listsub).toBe(seeded.departments.length + 1);
    // Every department once, 销售部/客服 twice (over 100 members).
    expect(counts.listsimple).toBe(seeded.departments.length + 2);
    expect(counts.getbymobile).toBe(0);
  });

  it('is read once per service until refresh', async () => {
    const before = sb.callCounts().listsub;
    expect(await service.get()).toBe(dir);
    expect(sb.callCounts().listsub).toBe(before);
    const fresh = await service.refresh();
    expect(fresh).not.toBe(dir);
    expect(sb.callCounts().listsub).toBe(before * 2);
    expect(service.cached()).toBe(fresh);
  });

  it('resolves a name, a name with its department (ASCII or full-width brackets), a userid', () => {
    expect(dir.resolvePerson('李娜')).toMatchObject({ kind: 'found', userid: 'lina02', via: 'name' });
    expect(dir.resolvePerson('  Emma  wilson ')).toMatchObject({ kind: 'found', userid: 'sales_lead' });
    expect(dir.resolvePerson('zhangwei01')).toMatchObject({
      kind: 'found',
      userid: 'zhangwei01',
      via: 'userid',
    });
    expect(dir.resolvePerson('张伟 (华北销售)')).toMatchObject({ kind: 'found', userid: 'zhangwei01' });
    expect(dir.resolvePerson('张伟（销售部）')).toMatchObject({ kind: 'found', userid: 'zhangwei09' });
    expect(dir.resolvePerson('张伟（销售部/华北销售）')).toMatchObject({
      kind: 'found',
      userid: 'zhangwei01',
    });
    expect(dir.resolvePerson('张伟（21）')).toMatchObject({ kind: 'found', userid: 'zhangwei01' });
    // A person found in the subtree when nobody of that name is a direct member.
    expect(dir.resolvePerson('刘洋（销售部）')).toMatchObject({ kind: 'found', userid: 'liuyang04' });
  });

  it('names the candidates with their departments when a name is ambiguous', () => {
    const r = dir.resolvePerson('张伟');
    expect(r.kind).toBe('ambiguous');
    if (r.kind !== 'ambiguous') return;
    expect(r.candidates.map((c) => c.label).sort()).toEqual(['张伟（华北销售）', '张伟（销售部）']);
    expect(r.candidates.find((c) => c.userid === 'zhangwei01')!.departments).toEqual(['销售部/华北销售']);
  });

  it('answers unknown for someone not in the directory, and a department with nobody of that name', () => {
    expect(dir.resolvePerson('former_staff7')).toEqual({
      kind: 'unknown',
      text: 'former_staff7',
      reason: 'not-staff',
    });
    expect(dir.resolvePerson('王小二')).toMatchObject({ kind: 'unknown', reason: 'not-staff' });
    expect(dir.resolvePerson('张伟（财务部）')).toMatchObject({ kind: 'unknown', reason: 'department' });
    expect(dir.resolvePerson('张伟（不存在的部门）')).toMatchObject({
      kind: 'unknown',
      reason: 'department',
    });
  });

  it('looks up only the mobiles named, each once, then resolves them', async () => {
    const lina = sb.directory().staff.find((s) => s.userid === 'lina02')!;
    expect(dir.resolvePerson(lina.mobile)).toMatchObject({ kind: 'unknown', reason: 'mobile-not-looked-up' });
    const before = sb.callCounts().getbymobile;
    const looked = await service.lookupMobiles(dir, [
      lina.mobile,
      `+86 ${lina.mobile.slice(0, 3)} ${lina.mobile.slice(3, 7)} ${lina.mobile.slice(7)}`,
      '13900000000',
      '李娜',
    ]);
    expect(looked).toBe(2);
    expect(sb.callCounts().getbymobile - before).toBe(2);
    await service.lookupMobiles(dir, [lina.mobile]);
    expect(sb.callCounts().getbymobile - before).toBe(2);
    expect(dir.resolvePerson(`+86-${lina.mobile}`)).toMatchObject({
      kind: 'found',
      userid: 'lina02',
      via: 'mobile',
    });
    expect(dir.resolvePerson('13900000000')).toMatchObject({ kind: 'unknown', reason: 'mobile' });
  });

  it('resolves departments by id, unique name and path; a repeated name is ambiguous', () => {
    expect(dir.resolveDepartment('42536')).toMatchObject({ kind: 'found', id: 42536, via: 'id' });
    expect(dir.resolveDepartment('华北销售')).toMatchObject({ kind: 'found', id: 21 });
    expect(dir.resolveDepartment('销售部/客服')).toMatchObject({ kind: 'found', id: 42536, via: 'path' });
    expect(dir.resolveDepartment('/技术部/客服')).toMatchObject({ kind: 'found', id: 420606536 });
    expect(dir.resolveDepartment('钉钉沙箱科技/技术部/客服')).toMatchObject({ kind: 'found', id: 420606536 });
    expect(dir.resolveDepartment('钉钉沙箱科技')).toMatchObject({ kind: 'found', id: 1 });
    const r = dir.resolveDepartment('客服');
    expect(r).toMatchObject({ kind: 'ambiguous' });
    if (r.kind === 'ambiguous')
      expect(r.candidates.map((c) => c.path).sort()).toEqual(['技术部/客服', '销售部/客服']);
    expect(dir.resolveDepartment('销售部/不存在')).toMatchObject({ kind: 'unknown' });
    expect(dir.resolveDepartment('123456789')).toMatchObject({ kind: 'unknown' });
  });

  it('labels every person and department so that the label resolves back to them alone', () => {
    for (const s of dir.staff.values()) {
      const label = dir.personLabel(s.userid);
      expect(dir.resolvePerson(label)).toMatchObject({ kind: 'found', userid: s.userid });
    }
    for (const d of dir.departments.values()) {
      expect(dir.resolveDepartment(dir.departmentLabel(d.id))).toMatchObject({ kind: 'found', id: d.id });
    }
    expect(dir.personLabel('lina02')).toBe('李娜');
    expect(dir.personLabel('zhangwei01')).toBe('张伟（华北销售）');
    expect(dir.personLabel('sales_lead')).toBe('Emma Wilson');
    expect(dir.personLabel('gone_2019')).toBe('gone_2019');
    expect(dir.departmentLabel(21)).toBe('华北销售');
    expect(dir.departmentLabel(42536)).toBe('销售部/客服');
    expect(dir.departmentLabel(1)).toBe('钉钉沙箱科技');
  });

  it('lists members of a department and its subtree', () => {
    expect(dir.membersOf(4).map((s) => s.userid)).toContain('lina02');
    const sales = dir.membersOf(2, { recursive: true }).map((s) => s.userid);
    expect(sales).toEqual(expect.arrayContaining(['zhangwei01', 'zhangwei09', 'wangfang03', 'liuyang04']));
    expect(sales).not.toContain('chenjing05');
  });
});

describe('directory read failures', () => {
  it.each([
    [43007, 'listsub'],
    [60011, 'listsimple'],
  ] as const)('%s on %s stops the read with one line naming 通讯录只读权限', async (errcode, endpoint) => {
    const sb = await startSandbox({
      contacts: 5,
      faults: { deniedEndpoints: [endpoint], deniedErrcode: errcode },
    });
    try {
      const en = new DirectoryService(clientFor(sb));
      const e = await en.get().catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DirectoryError);
      const err = e as DirectoryError;
      expect(err.permission).toBe(true);
      expect(err.message).toContain(endpoint);
      expect(err.message).toContain('通讯录只读权限');
      expect(err.message).not.toContain('\n');
      expect(err.lines['zh-CN']).toContain('通讯录只读权限');
      const zh = await new DirectoryService(clientFor(sb), { language: 'zh-CN' })
        .get()
        .catch((x: unknown) => x);
      expect((zh as Error).message).toMatch(/^读取通讯录失败/);
      expect(en.cached()).toBeUndefined();
      // Remembered for a screen opened later: the line in both languages and the errcode, no secret.
      const failure = en.lastFailure()!;
      expect(failure).toMatchObject({ errcode, lines: err.lines });
      expect(Object.keys(failure).sort()).toEqual(['at', 'errcode', 'lines']);
      expect(Date.now() - Date.parse(failure.at)).toBeLessThan(60_000);
      expect(JSON.stringify(failure)).not.toContain(sb.appSecret);
      expect(JSON.stringify(failure)).not.toMatch(/access_token/i);
    } finally {
      await sb.close();
    }
  });

  it('a read that fails midway (retries spent) names the call; nothing is cached', async () => {
    const sb = await startSandbox({
      contacts: 5,
      faults: { errcodes: [{ errcode: -1, rate: 1, endpoints: ['listsimple'] }] },
    });
    try {
      const service = new DirectoryService(clientFor(sb));
      const e = (await service.get().catch((x: unknown) => x)) as DirectoryError;
      expect(e).toBeInstanceOf(DirectoryError);
      expect(e.permission).toBe(false);
      expect(e.message).toMatch(/listsimple: -1/);
      // Retried by the scheduler (transient) before giving up.
      expect(sb.callCounts().listsimple).toBeGreaterThan(1);
      expect(service.lastFailure()).toMatchObject({ errcode: -1, lines: { en: e.message } });
      sb.setFaults({});
      expect((await service.get()).staff.size).toBeGreaterThan(300);
      // A read that succeeds forgets why the one before failed.
      expect(service.lastFailure()).toBeUndefined();
    } finally {
      await sb.close();
    }
  });
});
