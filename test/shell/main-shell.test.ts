// The Electron shell against a fake `electron`: window options and hardening, one IPC handler per
// contract method, the sender check, and that no secret ever reaches the page.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => await import('./fake-electron'));

import { channelOf, METHOD_NAMES, type Envelope } from '../../shared/contract';
import { startSandbox, type Sandbox } from '../../electron/core/sandbox';
import { startApp, type RunningApp } from '../../electron/main/app-main';
import { CREDENTIALS_FILE } from '../../electron/main/secrets';
import { BrowserWindow, ipcMain, resetFake, safeStorage, shell, type FakeWebContents } from './fake-electron';

const APP_URL = 'file:///opt/dtload/out/renderer/index.html';
const PRELOAD = '/opt/dtload/out/preload/index.cjs';

let dataDir: string;
let running: RunningApp;
let win: BrowserWindow;

beforeEach(async () => {
  resetFake();
  dataDir = await mkdtemp(join(tmpdir(), 'dtload-shell-'));
  running = await startApp({ dataDir, preloadPath: PRELOAD, appUrl: APP_URL });
  win = BrowserWindow.all[0]!;
});

afterEach(async () => {
  await running.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

/** Calls a contract method as our own page does (main frame of our window). */
const fromPage = <T>(method: string, args?: unknown): Promise<Envelope<T>> =>
  ipcMain.invoke(`dtload:${method}`, args, {
    sender: win.webContents,
    senderFrame: win.webContents.mainFrame,
  }) as Promise<Envelope<T>>;

describe('main window', () => {
  it('is created isolated, sandboxed, without node, 1280×800, with our preload', () => {
    expect(BrowserWindow.all).toHaveLength(1);
    const o = win.options as { width: number; height: number; webPreferences: Record<string, unknown> };
    expect(o.width).toBe(1280);
    expect(o.height).toBe(800);
    expect(o.webPreferences).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(win.webContents.mainFrame.url).toBe(APP_URL);
  });

  it('blocks navigation and new windows; https links go to the system browser only', () => {
    const wc = win.webContents;
    expect(wc.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(wc.attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(wc.attempt('will-attach-webview', 'https://evil.example/')).toBe(true);
    expect(wc.windowOpenHandler!({ url: 'https://open.dingtalk.com/document' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://evil.example/', 'https://open.dingtalk.com/document']);
  });

  it('denies every permission request', () => {
    const s = win.webContents.session;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      s.permissionRequestHandler!(win.webContents, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect(s.permissionCheckHandler!()).toBe(false);
  });
});

describe('IPC', () => {
  it('registers exactly one handler per contract method, on dtload:<method>', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
  });

  it('answers our own main frame', async () => {
    const res = await fromPage<{ host: string }>('getCapabilities');
    expect(res).toMatchObject({
      ok: true,
      value: { host: 'electron', nativeDialogs: true, secretsPersist: true },
    });
  });

  it('refuses a foreign frame, another window and a page at another URL, without running the method', async () => {
    const other = new BrowserWindow({}).webContents as FakeWebContents;
    other.mainFrame.url = APP_URL;
    const subFrame = { url: APP_URL };
    const attempts = [
      { sender: win.webContents, senderFrame: subFrame }, // an iframe inside our page
      { sender: other, senderFrame: other.mainFrame }, // another window, even at our URL
      { sender: win.webContents, senderFrame: null }, // a frame that is gone
    ];
    for (const from of attempts) {
      const res = (await ipcMain.invoke('dtload:connectSandbox', undefined, from)) as Envelope<unknown>;
      expect(res.ok).toBe(false);
      expect(!res.ok && res.error.meaning).toMatch(/did not come from dtload's own window/);
    }
    // Our frame after navigating elsewhere (navigation is blocked, but never trust it alone).
    win.webContents.mainFrame.url = 'https://evil.example/index.html';
    const res = await fromPage('connectSandbox');
    expect(res.ok).toBe(false);
    win.webContents.mainFrame.url = APP_URL;
    // Nothing ran: no connection was made, no event went out.
    expect(win.webContents.sent.filter((m) => m.channel === 'dtload:event:connection:changed')).toHaveLength(
      0,
    );
    expect(await fromPage('getConnection')).toEqual({ ok: true, value: null });
  });

  it('rejects a malformed payload with a clear error', async () => {
    const res = await fromPage('connect', { region: 'mars', appKey: 'k', appSecret: 's', remember: false });
    expect(res).toMatchObject({ ok: false, error: { kind: 'bad-request' } });
    expect(!res.ok && res.error.meaning).toMatch(
      /connect\.region must be one of mainland, international, custom/,
    );
    expect(await fromPage('getJob', 'not-an-object')).toMatchObject({
      ok: false,
      error: { kind: 'bad-request' },
    });
  });
});

describe('secrets', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0, contacts: 12 });
  });
  afterEach(async () => {
    await sandbox.close();
  });

  it('never reach the page: connect, use the connection, fail a test, and inspect all that was sent', async () => {
    const results: unknown[] = [];
    const call = async (method: string, args?: unknown): Promise<Envelope<unknown>> => {
      const r = await fromPage<unknown>(method, args);
      results.push(r);
      return r;
    };
    const creds = {
      region: 'custom',
      baseUrl: sandbox.baseUrl,
      appKey: sandbox.appKey,
      appSecret: sandbox.appSecret,
    };
    const connected = await call('connect', { ...creds, remember: true });
    expect(connected).toMatchObject({ ok: true, value: { connected: true, remembered: true } });
    expect((connected as { value: { label: string } }).value.label).toContain(sandbox.appKey.slice(0, 6));
    await call('getConnection');
    await call('getOrgSummary', { refresh: true });
    await call('testConnection');
    await call('testConnection', { ...creds, appSecret: `${sandbox.appSecret}-wrong` });
    await call('connect', { ...creds, appSecret: `${sandbox.appSecret}-wrong`, remember: false });
    await call('exportContacts', { format: 'csv' });
    await call('listJobs');
    await call('getCapabilities');

    const everything = JSON.stringify({ results, sent: win.webContents.sent });
    expect(everything).not.toContain(sandbox.appSecret);
    expect(everything).not.toMatch(/access_token=(?!\*)/);
    expect(win.webContents.sent.some((m) => m.channel === 'dtload:event:connection:changed')).toBe(true);

    // Remembered through safeStorage: the file on disk does not hold the secret in clear.
    const onDisk = await readFile(join(dataDir, CREDENTIALS_FILE));
    expect(onDisk.toString('utf8')).not.toContain(sandbox.appSecret);
    expect(safeStorage.decryptString(onDisk)).toContain(sandbox.appSecret);
  });

  it('are restored at the next start from safeStorage', async () => {
    const creds = {
      region: 'custom',
      baseUrl: sandbox.baseUrl,
      appKey: sandbox.appKey,
      appSecret: sandbox.appSecret,
    };
    expect((await fromPage('connect', { ...creds, remember: true })).ok).toBe(true);
    await running.dispose();
    resetFake();
    running = await startApp({ dataDir, preloadPath: PRELOAD, appUrl: APP_URL });
    win = BrowserWindow.all[0]!;
    expect(await fromPage('getConnection')).toMatchObject({
      ok: true,
      value: { connected: true, remembered: true },
    });
  });

  it('are not stored when the OS cannot encrypt them, and the app says why', async () => {
    safeStorage.available = false;
    const caps = await fromPage<{ secretsPersist: boolean; secretsNote?: string }>('getCapabilities');
    expect(caps).toMatchObject({ ok: true, value: { secretsPersist: false } });
    expect(caps.ok && caps.value.secretsNote).toMatch(/keyring/);
    const creds = {
      region: 'custom',
      baseUrl: sandbox.baseUrl,
      appKey: sandbox.appKey,
      appSecret: sandbox.appSecret,
    };
    const res = await fromPage('connect', { ...creds, remember: true });
    expect(res).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
    expect(!res.ok && res.error.meaning).toMatch(/cannot remember/);
    await expect(readFile(join(dataDir, CREDENTIALS_FILE))).rejects.toThrow();
    // Without "remember" it connects, and nothing is written.
    expect(await fromPage('connect', { ...creds, remember: false })).toMatchObject({ ok: true });
    await expect(readFile(join(dataDir, CREDENTIALS_FILE))).rejects.toThrow();
  });

  it("refuses Linux's plain-text fallback as well", async () => {
    safeStorage.backend = 'basic_text';
    const caps = await fromPage<{ secretsPersist: boolean }>('getCapabilities');
    expect(caps).toMatchObject({ ok: true, value: { secretsPersist: process.platform !== 'linux' } });
  });
});
