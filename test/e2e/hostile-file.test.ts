// A file the CLI refuses is refused the same way in web mode's file step, and the server keeps serving: the
// crafted 52-byte zip (its end record claims a 4 GB central directory; it once aborted the process) is uploaded,
// its one-line reason shows in the UI language, and a good sheet uploaded next opens as usual.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSheetWriter } from '../../electron/core/sheets';
import { runCli } from '../cli/run-cli';
import { launchChromium, newE2EContext } from './browser';
import { startSandboxWeb, type RunningWeb } from './server';

const ROOT = resolve(__dirname, '../..');

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

describe('a hostile file in web mode', () => {
  let web: RunningWeb;
  let browser: Browser;
  let work: string;
  let crafted: string;
  let good: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'dtload-e2e-hostile-'));
    crafted = join(work, 'crafted.xlsx');
    writeFileSync(crafted, craftedZip());
    good = join(work, 'good.xlsx');
    const w = await createSheetWriter(good, { headers: ['name', 'mobile', 'remark'] });
    await w.addRow(['张三', '13800138000', 'ok']);
    await w.close();
    web = await startSandboxWeb(join(work, 'data'));
    browser = await launchChromium('en');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('the CLI refuses it with one line, exit 2', async () => {
    const r = await runCli(['--sandbox', 'import', crafted, '--match', 'mobile'], {
      DTLOAD_HOME: join(work, 'cli-home'),
    });
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(
      `dtload: ${crafted} is not a spreadsheet (it is damaged or not an Excel workbook); save it as .xlsx or .csv and try again`,
    );
  });

  for (const [lang, reason] of [
    ['en', 'is not a spreadsheet (it is damaged or not an Excel workbook)'],
    ['zh-CN', '不是可读取的表格（文件已损坏或不是 Excel 工作簿）'],
  ] as const) {
    it(`the file step refuses it (${lang}) and then opens a good sheet`, { timeout: 120_000 }, async () => {
      mkdirSync(join(ROOT, 'test-results', 'screenshots', lang), { recursive: true });
      const page = await (
        await newE2EContext(browser, { locale: lang, viewport: { width: 1280, height: 800 } })
      ).newPage();
      await page.goto(web.urlWith({ lang }, 'connect'));
      await page.getByTestId('connect-sandbox').click();
      await page.getByTestId('nav-import').click();

      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByTestId('file-drop').click(),
      ]);
      await chooser.setFiles(crafted);
      const error = page.getByTestId('error-explain');
      await error.waitFor({ timeout: 30_000 });
      expect(await error.innerText()).toContain(reason);
      await page.screenshot({
        path: join(ROOT, 'test-results', 'screenshots', lang, 'hostile-file.png'),
        fullPage: true,
      });

      const [again] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByTestId('file-drop').click(),
      ]);
      await again.setFiles(good);
      await page.getByTestId('sheet-preview').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('sheet-preview').innerText()).toContain('13800138000');
      await page.close();
    });
  }
});
