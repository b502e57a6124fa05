// The jobs screen's Undo in the browser (web mode, sandbox), in English and in Chinese: the Undo button on
// finished jobs, the undo's diff with a contact changed since the job shown as a conflict, "restore them
// anyway", the apply and the undo job's report; the undo of a delete's undo asks for the typed count.
// Screenshots go to test-results/screenshots/<lang>/undo-NN-step.png.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RENDERER_DIR } from '../../electron/web/server';
import { startHarness, type Harness } from '../web/helpers';
import { launchChromium, newE2EContext } from './browser';

const ROOT = resolve(__dirname, '../..');

const CASES = [
  {
    lang: 'en',
    undo: 'Undo',
    conflicts: 'Changed after the job: 1 contact.',
    force: 'Restore them anyway',
    apply: (n: number) => `Undo: send ${n} change`,
    finished: (n: number) => `All ${n} rows were applied.`,
    undone: 'Undone',
  },
  {
    lang: 'zh-CN',
    undo: '撤销',
    conflicts: '有 1 个联系人在该任务之后被修改过',
    force: '仍然恢复',
    apply: (n: number) => `撤销：发送 ${n} 项修改`,
    finished: (n: number) => `全部 ${n} 行已成功执行。`,
    undone: '已撤销',
  },
] as const;

describe.each(CASES)('undo on the jobs screen in $lang', (c) => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  const shots = join(ROOT, 'test-results', 'screenshots', c.lang);
  let n = 0;
  const shot = async (name: string) => {
    await page.waitForTimeout(300); // antd's enter animations
    await page.screenshot({ path: join(shots, `undo-${String(++n).padStart(2, '0')}-${name}.png`) });
  };
  const finished = async (jobId: string) => h.waitFor('job:finished', (f) => f.jobId === jobId);

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    h = await startHarness({ rendererDir: DEFAULT_RENDERER_DIR });
    await h.api.updateSettings({ language: c.lang });
    await h.api.connectSandbox();
    await h.api.refreshContactIndex();
    browser = await launchChromium(c.lang);
    const context = await newE2EContext(browser, { viewport: { width: 1280, height: 800 }, locale: c.lang });
    page = await context.newPage();
    page.on('pageerror', (e) => console.error(`[${c.lang}] page error:`, e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it(
    'undoes a bulk edit from the jobs screen, a conflict shown until forced',
    { timeout: 120_000 },
    async () => {
      const some = await h.api.queryContacts({ query: '', offset: 0, limit: 3 });
      const ids = some.items.map((x) => x.userid);
      const plan = await h.api.planContactEdit({
        selection: { userIds: ids },
        action: { set: { remark: 'Q4 campaign' }, addLabels: ['Core'] },
      });
      const { jobId } = await h.api.applyPlan({ planId: plan.planId });
      await finished(jobId);
      // Someone changes one of them afterwards.
      const later = await h.api.planContactEdit({
        selection: { userIds: [ids[0]!] },
        action: { set: { remark: 'called back' } },
      });
      const laterJob = (await h.api.applyPlan({ planId: later.planId })).jobId;
      await finished(laterJob);

      const url = new URL(h.server.url);
      url.searchParams.set('lang', c.lang);
      url.hash = '/jobs';
      await page.goto(url.toString());
      const undoButton = page.getByTestId(`job-undo-${jobId}`);
      await undoButton.waitFor();
      expect(await undoButton.textContent()).toBe(c.undo);
      await shot('jobs-screen');

      await undoButton.click();
      const drawer = page.getByTestId('undo-drawer');
      await drawer.getByTestId('undo-conflicts').waitFor();
      expect(await drawer.getByTestId('undo-conflicts').textContent()).toContain(c.conflicts);
      expect(await drawer.getByTestId('undo-apply').textContent()).toContain(c.apply(2));
      await shot('undo-diff');

      await drawer.getByTestId('undo-force').click();
      await expect
        .poll(() => drawer.getByTestId('undo-apply').textContent(), { timeout: 15_000 })
        .toContain(c.apply(3));
      expect(await drawer.getByTestId('undo-conflicts').textContent()).toContain(c.force);
      await shot('undo-diff-forced');

      await drawer.getByTestId('undo-apply').click();
      await drawer.getByTestId('report-title').waitFor({ timeout: 30_000 });
      expect(await drawer.getByTestId('report-title').textContent()).toBe(c.finished(3));
      await shot('undo-report');
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });
      const jobs = await h.api.listJobs();
      expect(jobs[0]).toMatchObject({ kind: 'undo', state: 'finished', ok: 3 });
      // The job it undid says so, and offers no second undo; the later edit, not undone, still does.
      expect(jobs.find((j) => j.jobId === jobId)?.undoneBy).toBe(jobs[0]!.jobId);
      const undone = page.getByTestId(`job-undone-${jobId}`);
      await undone.waitFor({ timeout: 15_000 });
      expect(await undone.textContent()).toBe(c.undone);
      expect(await page.getByTestId(`job-undo-${jobId}`).count()).toBe(0);
      expect(await page.getByTestId(`job-undo-${laterJob}`).count()).toBe(1);
      await shot('jobs-undone');
      for (const id of ids) {
        const now = (await h.api.getContactDetail({ userid: id })).contact;
        const was = some.items.find((x) => x.userid === id)!;
        expect(now.remark ?? '').toBe(was.remark ?? '');
        expect([...now.labels].sort()).toEqual([...was.labels].sort());
      }
    },
  );

  it('the undo of an undo that deletes contacts asks for the typed count', { timeout: 120_000 }, async () => {
    const some = await h.api.queryContacts({ query: '', offset: 10, limit: 2 });
    const del = await h.api.planContactEdit({
      selection: { userIds: some.items.map((x) => x.userid) },
      action: { delete: true },
    });
    const d = await h.api.applyDelete({ planId: del.planId, confirmCount: 2 });
    await finished(d.jobId);
    const back = await h.api.planUndo({ jobId: d.jobId });
    const u = await h.api.applyUndo({ planId: back.planId, confirmCount: 0 });
    await finished(u.jobId);

    await page.getByRole('button', { name: /Refresh|刷新/ }).click();
    await page.getByTestId(`job-undo-${u.jobId}`).click();
    const drawer = page.getByTestId('undo-drawer');
    await drawer.getByTestId('undo-apply').waitFor();
    await shot('undo-of-undo-diff');
    await drawer.getByTestId('undo-apply').click();
    await page.getByTestId('delete-confirm-input').fill('2');
    await shot('undo-typed-confirm');
    await page.getByTestId('delete-confirm-ok').click();
    await drawer.getByTestId('report-title').waitFor({ timeout: 30_000 });
    expect(await drawer.getByTestId('report-title').textContent()).toBe(c.finished(2));
  });
});
