// The app's directory refresh through the contract (web mode, the sandbox over loopback HTTP), as the
// connection screen and the workspace both call it: never read → its info says so; refreshDirectory reads
// it, pushing 'directory:progress' counts that end at the directory's size; a second refresh reads again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryReadProgress } from '../../shared/contract';
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
