// The desktop app's file step survives the crafted 52-byte zip (its end record claims a 4 GB central directory;
// it once aborted the process): the main process refuses it with the CLI's line, in the UI language, naming the
// file as the admin gave it (never the internal upload path), and then opens a good sheet.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => await import('./fake-electron'));

import type { Envelope, FileRef } from '../../shared/contract';
import { startApp, type RunningApp } from '../../electron/main/app-main';
import { runCli } from '../cli/run-cli';
import { BrowserWindow, dialog, ipcMain, resetFake } from './fake-electron';

let dataDir: string;
let running: RunningApp | undefined;

beforeEach(async () => {
  resetFake();
  dataDir = await mkdtemp(join(tmpdir(), 'dtload-shell-hostile-'));
});
afterEach(async () => {
  await running?.dispose();
  running = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

function craftedZip(): Buffer {
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(0xffffffff, 12);
  return Buffer.concat([local, end]);
}

async function call<T>(win: BrowserWindow, method: string, args?: unknown): Promise<Envelope<T>> {
  return (await ipcMain.invoke(`dtload:${method}`, args, {
    sender: win.webContents,
    senderFrame: win.webContents.mainFrame,
  })) as Envelope<T>;
}

async function ok<T>(win: BrowserWindow, method: string, args?: unknown): Promise<T> {
  const res = await call<T>(win, method, args);
  if (!res.ok) throw new Error(`${method}: ${res.error.meaning}`);
  return res.value;
}

describe('a hostile file in the desktop app', () => {
  it('is refused with the CLI line (dialog and drop, en and zh-CN), and a good sheet opens next', async () => {
    const crafted = join(dataDir, 'crafted.xlsx');
    await writeFile(crafted, craftedZip());
    expect(craftedZip().length).toBe(52);
    const good = join(dataDir, 'good.csv');
    await writeFile(good, 'name,mobile\r\n张三,13800138000\r\n');
    const cli = await runCli(['--sandbox', 'import', crafted, '--match', 'mobile'], {
      DTLOAD_HOME: join(dataDir, 'cli-home'),
    });
    expect(cli.code).toBe(2);

    running = await startApp({
      dataDir,
      preloadPath: '/p/index.cjs',
      appUrl: 'file:///opt/dtload/index.html',
    });
    const win = BrowserWindow.all.at(-1)!;

    // Opened through the native dialog: the same line as the CLI, without its "dtload: " prefix.
    dialog.openAnswer = { canceled: false, filePaths: [crafted] };
    const opened = await ok<FileRef>(win, 'openFileDialog', { purpose: 'sheet' });
    const refused = await call(win, 'openSheet', { fileId: opened.fileId });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'input' } });
    if (refused.ok) return;
    expect(`dtload: ${refused.error.meaning}\n`).toBe(cli.err);

    // Dropped on the window (bytes, kept under the data dir): named as dropped, in the UI language.
    await ok(win, 'updateSettings', { language: 'zh-CN' });
    const dropped = await ok<FileRef>(win, 'uploadFile', { name: 'crafted.xlsx', data: craftedZip() });
    const zh = await call(win, 'openSheet', { fileId: dropped.fileId });
    expect(zh.ok).toBe(false);
    if (zh.ok) return;
    expect(zh.error.meaning).toBe(
      'crafted.xlsx 不是可读取的表格（文件已损坏或不是 Excel 工作簿）；请另存为 .xlsx 或 .csv 后重试',
    );
    expect(zh.error.meaning).not.toContain(dataDir);

    // The main process is still serving: a good sheet opens.
    dialog.openAnswer = { canceled: false, filePaths: [good] };
    const next = await ok<FileRef>(win, 'openFileDialog', { purpose: 'sheet' });
    const preview = await ok<{ headers: string[]; rows: { cells: string[] }[] }>(win, 'openSheet', {
      fileId: next.fileId,
    });
    expect(preview.headers).toEqual(['name', 'mobile']);
    expect(preview.rows.at(-1)!.cells).toEqual(['张三', '13800138000']);
  });
});
