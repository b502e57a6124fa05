// A damaged job is explained in the admin's language wherever it is shown (`dtload jobs`, `resume`, `undo`),
// while `dtload jobs --json` keeps the English a script reads.
import { appendFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listJobViews } from '../../electron/core/jobs';
import { createJobFiles } from '../../electron/core/engine/journal';
import { startSandbox, type Sandbox } from '../../electron/core/sandbox';
import { runCli } from '../cli/run-cli';
import { buildPlan, testMeta } from '../engine/fixtures/plans';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, contacts: 10 });
});
afterAll(() => sandbox.close());

it('says why a job is damaged and what to do in zh-CN, and keeps English in --json', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'dtload-damaged-lang-'));
  const plan = buildPlan(sandbox.contacts(), { updates: 2, tag: 'dmg' });
  const badLines = '20260101-000000-0001';
  const badPlan = '20260101-000000-0002';
  for (const id of [badLines, badPlan]) await createJobFiles(dataDir, id, testMeta('d.xlsx'), plan);
  await appendFile(join(dataDir, 'jobs', badLines, 'journal.ndjson'), 'null\n');
  await writeFile(join(dataDir, 'jobs', badPlan, 'plan.ndjson'), 'xx\n');
  const env = { DTLOAD_APP_KEY: sandbox.appKey, DTLOAD_APP_SECRET: sandbox.appSecret, DTLOAD_LANG: 'zh-CN' };
  const common = ['--base-url', sandbox.baseUrl, '--data-dir', dataDir];

  const listed = await runCli([...common, 'jobs'], env);
  expect(listed.out).toContain(
    `${badPlan} 已损坏（计划：plan.ndjson 第 1 行不是 JSON）：请从源文件（d.xlsx）重新生成计划`,
  );
  expect(listed.out).toContain(
    `${badLines} 已损坏（任务日志：journal.ndjson 中有 1 行无法读取）：从最后一条完好的记录继续`,
  );
  expect(listed.out).not.toMatch(/plan it again|last good record|unreadable|is not JSON/);

  const resumed = await runCli([...common, 'resume', badPlan], env);
  expect(resumed.code).toBe(2);
  expect(resumed.err).toBe(
    `dtload: 任务 ${badPlan}：其计划已损坏（plan.ndjson 第 1 行不是 JSON）：无法继续；请从源文件重新生成计划（见 \`dtload jobs\`）\n`,
  );
  const undone = await runCli([...common, 'undo', badPlan], env);
  expect(undone.code).toBe(2);
  expect(undone.err).toBe(`dtload: 任务 ${badPlan} 无法撤销：其计划已损坏（plan.ndjson 第 1 行不是 JSON）\n`);

  const json = JSON.parse((await runCli([...common, 'jobs', '--json'], env)).out) as Array<{
    damage?: { reason: string; advice: string };
  }>;
  expect(json.map((j) => j.damage?.reason)).toEqual([
    'plan: line 1 of plan.ndjson is not JSON',
    'journal: 1 unreadable line(s) in journal.ndjson',
  ]);
  expect(json[0]!.damage!.advice).toBe(
    'plan it again from the source file (d.xlsx): a dry run shows what is still to do (rows already written show as unchanged)',
  );
  // The app's jobs list is the same service, in the UI's language.
  const views = await listJobViews(dataDir, 'zh-CN');
  expect(views[1]!.damage!.advice).toContain(`\`dtload resume ${badLines}\``);
  expect(views[1]!.damage!.advice).toMatch(/^从最后一条完好的记录继续/);
});
