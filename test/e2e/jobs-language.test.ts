// The jobs list in the admin's language from the first look: a fresh data dir (no language saved) opened in
// Chinese explains a damaged job in Chinese, and switching to English words it again in English. The screens
// wait until the backend knows the UI language (their first fetch used to reach it first).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { createJobFiles } from '../../electron/core/engine/journal';
import { startSandbox } from '../../electron/core/sandbox';
import { translator } from '../../shared/i18n';
import { buildPlan, testMeta } from '../engine/fixtures/plans';
import type { RunningWeb } from './server';
import { useWebPage } from './web-page';

const ROOT = resolve(__dirname, '../..');
const JOB = '20260101-000000-0002';
let web: RunningWeb;
let page: Page;

useWebPage(
  'zh-CN',
  {
    name: 'jobs-lang',
    prepare: async (dataDir) => {
      const org = await startSandbox({ listen: false, contacts: 5 });
      const plan = buildPlan(org.contacts(), { updates: 2, tag: 'l' });
      await createJobFiles(dataDir, JOB, testMeta('d.xlsx'), plan);
      await org.close();
      writeFileSync(join(dataDir, 'jobs', JOB, 'plan.ndjson'), 'xx\n');
    },
  },
  (o) => ({ web, page } = o),
);

it('explains a damaged job in Chinese on the first look, and in English after the switch', async () => {
  await page.goto(web.urlWith({ lang: 'zh-CN' }, 'jobs'));
  const tag = page.getByTestId(`job-damaged-${JOB}`);
  await tag.waitFor({ timeout: 30_000 });
  const tip = async (): Promise<string> => {
    await page.mouse.move(0, 0);
    await tag.hover();
    const t = page.getByRole('tooltip').last();
    await t.waitFor({ timeout: 10_000 });
    return t.innerText();
  };
  const text = await tip();
  expect(text).toContain(translator('zh-CN')('jobs.damaged', { reason: 'plan.ndjson' }).split('plan')[0]!);
  expect(text).toContain('plan.ndjson 第 1 行不是 JSON');
  expect(text).not.toMatch(/is not JSON|plan it again/);
  mkdirSync(join(ROOT, 'test-results', 'screenshots', 'zh-CN'), { recursive: true });
  await page.screenshot({ path: join(ROOT, 'test-results', 'screenshots', 'zh-CN', 'jobs-damaged.png') });

  await page.getByTestId('lang-switch').getByText('English').click();
  await expect.poll(tip, { timeout: 15_000 }).toContain('is not JSON');
  mkdirSync(join(ROOT, 'test-results', 'screenshots', 'en'), { recursive: true });
  await page.screenshot({ path: join(ROOT, 'test-results', 'screenshots', 'en', 'jobs-damaged.png') });
});
