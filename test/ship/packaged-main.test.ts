// The built main process (out/main/index.js, what the installers package) started against the fake
// electron module: one window with the built preload and pages, and a backend that works with the
// dependencies bundled into it (a sandbox export runs exceljs inside the bundle).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';

vi.mock('electron', async () => await import('../shell/fake-electron'));

import type { Envelope, FileRef } from '../../shared/contract';
import { BrowserWindow, ipcMain, resetFake } from '../shell/fake-electron';

const OUT = resolve(__dirname, '../../out');
let home: string;

beforeAll(async () => {
  if (!existsSync(join(OUT, 'main', 'index.js')))
    throw new Error('No built app in out/: run `npm run build` first.');
  resetFake();
  home = await mkdtemp(join(tmpdir(), 'dtload-packaged-'));
  vi.stubEnv('DTLOAD_HOME', home);
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(home, { recursive: true, force: true });
});

// Loading the multi-megabyte bundle takes tens of seconds on a busy 2-core machine.
it(
  'starts one window on the built preload and pages, and its backend exports with the bundled exceljs',
  { timeout: 180_000 },
  async () => {
    await import(pathToFileURL(join(OUT, 'main', 'index.js')).href);
    for (let i = 0; i < 200 && BrowserWindow.all.length === 0; i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(BrowserWindow.all).toHaveLength(1);
    const win = BrowserWindow.all[0]!;
    const prefs = (win.options as { webPreferences: { preload: string } }).webPreferences;
    expect(prefs.preload).toBe(join(OUT, 'preload', 'index.cjs'));
    expect(existsSync(prefs.preload)).toBe(true);
    const page = win.webContents.mainFrame.url;
    expect(page).toBe(pathToFileURL(join(OUT, 'renderer', 'index.html')).href);
    expect(existsSync(fileURLToPath(page))).toBe(true);

    const call = async <T>(method: string, args?: unknown): Promise<T> => {
      const r = (await ipcMain.invoke(`dtload:${method}`, args, {
        sender: win.webContents,
        senderFrame: win.webContents.mainFrame,
      })) as Envelope<T>;
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r.value;
    };
    await call('connectSandbox');
    const file = await call<FileRef>('exportContacts', { format: 'xlsx' });
    expect(file.name).toMatch(/\.xlsx$/);
    // 500 sandbox contacts written by the bundled exceljs (a broken bundle fails before this).
    expect(file.size).toBeGreaterThan(10_000);
  },
);
