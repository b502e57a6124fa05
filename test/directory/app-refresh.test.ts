// The app's directory refresh through the contract (web mode, the sandbox over loopback HTTP), as the
// connection screen and the workspace both call it: never read → its info says so; refreshDirectory reads
// it, pushing 'directory:progress' counts that end at the directory's size; a second refresh reads again.
// A read that failed elsewhere first (the contacts refresh's names, without 通讯录只读权限) is in the info the
// connection screen opens with, explained as a failed refresh is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryReadProgress, ErrorInfo } from '../../shared/contract';
import { startHarness, type Harness } from '../web/helpers';

describe('refreshDirectory over the contract', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.api.connectSandbox();
  });
  afterAll(async () => h.close());

  it('reads the directory with progress, and reads it again on refresh', async () => {
    expect(await h.api.getDirectoryInfo()).toEqual({ readAt: null, staff: 0, departments: 0 });
    const first = await h.api.refreshDirectory();
    expect(first).toMatchObject({ staff: 320, departments: 15 });
    expect(first.readAt).not.toBeNull();
    await h.waitFor('directory:progress', (p) => p.staff === 320);
    const seen = h.events
      .filter((e) => e.event === 'directory:progress')
      .map((e) => e.payload as DirectoryReadProgress);
    // Counts only grow while one read runs, and calls are counted.
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.staff).toBeGreaterThanOrEqual(seen[i - 1]!.staff);
    expect(seen.at(-1)!.calls).toBeGreaterThan(1);
    expect(await h.api.getDirectoryInfo()).toEqual(first);

    await new Promise((r) => setTimeout(r, 5));
    const again = await h.api.refreshDirectory();
    expect(Date.parse(again.readAt!)).toBeGreaterThan(Date.parse(first.readAt!));
    expect(again).toMatchObject({ staff: 320, departments: 15 });
  });
});

describe('a directory read that failed elsewhere, over the contract', () => {
  let h: Harness;
  beforeAll(async () => {
    // No 通讯录只读权限: listsimple answers 60011.
    h = await startHarness({ faults: { deniedEndpoints: ['listsimple'], deniedErrcode: 60011 } });
  });
  afterAll(async () => h.close());

  it('is in the directory info, explained as a failed refresh is, in the UI language', async () => {
    expect((await h.api.getDirectoryInfo()).lastError).toBeUndefined();
    // The contacts refresh reads the directory for the table's names and shows ids when it cannot.
    await h.api.refreshContactIndex();
    await expect
      .poll(async () => (await h.api.getDirectoryInfo()).lastError, { timeout: 20_000 })
      .toBeDefined();
    const info = await h.api.getDirectoryInfo();
    expect(info).toMatchObject({ readAt: null, staff: 0, departments: 0 });
    const earlier = info.lastError!;
    expect(earlier).toMatchObject({ kind: 'dingtalk', errcode: 60011 });
    expect(earlier.meaning).toContain('listsimple');
    expect(earlier.meaning).toContain('通讯录只读权限');
    expect(Date.parse(earlier.at)).toBeLessThanOrEqual(Date.now());

    // Refresh fails the same way, and says the same.
    const thrown = (await h.api.refreshDirectory().catch((e: unknown) => e)) as { info: ErrorInfo };
    const { at, ...said } = (await h.api.getDirectoryInfo()).lastError!;
    expect(Date.parse(at)).toBeGreaterThanOrEqual(Date.parse(earlier.at));
    const { endpoint, ...thrownSaid } = thrown.info;
    expect(endpoint).toBe('listsimple');
    expect(said).toEqual(thrownSaid);

    // In the UI language of the moment.
    await h.api.updateSettings({ language: 'zh-CN' });
    const zh = (await h.api.getDirectoryInfo()).lastError!;
    expect(zh.meaning).toMatch(/^读取通讯录失败/);
    expect(zh.solution).not.toBe(said.solution);
    await h.api.updateSettings({ language: 'en' });
  });
});
