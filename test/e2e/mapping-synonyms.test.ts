// The mapping step with an admin's own Chinese headers (客户姓名, 手机号码, 公司名称…): each maps through the
// synonym table, a close header no synonym covers (邮件地址) offers "did you mean" one click away, and a sheet
// with mobiles but no contact IDs offers to find the contacts by mobile.
// Screenshots: test-results/screenshots/<lang>/mapping-synonyms.png (web mode, Chromium, sandbox org).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSheetWriter } from '../../electron/core/sheets';
import { launchChromium, newE2EContext } from './browser';
import { startSandboxWeb, type RunningWeb } from './server';

const ROOT = resolve(__dirname, '../..');
const HEADERS = ['客户姓名', '手机号码', '公司名称', '职务', '邮件地址', '备注信息'];

describe('the mapping step with Chinese headers', () => {
  let web: RunningWeb;
  let browser: Browser;
  let work: string;
  let sheet: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'dtload-e2e-mapping-'));
    sheet = join(work, '客户名单.xlsx');
    const w = await createSheetWriter(sheet, { headers: HEADERS });
    await w.addRow(['张三', '13800138000', '阿里巴巴', '经理', 'zhangsan@example.com', '老客户']);
    await w.addRow(['李四', '13900139000', '腾讯科技', '工程师', 'lisi@example.com', '']);
    await w.close();
    web = await startSandboxWeb(join(work, 'data'));
    browser = await launchChromium('zh-CN');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  for (const [lang, name, mobile, company, suggestion] of [
    ['zh-CN', '姓名', '手机号', '企业名称', /邮箱/],
    ['en', 'Name', 'Mobile', 'Company', /Email/],
  ] as const) {
    it(`maps them and suggests for the close one (${lang})`, { timeout: 120_000 }, async () => {
      const shots = join(ROOT, 'test-results', 'screenshots', lang);
      mkdirSync(shots, { recursive: true });
      const page = await (
        await newE2EContext(browser, { locale: lang, viewport: { width: 1280, height: 860 } })
      ).newPage();
      await page.goto(web.urlWith({ lang }, 'connect'));
      await page.getByTestId('connect-sandbox').click();
      await page.getByTestId('nav-import').click();
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByTestId('file-drop').click(),
      ]);
      await chooser.setFiles(sheet);
      await page.getByTestId('sheet-preview').waitFor({ timeout: 30_000 });
      await page.getByTestId('sheet-next').click();
      await page.getByTestId('mapping-table').waitFor({ timeout: 30_000 });

      expect(await page.getByTestId('map-客户姓名').innerText()).toContain(name);
      expect(await page.getByTestId('map-手机号码').innerText()).toContain(mobile);
      expect(await page.getByTestId('map-公司名称').innerText()).toContain(company);
      const suggest = page.getByTestId('suggest-邮件地址').first();
      expect(await suggest.innerText()).toMatch(suggestion);
      await page.screenshot({ path: join(shots, 'mapping-synonyms.png'), fullPage: true });

      // One click takes the suggestion; one more finds the contacts by the mobile column the sheet has.
      await suggest.click();
      expect(await page.getByTestId('map-邮件地址').innerText()).toMatch(suggestion);
      await page.getByTestId('match-by-mobile').click();
      await page.getByTestId('mapping-need-key').waitFor({ state: 'detached' });
      expect(await page.getByTestId('mapping-next').isEnabled()).toBe(true);
      await page.screenshot({ path: join(shots, 'mapping-synonyms-mapped.png'), fullPage: true });
      await page.close();
    });
  }
});
