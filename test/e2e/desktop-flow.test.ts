// The whole admin journey in the browser (web mode, sandbox organisation), in English and in Chinese:
// connect → export all → import a sheet → mapping → dry-run diff → apply → report → export failed rows.
// Screenshots of every step go to test-results/screenshots/<lang>/NN-step.png.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n';
import { useWebPage } from './web-page';
import {
  columnOf,
  makeBigCsv,
  makeDeleteSheet,
  makeImportFixture,
  makeTitleEdits,
  readSheet,
  REJECTED_FAULTS,
} from './fixture';
import { startSandboxWeb, type RunningWeb } from './server';

const ROOT = resolve(__dirname, '../..');

interface LangCase {
  lang: 'en' | 'zh-CN';
  /** UI text that must show in this language (proves the dictionary, not just the ?lang parameter, is used). */
  text: {
    connectTitle: string;
    sandboxButton: string;
    contactsTitle: string;
    groupLabels: (n: number) => string;
    importTitle: string;
    diffApply: (n: number) => string;
    reportFailed: (failed: number, total: number) => string;
    reportOk: (total: number) => string;
    deleteButton: (n: number) => string;
    /** The delete report's way to start over (not "Back": the job is done). */
    deleteAgain: string;
    customRegion: string;
    speedSaved: (n: number) => string;
    paused: string;
    finished: string;
    /** The mapping step's and the diff's names for company_name and title. */
    companyField: string;
    titleField: string;
    /** Why the row with a label of no group is invalid, as the backend says it in this language. */
    unknownLabel: string;
  };
}

const CASES: LangCase[] = [
  {
    lang: 'en',
    text: {
      connectTitle: 'Connect to your DingTalk organisation',
      sandboxButton: 'Try the sandbox organisation',
      contactsTitle: 'External contacts',
      groupLabels: (n: number) => `${n} labels`,
      importTitle: 'Import from a spreadsheet',
      diffApply: (n) => `Apply ${n} changes`,
      reportFailed: (f, n) => `${f} of ${n} rows failed`,
      reportOk: (n) => `All ${n} rows were applied.`,
      deleteButton: (n) => `Delete ${n} contacts`,
      deleteAgain: 'Delete from another sheet',
      customRegion: 'Custom URL',
      speedSaved: (n) => `Speed set to ${n} calls per second.`,
      paused: 'Paused',
      finished: 'Finished',
      companyField: 'Company',
      titleField: 'Job title',
      unknownLabel: 'Unknown label "No such level" in group "Level"',
    },
  },
  {
    lang: 'zh-CN',
    text: {
      connectTitle: '连接你的钉钉组织',
      sandboxButton: '体验沙箱组织',
      contactsTitle: '外部联系人',
      groupLabels: (n: number) => `${n} 个标签`,
      importTitle: '从表格导入',
      diffApply: (n) => `执行 ${n} 项变更`,
      reportFailed: (f, n) => `${n} 行中有 ${f} 行失败`,
      reportOk: (n) => `全部 ${n} 行已成功执行。`,
      deleteButton: (n) => `删除 ${n} 个联系人`,
      deleteAgain: '从另一个表格删除',
      customRegion: '自定义地址',
      speedSaved: (n) => `速度已设为每秒 ${n} 次。`,
      paused: '已暂停',
      finished: '已完成',
      companyField: '企业名称',
      titleField: '职位',
      unknownLabel: '标签组 "Level" 中没有标签 "No such level"',
    },
  },
];

describe.each(CASES)('desktop flow in $lang', ({ lang, text }) => {
  let web: RunningWeb;
  let page: Page;
  let work: string;
  const shots = join(ROOT, 'test-results', 'screenshots', lang);
  let shotNo = 0;
  const shot = async (name: string) => {
    shotNo++;
    await page.waitForTimeout(150); // let antd's enter animations settle
    await page.screenshot({
      path: join(shots, `${String(shotNo).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  };
  const testId = (id: string) => page.getByTestId(id);
  let exportPath = '';

  beforeAll(() => {
    // Only this file's numbered shots: the folder is shared with other e2e files, which may be writing.
    mkdirSync(shots, { recursive: true });
    for (const f of readdirSync(shots)) if (/^\d\d-/.test(f)) rmSync(join(shots, f), { force: true });
  });
  useWebPage(
    lang,
    { name: 'e2e', faults: REJECTED_FAULTS, acceptDownloads: true },
    (o) => ({ web, page, work } = o),
  );

  it('walks from connection to the failed-rows file', { timeout: 240_000 }, async () => {
    // Connect
    await page.goto(web.urlWith({ lang }, 'connect'));
    await expect.poll(() => page.getByText(text.connectTitle).count()).toBeGreaterThan(0);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    await shot('connect');

    // Wrong credentials against the sandbox's own URL: the catalogue explains the errcode.
    const baseUrl = (await testId('connected-base-url').innerText()).trim();
    await page.getByText(text.customRegion).click();
    await testId('connect-base-url').fill(baseUrl);
    await testId('connect-app-key').fill('dingwrongkey');
    await testId('connect-app-secret').fill('not-the-secret');
    await testId('connect-test').click();
    await testId('connect-error').waitFor({ timeout: 20_000 });
    // dtload's own code ('credentials') is no DingTalk errcode: the meaning says it, without a raw code tag.
    expect(await testId('connect-error').getByTestId('errcode').count()).toBe(0);
    expect(await testId('connect-error').innerText()).not.toContain('credentials');
    expect(await page.locator('body').innerText()).not.toContain('not-the-secret');
    await shot('connect-error');

    await testId('connect-sandbox').click();
    await page.getByText(text.contactsTitle, { exact: true }).waitFor();
    await expect.poll(() => testId('contacts-count').innerText(), { timeout: 20_000 }).toContain('500');
    await testId('label-group').first().waitFor();
    // Each group says how many labels it holds (no colour codes: the swatch shows the colour).
    const counts = await testId('label-group-count').allInnerTexts();
    expect(counts).toHaveLength(8);
    expect(counts[0]).toBe(text.groupLabels(6));
    expect(await testId('label-groups').innerText()).not.toMatch(/#[0-9A-F]{6}/i);
    await shot('contacts');

    // Export every contact (a download), open it with exceljs: 500 rows.
    exportPath = join(work, 'contacts.xlsx');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      testId('export-xlsx').click(),
    ]);
    await download.saveAs(exportPath);
    const exported = await readSheet(exportPath);
    expect(exported.rows).toHaveLength(500);
    expect(columnOf(exported.headers, 'user_id')).toBeGreaterThanOrEqual(0);
    await shot('export-done');

    // The import template downloads too (xlsx with a header row).
    const templatePath = join(work, 'template.xlsx');
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      testId('download-template').click(),
    ]);
    await template.saveAs(templatePath);
    expect(columnOf((await readSheet(templatePath)).headers, 'user_id')).toBeGreaterThanOrEqual(0);

    // Import: the fixture is built from that export.
    const fixture = await makeImportFixture(exportPath, join(work, 'edited.xlsx'));
    await testId('nav-import').click();
    await page.getByText(text.importTitle).waitFor();
    await shot('import-file');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), testId('file-drop').click()]);
    await chooser.setFiles(fixture.path);
    await testId('sheet-preview').waitFor();
    await shot('import-sheet');

    await testId('sheet-next').click();
    await testId('mapping-table').waitFor();
    // The export's header is in the UI language; its target reads so too, with the key beside.
    const company = await testId(`map-${text.companyField}`).innerText();
    expect(company).toContain(text.companyField);
    expect(company).toContain('company_name');
    await shot('import-mapping');

    await testId('mapping-next').click();
    await testId('validate-summary').waitFor({ timeout: 60_000 });
    await expect.poll(() => testId('count-invalid').innerText()).toBe(String(fixture.invalid));
    await expect
      .poll(() => page.locator('[data-testid=plan-rows] .ant-table-row').count())
      .toBe(fixture.invalid);
    expect(await testId('plan-rows').innerText()).toContain(fixture.invalidUserId);
    expect(await testId('plan-rows').innerText()).toContain(text.unknownLabel);
    await shot('import-validate');

    await testId('validate-next').click();
    await testId('count-changed').waitFor();
    expect(await testId('count-changed').innerText()).toBe(String(fixture.updates));
    expect(await testId('count-unchanged').innerText()).toBe(String(fixture.unchanged));
    expect(await testId('count-invalid').innerText()).toBe(String(fixture.invalid));
    expect(await testId('count-all').innerText()).toBe(String(fixture.rows));
    await testId('label-chip').first().waitFor();
    await expect
      .poll(() => page.locator('[data-testid=label-chip][data-mark=added]').count())
      .toBeGreaterThan(0);
    expect(await testId('diff-apply').innerText()).toContain(
      text.diffApply(fixture.updates).replace(/\s+/g, ' '),
    );
    expect(await testId('plan-rows').innerText()).toContain(text.titleField);
    // A sheet's rows keep their numbers in the sheet (the report and the failed-rows file use them).
    expect(await testId('plan-rows').locator('.ant-table-thead th').first().innerText()).toBe(
      translator(lang)('common.row'),
    );
    expect(
      Number(
        await testId('plan-rows')
          .locator('.ant-table-row')
          .first()
          .locator('.ant-table-cell')
          .first()
          .innerText(),
      ),
    ).toBeGreaterThanOrEqual(2);
    await shot('import-diff');

    // Apply
    await testId('diff-apply').click();
    await testId('apply-confirm').click();
    // A quick job can finish before its progress is drawn: either screen proves the apply started.
    await page.locator('[data-testid=job-progress], [data-testid=job-report]').first().waitFor();
    await shot('import-apply');
    await testId('job-report').waitFor({ timeout: 120_000 });
    await expect.poll(() => testId('report-title').innerText()).toBe(text.reportFailed(1, fixture.updates));
    await testId('failed-rows').locator('.ant-table-row').first().waitFor();
    const failedRow = testId('failed-rows').locator('.ant-table-row').first();
    expect(await failedRow.innerText()).toContain(String(fixture.rejectedRow));
    expect(await failedRow.getByTestId('report-errcode').innerText()).toBe(String(fixture.rejectedErrcode));
    await shot('import-report');

    // Export the failed rows: the rows to fix and re-import, i.e. the refused row and the invalid one.
    const failedPath = join(work, 'failed.xlsx');
    const [failedDownload] = await Promise.all([
      page.waitForEvent('download'),
      testId('export-failed').click(),
    ]);
    await failedDownload.saveAs(failedPath);
    const failed = await readSheet(failedPath);
    const idCol = columnOf(failed.headers, 'user_id');
    expect(failed.rows.map((r) => r[idCol]).sort()).toEqual(
      [fixture.invalidUserId, fixture.rejectedUserId].sort(),
    );

    // The job is in the history.
    await testId('nav-jobs').click();
    await testId('jobs-table').locator('.ant-table-row').first().waitFor();
    await shot('jobs');
    // Its report opens in a drawer; Esc closes it.
    await page.locator('[data-testid^=job-open-]').first().click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByTestId('failed-rows').locator('.ant-table-row').first().waitFor();
    expect(await drawer.getByTestId('report-errcode').first().innerText()).toBe(
      String(fixture.rejectedErrcode),
    );
    await shot('job-report');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
  });

  it('deletes the contacts a sheet lists, after a typed confirmation', { timeout: 120_000 }, async () => {
    expect(exportPath).not.toBe('');
    const sheetPath = join(work, 'to-delete.xlsx');
    const userIds = await makeDeleteSheet(exportPath, sheetPath, 3);

    await testId('nav-delete').click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      testId('delete-file-drop').click(),
    ]);
    await chooser.setFiles(sheetPath);
    await testId('delete-start').waitFor({ timeout: 30_000 });
    expect(await testId('delete-start').innerText()).toContain(text.deleteButton(3));
    await expect.poll(() => testId('plan-rows').locator('.ant-table-row').count()).toBe(3);
    expect(await testId('plan-rows').innerText()).toContain(userIds[0]!);
    await shot('delete-list');

    await testId('delete-start').click();
    const ok = testId('delete-confirm-ok');
    await expect.poll(() => ok.isDisabled()).toBe(true);
    await testId('delete-confirm-input').fill('2');
    expect(await ok.isDisabled()).toBe(true);
    await testId('delete-confirm-input').fill('3');
    await shot('delete-confirm');
    await testId('delete-confirm-input').press('Enter');

    await testId('delete-backup').waitFor();
    await testId('job-report').waitFor({ timeout: 60_000 });
    await expect.poll(() => testId('report-title').innerText()).toBe(text.reportOk(3));
    expect(await testId('delete-again').innerText()).toBe(text.deleteAgain);
    await shot('delete-report');

    await testId('nav-contacts').click();
    await expect.poll(() => testId('contacts-count').innerText(), { timeout: 20_000 }).toContain('497');
  });

  // Timing-bound and language-independent: once (English) keeps the suite fast.
  it.runIf(lang === 'en')(
    'pauses and resumes an apply at a slow sending speed',
    { timeout: 120_000 },
    async () => {
      const sheetPath = join(work, 'pause.xlsx');
      await makeTitleEdits(exportPath, sheetPath, 100, 20);

      // 5 calls per second: 20 updates take ~4 s, time enough to pause.
      await testId('nav-connect').click();
      await testId('settings-max-qps').fill('5');
      await testId('settings-max-qps').press('Enter');
      await page.getByText(text.speedSaved(5)).waitFor();

      await testId('nav-import').click();
      if (await testId('new-import').count()) await testId('new-import').click();
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), testId('file-drop').click()]);
      await chooser.setFiles(sheetPath);
      await testId('sheet-next').click();
      await testId('mapping-next').click();
      await testId('validate-next').click();
      await expect.poll(() => testId('count-changed').innerText()).toBe('20');
      // Two clicks on Apply before anything repaints (a double Enter) open one confirmation, not two.
      // (A string: the Node side has no DOM types.)
      await page.evaluate(
        `(() => { const b = document.querySelector('[data-testid=diff-apply]'); b.click(); b.click(); })()`,
      );
      // Reduced motion: the confirmation opens in place, so the click below lands on a button at rest.
      await testId('apply-confirm').waitFor();
      expect(await page.locator('[data-testid=apply-confirm]').count()).toBe(1);
      expect(await page.locator('.ant-modal').last().getAttribute('class')).not.toMatch(/zoom/);
      await testId('apply-confirm').click();

      await testId('job-pause').click();
      await expect.poll(() => testId('job-state').innerText(), { timeout: 20_000 }).toBe(text.paused);
      await testId('job-paused-note').waitFor();
      // Paused means paused: the rows already on their way finish, then the count stops.
      const doneCount = async () => Number(/(\d+)\s*\//.exec(await testId('job-done').innerText())?.[1]);
      let settled = -1;
      await expect
        .poll(
          async () => {
            const before = await doneCount();
            await page.waitForTimeout(1200);
            const after = await doneCount();
            settled = after;
            return before === after;
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      expect(settled).toBeLessThan(20);
      await page.waitForTimeout(1500);
      expect(await doneCount()).toBe(settled);
      await shot('apply-paused');

      await testId('job-resume').click();
      await testId('job-report').waitFor({ timeout: 60_000 });
      await expect.poll(() => testId('report-title').innerText()).toBe(text.reportOk(20));

      await testId('nav-connect').click();
      await testId('settings-max-qps').fill('20');
      await testId('settings-max-qps').press('Enter');
    },
  );

  // Language-independent: once (English).
  it.runIf(lang === 'en')('walks the import wizard by keyboard alone', { timeout: 60_000 }, async () => {
    const sheetPath = join(work, 'keyboard.xlsx');
    await makeTitleEdits(exportPath, sheetPath, 300, 5);
    await testId('nav-import').click();
    if (await testId('new-import').count()) await testId('new-import').click();
    const focusedTestId = () =>
      page
        .locator(':focus')
        .evaluateAll((els) => els[0]?.closest('[data-testid]')?.getAttribute('data-testid') ?? '');
    /** Tab (never the mouse) until the element with this test id has focus; how many presses it took. */
    const tabsTo = async (id: string): Promise<number> => {
      for (let i = 1; i <= 60; i++) {
        await page.keyboard.press('Tab');
        if ((await focusedTestId()) === id) return i;
      }
      throw new Error(`Tab never reached ${id}`);
    };

    await tabsTo('file-drop');
    // Playwright turns on file-chooser interception asynchronously; a key press (unlike click) can beat it.
    const choosing = page.waitForEvent('filechooser');
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter');
    const chooser = await choosing;
    await chooser.setFiles(sheetPath);
    await testId('sheet-preview').waitFor();
    // Focus moved into the new step: Next is a few stops away, not behind the side menu.
    expect(await tabsTo('sheet-next')).toBeLessThan(7);
    await page.keyboard.press('Enter');
    await testId('mapping-table').waitFor();
    await tabsTo('mapping-next');
    await page.keyboard.press('Enter');
    await testId('validate-summary').waitFor({ timeout: 60_000 });
    expect(await tabsTo('validate-next')).toBeLessThan(7);
    await page.keyboard.press('Enter');
    await expect.poll(() => testId('count-changed').innerText()).toBe('5');
    await tabsTo('diff-apply');
    // The confirmation opens on Enter, Esc closes it, Enter again and Enter on its focused OK applies.
    await page.keyboard.press('Enter');
    await expect.poll(focusedTestId).toBe('apply-confirm');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
    await expect.poll(focusedTestId).toBe('diff-apply');
    await page.keyboard.press('Enter');
    await expect.poll(focusedTestId).toBe('apply-confirm');
    await page.keyboard.press('Enter');
    await testId('job-report').waitFor({ timeout: 60_000 });
    await expect.poll(() => testId('report-title').innerText()).toBe(text.reportOk(5));
    expect(await tabsTo('new-import')).toBeLessThan(4);
    // The side menu collapses from the keyboard too.
    await page.getByTestId('sider-toggle').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.ant-layout-sider').evaluate((e) => e.getBoundingClientRect().width))
      .toBeLessThan(100);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.ant-layout-sider').evaluate((e) => e.getBoundingClientRect().width))
      .toBeGreaterThan(200);
    // The collapsed menu's tooltips stay in the page (a second nav-* test id): start the next test clean.
    await page.reload();
    await testId('nav-import').waitFor();
  });

  it.runIf(lang === 'en')(
    'pages a 100,000-row plan through a virtual table',
    { timeout: 120_000 },
    async () => {
      const csvPath = join(work, 'big.csv');
      await makeBigCsv(exportPath, csvPath, 100_000);

      await testId('nav-import').click();
      if (await testId('new-import').count()) await testId('new-import').click();
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), testId('file-drop').click()]);
      await chooser.setFiles(csvPath);
      await testId('sheet-next').click({ timeout: 60_000 });
      await testId('mapping-next').click();
      await testId('validate-summary').waitFor({ timeout: 60_000 });
      expect(await testId('count-all').innerText()).toBe('100,000');
      await testId('validate-next').click();
      await testId('filter-all').click();

      // 500 rows a page, and only the visible ones are in the DOM.
      await page.locator('.ant-pagination-options .ant-select').click();
      await page.locator('.ant-select-dropdown:visible').getByText('500', { exact: false }).click();
      await expect
        .poll(() => page.locator('[data-testid=plan-rows] .ant-table-row').count())
        .toBeGreaterThan(5);
      expect(await page.locator('[data-testid=plan-rows] .ant-table-row').count()).toBeLessThan(60);

      // Jump to the last page: the sheet's last row (100,001) shows quickly.
      const started = Date.now();
      const jumper = page.locator('.ant-pagination-options-quick-jumper input');
      await jumper.fill('200');
      await jumper.press('Enter');
      await page
        .locator('[data-testid=plan-rows] .ant-table-row')
        .first()
        .getByText('99502', { exact: true })
        .waitFor();
      expect(Date.now() - started).toBeLessThan(5000);
      // Still virtual on the last page: a few dozen rows in the DOM, not 500.
      expect(await page.locator('[data-testid=plan-rows] .ant-table-row').count()).toBeLessThan(60);
      await shot('plan-100k');
    },
  );

  it.runIf(lang === 'en')('offers to resume a job a restart interrupted', { timeout: 120_000 }, async () => {
    const dataDir = join(work, 'restart-data');
    const sheetPath = join(work, 'restart.xlsx');
    await makeTitleEdits(exportPath, sheetPath, 200, 12);
    const context = page.context();
    let first: RunningWeb | undefined = await startSandboxWeb(dataDir);
    let second: RunningWeb | undefined;
    const p = await context.newPage();
    const id = (x: string) => p.getByTestId(x);
    try {
      await p.goto(first.urlWith({ lang }, 'connect'));
      await id('settings-max-qps').fill('4');
      await id('settings-max-qps').press('Enter');
      await p.getByText(text.speedSaved(4)).waitFor();
      await id('nav-import').click();
      const [chooser] = await Promise.all([p.waitForEvent('filechooser'), id('file-drop').click()]);
      await chooser.setFiles(sheetPath);
      await id('sheet-next').click();
      await id('mapping-next').click();
      await id('validate-next').click();
      await id('diff-apply').click();
      await id('apply-confirm').click();
      await expect.poll(() => id('job-done').innerText(), { timeout: 20_000 }).toMatch(/^\D*[1-9]\d*\s*\//);

      // dtload stops mid-job, then starts again on the same data folder.
      await first.close();
      first = undefined;
      second = await startSandboxWeb(dataDir);
      await p.goto(second.urlWith({ lang }));
      await id('interrupted-resume').waitFor({ timeout: 20_000 });
      await p.waitForTimeout(600); // the dialog's entrance animation
      await p.screenshot({ path: join(shots, '19-interrupted-prompt.png') });
      await id('interrupted-resume').click();
      await id('jobs-table').waitFor();
      await expect
        .poll(() => id('jobs-table').locator('.ant-table-row').first().innerText(), { timeout: 60_000 })
        .toContain(text.finished);
      expect(await id('jobs-table').locator('.ant-table-row').first().innerText()).toMatch(/12/);
    } finally {
      await p.close();
      await first?.close();
      await second?.close();
    }
  });
});
