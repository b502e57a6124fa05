// 交接客户 / Hand over contacts in the browser (web mode, sandbox organisation over loopback HTTP), in
// English and in Chinese: the staff picker tells the two 张伟 apart by department, the dry-run diff names
// people, the apply runs as a job, and the sandbox ends with nobody owning contacts for 张伟（华北销售）.
// Screenshots go to test-results/screenshots/<lang>/handover-*.png.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSandboxState, sandboxStatePath } from '../../electron/core/sandbox';
import { useWebPage } from './web-page';
import type { RunningWeb } from './server';

const ROOT = resolve(__dirname, '../..');

const CASES = [
  { lang: 'en', open: 'Hand over contacts', apply: /Apply \d+ changes/, dirRead: 'Directory read' },
  { lang: 'zh-CN', open: '交接客户', apply: /执行 \d+ 项修改/, dirRead: '通讯录' },
] as const;

describe.each(CASES)('hand over contacts in the browser ($lang)', ({ lang, open, apply, dirRead }) => {
  let work: string;
  let web: RunningWeb;
  let page: Page;
  const shots = join(ROOT, 'test-results', 'screenshots', lang);
  const shot = async (name: string) => {
    await page.waitForTimeout(200); // antd's enter animations
    await page.screenshot({ path: join(shots, `handover-${name}.png`), fullPage: true });
  };
  const testId = (id: string) => page.getByTestId(id);

  /** Types into a staff picker and picks the option whose line contains `pick`. */
  const choose = async (picker: string, text: string, pick: string) => {
    await testId(picker).click();
    await page.keyboard.type(text);
    const offered = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    const option = offered.filter({ hasText: pick });
    await option.first().waitFor({ timeout: 20_000 });
    // Only the answer for what was typed is offered: no older list that it would replace mid-click.
    expect((await offered.allInnerTexts()).filter((line) => !line.includes(text))).toEqual([]);
    await option.first().click();
  };

  beforeAll(() => void mkdirSync(shots, { recursive: true }));
  useWebPage(lang, { name: 'handover' }, (o) => ({ work, web, page } = o));

  it(
    'hands 张伟（华北销售）’s contacts to 李娜 through the dry run and a job',
    { timeout: 180_000 },
    async () => {
      await page.goto(web.urlWith({ lang }, 'connect'));
      await testId('connect-sandbox').click();
      await testId('contacts-count').waitFor({ timeout: 30_000 });
      await page.evaluate('window.location.hash = "/workspace"');
      await expect.poll(() => testId('ws-handover').isEnabled(), { timeout: 60_000 }).toBe(true);

      expect(await testId('ws-handover').innerText()).toContain(open);
      await testId('ws-handover').click();
      await testId('handover-from').waitFor();
      // Two 张伟: the picker shows each with their department.
      await testId('handover-from').click();
      await page.keyboard.type('张伟');
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await expect.poll(() => options.count(), { timeout: 20_000 }).toBe(2);
      const lines = await options.allInnerTexts();
      expect(lines.join('\n')).toContain('华北销售');
      expect(lines.join('\n')).toContain('销售部');
      await shot('1-picker');
      await options.filter({ hasText: '华北销售' }).first().click();
      await choose('handover-to', '李娜', '李娜');
      await testId('handover-summary').waitFor();
      expect(await testId('handover-summary').innerText()).toContain('张伟（华北销售）');
      await shot('2-dialog');

      await testId('handover-plan').click();
      await testId('ws-plan').waitFor({ timeout: 60_000 });
      await testId('ws-plan-apply').waitFor();
      const drawer = await testId('ws-plan').innerText();
      expect(drawer).toContain('张伟（华北销售）');
      expect(drawer).toContain('李娜');
      expect(drawer).not.toContain('zhangwei01');
      expect(await testId('ws-plan-apply').innerText()).toMatch(apply);
      await shot('3-diff');

      await testId('ws-plan-apply').click();
      await testId('job-report').waitFor({ timeout: 90_000 });
      await shot('4-done');

      // The sandbox (saved to the data dir about every second) no longer has contacts owned by zhangwei01.
      await expect
        .poll(
          async () =>
            (await loadSandboxState(sandboxStatePath(join(work, 'data'))))?.contacts.filter(
              (c) => c.follower_user_id === 'zhangwei01',
            ).length,
          { timeout: 20_000 },
        )
        .toBe(0);

      // The directory's age and its refresh.
      await page.keyboard.press('Escape');
      expect(await testId('dir-age').innerText()).toContain(dirRead);
      await testId('dir-refresh').click();
      await shot('5-workspace');

      // A contact's details name its owner and sharing (never a bare userid or department id).
      await testId('ws-row').first().click();
      await testId('detail-owner').waitFor({ timeout: 20_000 });
      const isId = /^[a-z0-9_]+$|^\d+$/;
      expect(await testId('detail-owner').innerText()).not.toMatch(isId);
      for (const tag of await page.locator('[data-testid^="detail-share-"]').allInnerTexts())
        expect(tag).not.toMatch(isId);
      await shot('6-detail');
    },
  );
});
