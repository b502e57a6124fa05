// The desktop flows that differ from web mode: native dialogs, recent documents, bytes dropped on the
// window, and the interrupted-job check at start (then resume, pause and cancel over IPC).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => await import('./fake-electron'));

import type { Envelope, FileRef, JobFinished, JobSummary } from '../../shared/contract';
import { createBackend, memorySecretStore } from '../../electron/core/app';
import { startSandbox } from '../../electron/core/sandbox';
import { startApp, type RunningApp } from '../../electron/main/app-main';
import { app, BrowserWindow, dialog, ipcMain, resetFake } from './fake-electron';

const APP_URL = 'file:///opt/dtload/out/renderer/index.html';

let dataDir: string;
let running: RunningApp | undefined;

beforeEach(async () => {
  resetFake();
  dataDir = await mkdtemp(join(tmpdir(), 'dtload-shell-files-'));
});
afterEach(async () => {
  await running?.dispose();
  running = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function start(): Promise<BrowserWindow> {
  running = await startApp({ dataDir, preloadPath: '/p/index.cjs', appUrl: APP_URL });
  return BrowserWindow.all.at(-1)!;
}

async function ok<T>(win: BrowserWindow, method: string, args?: unknown): Promise<T> {
  const res = (await ipcMain.invoke(`dtload:${method}`, args, {
    sender: win.webContents,
    senderFrame: win.webContents.mainFrame,
  })) as Envelope<T>;
  if (!res.ok) throw new Error(`${method}: ${res.error.meaning}`);
  return res.value;
}

function waitForSent<T>(
  win: BrowserWindow,
  channel: string,
  pred: (p: T) => boolean,
  ms = 20_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = (): void => {
      const hit = win.webContents.sent.find((m) => m.channel === channel && pred(m.payload as T));
      if (hit) return resolve(hit.payload as T);
      if (Date.now() - started > ms) return reject(new Error(`nothing on ${channel} within ${ms} ms`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

describe('files in the desktop app', () => {
  it('opens a sheet through the native dialog and records it as a recent document', async () => {
    const win = await start();
    const sheet = join(dataDir, 'people.csv');
    await writeFile(sheet, 'user_id,name\nu1,Ann\n');
    dialog.openAnswer = { canceled: false, filePaths: [sheet] };
    const ref = await ok<FileRef>(win, 'openFileDialog', { purpose: 'sheet' });
    expect(ref).toMatchObject({ name: 'people.csv', size: 20 });
    expect(app.recentDocuments).toEqual([sheet]);
    const recent = await ok<Array<{ path: string; exists: boolean }>>(win, 'listRecentFiles');
    expect(recent).toEqual([expect.objectContaining({ path: sheet, name: 'people.csv', exists: true })]);
    const again = await ok<FileRef>(win, 'openRecentFile', { path: sheet });
    expect(again.name).toBe('people.csv');
    dialog.openAnswer = { canceled: true, filePaths: [] };
    expect(await ok(win, 'openFileDialog', { purpose: 'sheet' })).toBeNull();
  });

  it('refuses to open a path that is not in the recent list', async () => {
    const win = await start();
    const res = (await ipcMain.invoke(
      'dtload:openRecentFile',
      { path: '/etc/passwd' },
      { sender: win.webContents, senderFrame: win.webContents.mainFrame },
    )) as Envelope<unknown>;
    expect(res).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('takes a dropped file as bytes and saves outputs where the save dialog says', async () => {
    const win = await start();
    const bytes = new TextEncoder().encode('user_id,name\nu9,Zoe\n');
    const ref = await ok<FileRef>(win, 'uploadFile', { name: '../../dropped.csv', data: bytes });
    expect(ref.name).toBe('dropped.csv');
    const preview = await ok<{ headers: string[] }>(win, 'openSheet', { fileId: ref.fileId });
    expect(preview.headers).toEqual(['user_id', 'name']);

    const target = join(dataDir, 'saved-copy.csv');
    dialog.saveAnswer = { canceled: false, filePath: target };
    expect(await ok(win, 'saveFile', { fileId: ref.fileId })).toEqual({ saved: true, path: target });
    expect(await readFile(target, 'utf8')).toBe('user_id,name\nu9,Zoe\n');
    dialog.saveAnswer = { canceled: true, filePath: undefined };
    expect(await ok(win, 'saveFile', { fileId: ref.fileId })).toEqual({ saved: false });
  });
});

describe('interrupted jobs', () => {
  /** A job left half-done: the app closed (backend.close interrupts running jobs) while rows were in flight. */
  async function leaveInterruptedJob(): Promise<string> {
    const backend = createBackend({
      dataDir,
      secrets: memorySecretStore(),
      emit: () => {},
      host: 'electron',
      // Slow answers keep rows in flight, so closing the app interrupts the job midway.
      sandbox: { contacts: 16, latencyMs: 150 },
    });
    await backend.connectSandbox();
    const exported = await backend.exportContacts({ format: 'csv' });
    const path = backend.heldFile(exported.fileId).path;
    const parsed = Papa.parse<Record<string, string>>((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    for (const r of parsed.data) r.title = `Retitled ${r.user_id}`;
    const edited = await backend.uploadFile({
      name: 'retitle.csv',
      data: new TextEncoder().encode(Papa.unparse(parsed.data, { columns: parsed.meta.fields })),
    });
    const mapping = await backend.autoMap({ fileId: edited.fileId });
    const plan = await backend.planImport({
      fileId: edited.fileId,
      mapping: mapping.mapping,
      options: { match: 'user_id', labels: 'replace', blank: 'keep', create: false },
    });
    expect(plan.counts.update).toBe(16);
    const { jobId } = await backend.applyPlan({ planId: plan.planId });
    await new Promise((r) => setTimeout(r, 100));
    await backend.close();
    return jobId;
  }

  it('are announced when the window has loaded, and resume over IPC to the end', async () => {
    const jobId = await leaveInterruptedJob();
    const win = await start();
    const announced = await waitForSent<JobSummary[]>(win, 'dtload:event:jobs:interrupted', () => true);
    expect(announced).toEqual([
      expect.objectContaining({ jobId, state: 'interrupted', resumable: true, total: 16 }),
    ]);
    expect(announced[0]!.ok).toBeLessThan(16);

    // Connected to another organisation, the job is not resumed there.
    const other = await startSandbox({ port: 0, contacts: 16, seed: 3 });
    try {
      await ok(win, 'connect', {
        region: 'custom',
        baseUrl: other.baseUrl,
        appKey: other.appKey,
        appSecret: other.appSecret,
        remember: false,
      });
      const refused = (await ipcMain.invoke(
        'dtload:resumeJob',
        { jobId },
        { sender: win.webContents, senderFrame: win.webContents.mainFrame },
      )) as Envelope<unknown>;
      expect(refused).toMatchObject({ ok: false, error: { kind: 'conflict' } });
      expect(other.writeLog).toHaveLength(0);
    } finally {
      await other.close();
    }

    await ok(win, 'connectSandbox');
    await ok(win, 'updateSettings', { maxQps: 40 });
    expect(await ok(win, 'resumeJob', { jobId })).toEqual({ jobId });
    const finished = await waitForSent<JobFinished>(
      win,
      'dtload:event:job:finished',
      (f) => f.jobId === jobId,
    );
    expect(finished.state).toBe('finished');
    expect(finished.summary).toMatchObject({ total: 16, ok: 16, failed: 0 });
    expect(win.progress.at(-1)).toEqual({ value: -1, options: undefined });
    const jobs = await ok<JobSummary[]>(win, 'listJobs');
    expect(jobs.find((j) => j.jobId === jobId)).toMatchObject({ state: 'finished', resumable: false });
  });

  it('pause holds a running job, resume continues it, cancel stops it', async () => {
    const jobId = await leaveInterruptedJob();
    const win = await start();
    await ok(win, 'connectSandbox');
    await ok(win, 'updateSettings', { maxQps: 4 });
    await ok(win, 'resumeJob', { jobId });
    await ok(win, 'pauseJob', { jobId });
    expect((await ok<JobSummary>(win, 'getJob', { jobId })).state).toBe('paused');
    await ok(win, 'resumeJob', { jobId });
    expect((await ok<JobSummary>(win, 'getJob', { jobId })).state).toBe('running');
    await ok(win, 'cancelJob', { jobId });
    const finished = await waitForSent<JobFinished>(
      win,
      'dtload:event:job:finished',
      (f) => f.jobId === jobId,
    );
    expect(finished.state).toBe('cancelled');
    expect(finished.summary.ok).toBeLessThan(16);
  });
});
