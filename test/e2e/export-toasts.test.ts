// An export's toast belongs to the screen that showed it (web mode, sandbox organisation), in English and
// in Chinese: one toast says what was exported and where, it closes when the admin goes to another screen
// (not seconds later over that screen), and where the file went stays in the screen that exported it —
// the Contacts screen's whole export and the workspace's export of the matches.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { translator, type Lang } from '../../shared/i18n';
import { useWebPage } from './web-page';
import type { RunningWeb } from './server';

const ROOT = resolve(__dirname, '../..');
const LANGS: Lang[] = ['en', 'zh-CN'];

describe.each(LANGS)('export toasts in %s', (lang) => {
  const t = translator(lang);
  let web: RunningWeb;
  let page: Page;
  const testId = (id: string) => page.getByTestId(id);
  const toasts = () => page.locator('.ant-message-notice');
  const shots = join(ROOT, 'test-results', 'screenshots', lang);
  const shot = async (name: string) => {
    await page.waitForTimeout(200); // antd's enter animations
    await page.screenshot({ path: join(shots, `export-${name}.png`) });
  };

  beforeAll(() => void mkdirSync(shots, { recursive: true }));

  useWebPage(lang, { name: 'export-toasts', acceptDownloads: true }, (o) => ({ web, page } = o));

  /** Clicks `button`, waits for the download and the toast; answers the file's name and the toast. */
  const exportWith = async (button: string): Promise<{ name: string; toast: string }> => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      testId(button).click(),
    ]);
    await toasts().first().waitFor({ timeout: 10_000 });
    return { name: download.suggestedFilename(), toast: (await toasts().allInnerTexts()).join('\n') };
  };
  /** The toast went with its screen: gone well before its own three seconds were up. */
  const leaveTo = async (screen: string) => {
    await testId(`nav-${screen}`).click();
    await expect.poll(() => toasts().count(), { timeout: 1_500, interval: 100 }).toBe(0);
  };

  it('closes with its screen and leaves where the file went on it', { timeout: 120_000 }, async () => {
    await page.goto(web.urlWith({ lang }, 'connect'));
    await testId('connect-sandbox').click();
    await testId('nav-contacts').click();
    await expect.poll(() => testId('contacts-count').innerText(), { timeout: 30_000 }).toContain('500');

    const all = await exportWith('export-xlsx');
    const done = t('contacts.export.done', { count: 500 });
    // One toast: what was exported and where.
    expect(await toasts().count()).toBe(1);
    expect(all.toast).toContain(done);
    expect(all.toast).toContain(t('common.downloaded', { name: all.name }));
    await leaveTo('jobs');
    await testId('nav-contacts').click();
    const note = testId('export-saved');
    await note.waitFor();
    expect(await note.innerText()).toContain(done);
    expect(await note.innerText()).toContain(all.name);
    await shot('1-contacts-saved');

    // The workspace's export of two picked rows.
    await testId('nav-workspace').click();
    await testId('ws-row').first().waitFor({ timeout: 60_000 });
    const checks = testId('ws-row').locator('input[type=checkbox]');
    await checks.nth(0).check();
    await checks.nth(1).check();
    const picked = await exportWith('ws-export');
    expect(picked.toast).toContain(t('contacts.export.done', { count: 2 }));
    await leaveTo('contacts');
    await testId('nav-workspace').click();
    await expect
      .poll(() => testId('ws-export-saved').innerText(), { timeout: 10_000 })
      .toContain(picked.name);
    await shot('2-workspace-saved');
  });
});
