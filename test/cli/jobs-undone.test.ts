// Which job undid a job, the same wherever a job is shown: `dtload jobs` (table in English and Chinese,
// `--json` with an added `undoneBy`) and the core's single-job view the app's getJob is built on. The
// DingTalk side is the sandbox organisation over loopback HTTP (--sandbox, kept in the data dir).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { jobView } from '../../electron/core/jobs';
import { loadSandboxState, sandboxStatePath } from '../../electron/core/sandbox';
import { runCli } from './run-cli';

it('shows the undo that put a job back, in jobs, jobs --json and the single-job view', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dtload-jobs-undone-'));
  const sb = ['--sandbox', '--data-dir', dir, '--max-qps', '200'];
  const lastJson = (out: string) => JSON.parse(out.trim().split('\n').at(-1)!) as { jobId: string };
  expect((await runCli([...sb, 'labels'])).code).toBe(0);
  const [a] = (await loadSandboxState(sandboxStatePath(dir)))!.contacts;
  const sheet = join(dir, 'edit.csv');
  await writeFile(sheet, `user_id,remark\n${a!.userid},undone later\n`);
  const imp = await runCli([...sb, 'import', sheet, '--apply', '--json']);
  expect(imp.code, imp.err).toBe(0);
  const jobId = lastJson(imp.out).jobId;
  const undo = await runCli([...sb, 'undo', jobId, '--apply', '--json']);
  expect(undo.code, undo.err).toBe(0);
  const undoId = lastJson(undo.out).jobId;

  const listed = JSON.parse((await runCli([...sb, 'jobs', '--json'])).out) as Array<Record<string, unknown>>;
  expect(listed.find((j) => j.jobId === jobId)).toMatchObject({ state: 'finished', undoneBy: undoId });
  expect(listed.find((j) => j.jobId === undoId)).not.toHaveProperty('undoneBy');
  expect((await jobView(dir, jobId)).undoneBy).toBe(undoId);
  expect((await jobView(dir, undoId)).undoneBy).toBeUndefined();

  const en = await runCli([...sb, 'jobs', '--lang', 'en']);
  expect(en.out).toMatch(new RegExp(`^${jobId}\\s+import\\s+undone by ${undoId}\\s`, 'm'));
  expect(en.out).toMatch(new RegExp(`^${undoId}\\s+undo\\s+finished\\s`, 'm'));
  const zh = await runCli([...sb, 'jobs', '--lang', 'zh-CN']);
  expect(zh.out).toMatch(new RegExp(`^${jobId}\\s+\\S+\\s+已由 ${undoId} 撤销\\s`, 'm'));
  expect(zh.out).toMatch(new RegExp(`^${undoId}\\s+\\S+\\s+已完成\\s`, 'm'));
}, 60_000);
