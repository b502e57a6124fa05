// Automatic updates: off by default and after any non-true value in settings.json; in an installed app
// with the setting on, electron-updater is loaded once and asked to check (and install on quit); an
// unreachable release host is one line, never a crash.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../electron/core/app/settings';
import { checkArgs } from '../../electron/core/app/validate';
import { createAutoUpdate, type Updater } from '../../electron/main/updates';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dtload-updates-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fakeUpdater(fail?: Error) {
  const u = {
    loads: 0,
    checks: 0,
    autoDownload: false,
    autoInstallOnAppQuit: false,
    async checkForUpdatesAndNotify() {
      u.checks++;
      if (fail) throw fail;
      return null;
    },
  };
  const load = async (): Promise<Updater> => {
    u.loads++;
    return u;
  };
  return { u, load };
}

describe('the autoUpdate setting', () => {
  it('is off unless the user turns it on', async () => {
    const store = createSettingsStore(dir);
    expect((await store.get()).autoUpdate).toBe(false);
    expect((await store.update({ autoUpdate: true })).autoUpdate).toBe(true);
    expect((await createSettingsStore(dir).get()).autoUpdate).toBe(true);
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ autoUpdate: 'yes' }));
    expect((await createSettingsStore(dir).get()).autoUpdate).toBe(false);
  });

  it('takes only true or false from the page', () => {
    expect(() => checkArgs('updateSettings', { autoUpdate: true })).not.toThrow();
    expect(() => checkArgs('updateSettings', { autoUpdate: 'on' })).toThrow(/autoUpdate/);
  });
});

describe('createAutoUpdate', () => {
  it('never loads electron-updater while the setting is off, nor in a development run', async () => {
    const { u, load } = fakeUpdater();
    expect(await createAutoUpdate({ packaged: true, enabled: async () => false, load })()).toBe('off');
    expect(await createAutoUpdate({ packaged: false, enabled: async () => true, load })()).toBe(
      'not-installed',
    );
    expect(u.loads).toBe(0);
  });

  it('checks, downloads and installs on quit when on; loads the updater once', async () => {
    const { u, load } = fakeUpdater();
    let on = true;
    const check = createAutoUpdate({ packaged: true, enabled: async () => on, load });
    expect(await check()).toBe('checked');
    expect(await check()).toBe('checked');
    on = false;
    expect(await check()).toBe('off');
    expect(u).toMatchObject({ loads: 1, checks: 2, autoDownload: true, autoInstallOnAppQuit: true });
  });

  it('an unreachable release host is one line', async () => {
    const { load } = fakeUpdater(new Error('net::ERR_NAME_NOT_RESOLVED\n    at stack'));
    const lines: string[] = [];
    const check = createAutoUpdate({
      packaged: true,
      enabled: async () => true,
      load,
      log: (l) => lines.push(l),
    });
    expect(await check()).toBe('unreachable');
    expect(lines).toEqual(['dtload: could not check for updates (net::ERR_NAME_NOT_RESOLVED)']);
  });
});
