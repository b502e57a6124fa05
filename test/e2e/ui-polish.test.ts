// What the admin reads about workspace jobs, in English and in Chinese (web mode, sandbox organisation): a
// bulk edit of one picked contact that DingTalk refuses, a merge of duplicates and a hand-over, each applied
// from the workspace; the drawer's title once the job runs, the failed-rows note for one row, and the jobs
// list naming each job for what it did (not "Import") with a source in the admin's language.
// Then, at 1024 wide: a query naming a leaver points at the hand-over, and label cards keep their names.
// Screenshots go to test-results/screenshots/<lang>/wording-*.png.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { userIdFor } from '../../electron/core/sandbox';
import { seedContacts, seedLabelGroups } from '../../electron/core/sandbox/seed-data';
import { translator, type Lang } from '../../shared/i18n';
import { useWebPage } from './web-page';
import type { RunningWeb } from './server';

const ROOT = resolve(__dirname, '../..');
const LANGS: Lang[] = ['en', 'zh-CN'];
/** The seeded contact whose update DingTalk refuses (60121). */
const REFUSED = 7;

describe.each(LANGS)('workspace jobs as the admin reads them (%s)', (lang) => {
  const t = translator(lang);
  let web: RunningWeb;
  let page: Page;
  const shots = join(ROOT, 'test-results', 'screenshots', lang);
  const shot = async (name: string) => {
    await page.waitForTimeout(200); // antd's enter animations
    await page.screenshot({ path: join(shots, `wording-${name}.png`) });
  };
  const testId = (id: string) => page.getByTestId(id);
  const search = async (q: string) => {
    const box = testId('ws-search').locator('xpath=self::input|.//input').first();
    await box.fill(q);
    await box.press('Enter');
  };
  const closeDrawer = async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
  };

  beforeAll(() => void mkdirSync(shots, { recursive: true }));
  useWebPage(
    lang,
    {
      name: 'wording',
      faults: {
        errcodes: [{ errcode: 60121, rate: 1, endpoints: ['update'], userIds: [userIdFor(REFUSED)] }],
      },
    },
    (o) => ({ web, page } = o),
  );

  it('names each workspace job for what it did', { timeout: 180_000 }, async () => {
    // (A wrong key explained without a raw "Error code credentials": desktop-flow.test.ts.)
    await page.goto(web.urlWith({ lang }, 'connect'));
    await testId('connect-sandbox').click();
    await testId('contacts-count').waitFor({ timeout: 30_000 });
    // Before any job: the empty list names every kind of job that will appear there.
    await testId('nav-jobs').click();
    await page.getByText(t('jobs.empty')).waitFor();
    await testId('nav-workspace').click();
    await testId('ws-row').first().waitFor({ timeout: 60_000 });

    // One picked contact, which DingTalk refuses.
    const refused = seedContacts(500, 1, seedLabelGroups())[REFUSED]!;
    await search(`mobile:${refused.mobile}`);
    const row = page.locator(`[data-testid=ws-row][data-userid="${refused.userid}"]`);
    await row.locator('input[type=checkbox]').check();
    await page.mouse.move(0, 0);
    await testId('ws-actions').hover();
    await testId('ws-action-setField').click();
    await testId('ws-action-value').fill('Wording check');
    await testId('ws-action-plan').click();
    await testId('ws-plan-apply').waitFor({ timeout: 30_000 });
    const drawerTitle = page.locator('.ant-drawer-open .ant-drawer-title');
    expect(await drawerTitle.innerText()).toContain(t('ws.plan.title', { source: '' }).trim());
    await testId('ws-plan-apply').click();
    await testId('report-permanent').waitFor({ timeout: 60_000 });
    // The drawer shows a job now, not a dry run; one failed row reads as one.
    const picked = t('ws.selectedSource', { count: 1 });
    expect(await drawerTitle.innerText()).toBe(t('ws.plan.jobTitle', { source: picked }));
    expect(await testId('report-permanent').innerText()).toContain(t('report.permanent', { count: 1 }));
    if (lang === 'en') expect(await testId('report-permanent').innerText()).not.toMatch(/\b1 failed rows\b/);
    // The drawer is wide enough for the failed rows' table: no column scrolled out of sight.
    await testId('failed-rows').locator('.ant-table-row').first().waitFor();
    const overflowing = await testId('failed-rows')
      .locator('.ant-table-content, .ant-table-body')
      .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
    expect(overflowing).toBe(0);
    await shot('2-edit-report');
    await closeDrawer();

    // Merge the first duplicate group: the button counts groups as words do; no stray "Duplicates" toast.
    await page.getByRole('tab', { name: t('ws.tab.duplicates') }).click();
    await testId('ws-dup-find').click();
    await testId('ws-dup-group').first().waitFor({ timeout: 30_000 });
    await testId('ws-dup-group')
      .first()
      .getByTestId('ws-dup-check')
      .locator('xpath=self::input|.//input')
      .first()
      .check();
    expect(await testId('ws-dup-merge').innerText()).toBe(t('ws.dup.merge', { count: 1 }));
    if (lang === 'en') expect(await testId('ws-dup-merge').innerText()).toBe('Merge 1 group');
    await testId('ws-dup-merge').click();
    await testId('plan-rows').locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    // The merged sharing names people (the directory was read for the table), never bare userids.
    expect(await testId('plan-rows').innerText()).not.toMatch(/\b[a-z]+\d+\b/);
    await shot('3a-merge-plan');
    await testId('ws-plan-apply').click();
    await testId('job-report').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    expect(await page.locator('.ant-message-notice').count()).toBe(0);
    await shot('3b-merge-report');
    await closeDrawer();

    // Hand over 李娜's contacts to 王芳.
    await page.getByRole('tab', { name: t('ws.tab.table'), exact: true }).click();
    await testId('ws-handover').click();
    for (const [picker, name] of [
      ['handover-from', '李娜'],
      ['handover-to', '王芳'],
    ] as const) {
      await testId(picker).click();
      await page.keyboard.type(name);
      const option = page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: name });
      await option.first().waitFor({ timeout: 20_000 });
      await option.first().click();
    }
    await testId('handover-plan').click();
    await testId('ws-plan-apply').click({ timeout: 60_000 });
    await testId('job-report').waitFor({ timeout: 90_000 });
    await closeDrawer();

    // The jobs list says what each job was, newest first.
    await testId('nav-jobs').click();
    const rows = testId('jobs-table').locator('.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(3);
    const kinds = await page.locator('[data-testid^=job-kind-]').allInnerTexts();
    expect(kinds).toEqual([t('jobs.kind.handover'), t('jobs.kind.merge'), t('jobs.kind.edit')]);
    expect(await rows.nth(2).innerText()).toContain(picked);
    await shot('4-jobs');

    // A job's report is titled with what the job did, not its id.
    await page.locator('[data-testid^=job-open-]').first().click();
    const reportTitle = page.locator('.ant-drawer-open .ant-drawer-title');
    await reportTitle.waitFor();
    expect(await reportTitle.innerText()).toContain('李娜');
    expect(await reportTitle.innerText()).not.toMatch(/\d{8}-\d{6}/);
    await shot('4b-job-report');
    await closeDrawer();

    // The undo's diff offers its filters in the order every other diff does.
    await page.locator('[data-testid^=job-undo-]').first().click();
    await testId('undo-apply').waitFor({ timeout: 30_000 });
    const filters = await testId('undo-drawer')
      .locator('[data-testid^=filter-]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(filters).toEqual(['filter-changed', 'filter-unchanged', 'filter-invalid', 'filter-all']);
    await shot('4a-undo-diff');
    await closeDrawer();
  });

  it("points a leaver at the app's hand-over; label cards keep their names at 1024 wide", async () => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await testId('nav-workspace').click();
    await search('owner:nobody-here');
    const refused = page.locator('.ant-alert-error');
    await refused.first().waitFor();
    // The workspace's own button, not only the command line's "reassign".
    expect(await refused.first().innerText()).toContain(t('handover.open'));
    await shot('5-query-leaver');

    // A query nothing matches says so.
    await search('name:zzz-no-such-contact');
    await testId('ws-empty').waitFor();
    expect(await testId('ws-empty').innerText()).toContain(t('ws.noMatches'));
    await shot('5a-no-matches');

    await page.getByRole('tab', { name: t('ws.tab.labels') }).click();
    await testId('ws-labels').waitFor();
    const clipped = await page
      .locator('[data-testid=ws-labels] .ant-card-head-title')
      .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent));
    expect(clipped).toEqual([]);
    await shot('6-labels-1024');

    // The jobs list keeps Report and Undo in sight at 1024 wide.
    await testId('nav-jobs').click();
    const report = page.locator('[data-testid^=job-open-]').first();
    await report.waitFor();
    const box = (await report.boundingBox())!;
    const table = (await testId('jobs-table').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(table.x + table.width);
    await shot('7-jobs-1024');
  });
});
