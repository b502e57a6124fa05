// The contacts workspace in the browser (web mode, sandbox organisation), in English and in Chinese: the
// index loads, a query and a chip filter the table, rows and "all N matching" are selected, every action
// opens the dry-run diff (add/remove labels, owner, share, a text field, delete with typed confirmation and
// backup), export downloads the matches, one edit is applied and the sandbox checked, a contact's detail shows
// the job that touched it, the label overview filters the table, and one duplicate group is merged.
// Screenshots of every screen go to test-results/screenshots/workspace-<lang>/NN-step.png.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Contact } from '../../shared/domain';
import { translator, type Lang } from '../../shared/i18n';
import { loadSandboxState, sandboxStatePath } from '../../electron/core/sandbox';
import { useWebPage } from './web-page';
import { readSheet } from './fixture';
import type { RunningWeb } from './server';

const ROOT = resolve(__dirname, '../..');
const L = { core: 1561077319, important: 1561077340 };
const LANGS: Lang[] = ['en', 'zh-CN'];

describe.each(LANGS)('contacts workspace in %s', (lang) => {
  const t = translator(lang);
  let web: RunningWeb;
  let page: Page;
  let work: string;
  let dataDir: string;
  const shots = join(ROOT, 'test-results', 'screenshots', `workspace-${lang}`);
  let shotNo = 0;
  const shot = async (name: string) => {
    shotNo++;
    await page.waitForTimeout(200); // antd's enter animations
    await page.screenshot({ path: join(shots, `${String(shotNo).padStart(2, '0')}-${name}.png`) });
  };
  const testId = (id: string) => page.getByTestId(id);
  const count = async (): Promise<number> =>
    Number(/[\d,]+/.exec(await testId('ws-count').innerText())![0].replace(/,/g, ''));
  const sandbox = async (): Promise<Contact[]> =>
    (await loadSandboxState(sandboxStatePath(dataDir)))?.contacts ?? [];
  const search = async (q: string) => {
    const box = testId('ws-search').locator('xpath=self::input|.//input').first();
    await box.fill(q);
    await box.press('Enter');
  };
  const openAction = async (kind: string) => {
    // The menu opens on hover; a hover that lands while the last drawer is still closing misses it.
    await vi.waitFor(
      async () => {
        await page.mouse.move(0, 0);
        await testId('ws-actions').hover();
        await testId(`ws-action-${kind}`).click({ timeout: 3_000 });
      },
      { timeout: 30_000, interval: 200 },
    );
    await page.locator('.ant-modal').waitFor();
  };
  /** Types into a staff picker, picks the option whose line has `pick`; answers every option's line. */
  const pickStaff = async (picker: string, text: string, pick: string): Promise<string[]> => {
    await testId(picker).click();
    await page.keyboard.type(text);
    const offered = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await offered.filter({ hasText: pick }).first().waitFor({ timeout: 20_000 });
    const lines = await offered.allInnerTexts();
    await offered.filter({ hasText: pick }).first().click();
    return lines;
  };
  /** Dry run from the open action dialog: the plan drawer with its counts. */
  const dryRun = async (name: string): Promise<number> => {
    await testId('ws-action-plan').click();
    // The drawer, or the dialog's one-line reason (say it, rather than time out).
    const refused = page.locator('.ant-modal .ant-alert');
    await testId('ws-plan').or(refused).first().waitFor({ timeout: 30_000 });
    if (await refused.count()) throw new Error(`${name}: ${await refused.first().innerText()}`);
    await testId('plan-rows').waitFor();
    await shot(name);
    return Number(
      await testId('ws-plan-apply')
        .innerText()
        .then((s) => /\d+/.exec(s)?.[0] ?? '0'),
    );
  };
  const closePlan = async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
  };

  beforeAll(() => {
    rmSync(shots, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
  });
  useWebPage(lang, { name: 'ws-e2e', viewport: { width: 1440, height: 900 }, acceptDownloads: true }, (o) => {
    ({ web, page, work } = o);
    dataDir = join(work, 'data');
  });

  it('finds, selects and edits contacts through the dry-run diff', { timeout: 300_000 }, async () => {
    await page.goto(web.urlWith({ lang }, 'connect'));
    await testId('connect-sandbox').click();
    await testId('nav-workspace').click();
    await expect.poll(count, { timeout: 60_000 }).toBe(500);
    await testId('ws-row').first().waitFor();
    await shot('table');

    // A query in the language: label and owner by name.
    await search('label:重要客户 owner:李娜');
    await expect.poll(count).toBeLessThan(500);
    const matches = await count();
    expect(matches).toBeGreaterThan(0);
    // Owners by name, not userid (the sandbox's lina02 is 李娜).
    expect(await testId('ws-rows').innerText()).toContain('李娜');
    expect(await testId('ws-rows').innerText()).not.toContain('lina02');
    await shot('query');

    // A company chip adds a term.
    const chip = testId('ws-chip-company').first();
    const company = (await chip.innerText())
      .split(/[:：]\s*/)
      .slice(1)
      .join(':')
      .trim();
    await chip.click();
    await expect
      .poll(() => testId('ws-search').locator('xpath=self::input|.//input').first().inputValue())
      .toContain('company:');
    await expect.poll(count).toBeLessThanOrEqual(matches);
    expect(await testId('ws-rows').innerText()).toContain(company);
    await shot('chip');

    // Rows, then all N matching.
    await search('label:重要客户 owner:李娜');
    await expect.poll(count).toBe(matches);
    const checks = testId('ws-row').locator('input[type=checkbox]');
    await checks.nth(0).check();
    await checks.nth(1).check();
    await expect.poll(() => testId('ws-selected').innerText()).toBe(t('ws.select.rows', { count: 2 }));
    await testId('ws-select-all').click();
    await expect.poll(() => testId('ws-selected').innerText()).toBe(t('ws.select.allOn', { count: matches }));
    await shot('selected-all');

    // Every action opens the dry-run diff first.
    await openAction('removeLabels');
    await testId('ws-action-labels').click();
    await page.keyboard.type('重要客户');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await shot('action-remove-labels');
    expect(await dryRun('plan-remove-labels')).toBe(matches);
    await closePlan();

    // The owner and shared staff are picked from the staff directory (the hand-over's picker): each
    // option says the person's department, so the two 张伟 are told apart.
    await openAction('setOwner');
    const zhang = await pickStaff('ws-action-person', '张伟', '华北销售');
    expect(zhang.join('\n')).toContain('销售部');
    await shot('action-set-owner');
    expect(await dryRun('plan-set-owner')).toBe(matches);
    expect(await testId('plan-rows').innerText()).toContain('张伟（华北销售）');
    // No sheet behind a bulk edit: its rows are counted down the list, not numbered like a sheet's rows.
    const planned = testId('plan-rows');
    expect(await planned.locator('.ant-table-thead th').first().innerText()).toBe(t('common.index'));
    expect(
      await planned.locator('.ant-table-row').first().locator('.ant-table-cell').first().innerText(),
    ).toBe('1');
    await closePlan();

    await openAction('share');
    await pickStaff('ws-action-users', '李娜', '李娜');
    await pickStaff('ws-action-users', '王芳', '王芳');
    await page.keyboard.press('Escape');
    expect(await testId('ws-action-users').innerText()).toMatch(/李娜[\s\S]*王芳/);
    await testId('ws-action-depts').fill('销售部');
    expect(await dryRun('plan-share')).toBeGreaterThan(0);
    await closePlan();

    await openAction('setField');
    await testId('ws-action-value').fill('Met at the 2026 fair');
    expect(await dryRun('plan-set-field')).toBe(matches);
    await closePlan();

    // Export: just the matches.
    const exportPath = join(work, 'matches.xlsx');
    const [download] = await Promise.all([page.waitForEvent('download'), testId('ws-export').click()]);
    await download.saveAs(exportPath);
    expect((await readSheet(exportPath)).rows).toHaveLength(matches);

    // Add a label, applied: the sandbox has it on every match afterwards.
    const before = await sandbox();
    const lina = (c: Contact) => c.follower_user_id === 'lina02' && c.label_ids.includes(L.important);
    const missing = before.length
      ? before.filter((c) => lina(c) && !c.label_ids.includes(L.core)).length
      : undefined;
    await openAction('addLabels');
    await testId('ws-action-labels').click();
    await page.keyboard.type('Core');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const writes = await dryRun('plan-add-label');
    expect(writes).toBeGreaterThan(0);
    if (missing !== undefined) expect(writes).toBe(missing);
    await testId('ws-plan-apply').click();
    await testId('job-report').waitFor({ timeout: 120_000 });
    await shot('add-label-report');
    // The state file is rewritten as the sandbox changes: a read that finds none says -1, not 0.
    const stillMissing = async () => {
      const all = await sandbox();
      return all.length ? all.filter((c) => lina(c) && !c.label_ids.includes(L.core)).length : -1;
    };
    await expect.poll(stillMissing, { timeout: 20_000 }).toBe(0);
    await expect.poll(async () => (await sandbox()).filter(lina).length, { timeout: 20_000 }).toBe(matches);
    await closePlan();

    // The detail panel shows the job that touched the contact, with names, not ids.
    await expect.poll(count).toBe(matches);
    await testId('ws-row').first().locator('div').nth(2).click();
    await testId('ws-history-item').first().waitFor({ timeout: 20_000 });
    expect(await testId('ws-history-item').first().innerText()).toContain(t('import.action.update'));
    await shot('detail');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);

    // Delete two rows: typed confirmation, backup, gone from the sandbox.
    await search('');
    await expect.poll(count).toBe(500);
    const rows = testId('ws-row');
    const gone = [
      await rows.nth(0).getAttribute('data-userid'),
      await rows.nth(1).getAttribute('data-userid'),
    ];
    expect(gone.every((id) => id && /^\d+$/.test(id))).toBe(true);
    await rows.nth(0).locator('input[type=checkbox]').check();
    await rows.nth(1).locator('input[type=checkbox]').check();
    await testId('ws-delete').click();
    await page.locator('.ant-modal').waitFor();
    await shot('action-delete');
    await testId('ws-action-plan').click();
    await testId('ws-plan').waitFor();
    await testId('plan-rows').waitFor();
    await shot('plan-delete');
    await testId('ws-plan-apply').click();
    const ok = testId('delete-confirm-ok');
    await expect.poll(() => ok.isDisabled()).toBe(true);
    await testId('delete-confirm-input').fill('2');
    await shot('delete-confirm');
    await ok.click();
    await testId('job-report').waitFor({ timeout: 60_000 });
    await shot('delete-report');
    await expect
      .poll(async () => (await sandbox()).filter((c) => gone.includes(c.userid)).length, { timeout: 20_000 })
      .toBe(0);
    await closePlan();
    await expect.poll(count).toBe(498);
  });

  it('the label overview counts and filters; a duplicate group is merged', { timeout: 180_000 }, async () => {
    await page.getByRole('tab', { name: t('ws.tab.labels') }).click();
    await testId('ws-labels').waitFor();
    await shot('labels');
    const row: Locator = testId('ws-label-row').first();
    const n = Number(await row.getAttribute('data-count'));
    expect(n).toBeGreaterThan(0);
    await row.click();
    await expect.poll(count).toBe(n);
    expect(await testId('ws-search').locator('xpath=self::input|.//input').first().inputValue()).toMatch(
      /^label:/,
    );

    await page.getByRole('tab', { name: t('ws.tab.labels') }).click();
    const missing = testId('ws-missing').first();
    const m = Number(await missing.getAttribute('data-count'));
    await missing.click();
    await expect.poll(count).toBe(m);
    await shot('missing-filter');

    await page.getByRole('tab', { name: t('ws.tab.duplicates') }).click();
    await testId('ws-dup-find').click();
    await testId('ws-dup-group').first().waitFor({ timeout: 30_000 });
    const group = testId('ws-dup-group').first();
    const ids = [...(await group.innerText()).matchAll(/\b0\d{9,}\b/g)].map((x) => x[0]);
    const keep = await group.locator('input[type=radio]:checked').getAttribute('value');
    expect(ids.length).toBeGreaterThan(1);
    expect(ids).toContain(keep);
    await group.getByTestId('ws-dup-check').locator('xpath=self::input|.//input').first().check();
    await shot('duplicates');
    await testId('ws-dup-merge').click();
    await testId('ws-plan').waitFor({ timeout: 30_000 });
    await testId('plan-rows').waitFor();
    await shot('plan-merge');
    await testId('ws-plan-apply').click();
    await testId('job-report').waitFor({ timeout: 60_000 });
    await shot('merge-report');
    const others = ids.filter((id) => id !== keep);
    await expect
      .poll(async () => (await sandbox()).filter((c) => others.includes(c.userid)).length, {
        timeout: 20_000,
      })
      .toBe(0);
    expect((await sandbox()).some((c) => c.userid === keep)).toBe(true);
  });
});
