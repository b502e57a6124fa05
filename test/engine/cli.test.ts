// `dtload jobs` and `dtload resume` against the sandbox over HTTP, registered on a program with the same
// global options as the real one.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createDingTalkClient } from '../../electron/core/dingtalk';
import { startJob } from '../../electron/core/engine';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox';
import { runCli } from '../cli/run-cli';
import { buildPlan, testMeta } from './fixtures/plans';

let sandbox: SandboxHandle | undefined;
afterEach(async () => {
  await sandbox?.close();
});

const run = runCli;

it('lists jobs and resumes one stopped by a job-fatal error', async () => {
  sandbox = await startSandbox({ contacts: 100, faults: { monthlyQuota: 20 } });
  const client = createDingTalkClient({
    baseUrl: sandbox.baseUrl,
    appKey: sandbox.appKey,
    appSecret: sandbox.appSecret,
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'dtload-cli-'));
  const plan = buildPlan(sandbox.contacts(), { updates: 60 });
  const first = await startJob({ client, dataDir, plan, meta: testMeta('contacts.xlsx'), concurrency: 2 })
    .done;
  expect(first.fatal?.errcode).toBe(90020);

  const env = { DTLOAD_APP_KEY: sandbox.appKey, DTLOAD_APP_SECRET: sandbox.appSecret };
  const common = ['--data-dir', dataDir, '--base-url', sandbox.baseUrl];
  const listed = await run([...common, 'jobs', '--json'], env);
  expect(listed.code).toBe(0);
  const jobs = JSON.parse(listed.out) as Array<{ jobId: string; state: string; notSent: number }>;
  expect(jobs).toHaveLength(1);
  expect(jobs[0]).toMatchObject({ jobId: first.jobId, state: 'stopped', notSent: first.summary.skipped });

  const human = await run([...common, 'jobs'], env);
  expect(human.out).toContain(first.jobId);
  expect(human.out).toContain('90020');

  // Still over quota: the resume stops again, exit 3.
  const again = await run([...common, 'resume', first.jobId, '--json'], env);
  expect(again.code).toBe(3);

  sandbox.setFaults({});
  const resumed = await run([...common, '--max-qps', '50', 'resume', first.jobId, '--json'], env);
  expect(resumed.code).toBe(0);
  const lines = resumed.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines.at(-1)).toMatchObject({
    event: 'summary',
    state: 'finished',
    summary: { total: 60, rows: 60, update: 60, ok: 60, failed: 0, notSent: 0 },
  });
  expect(lines.some((l) => l.event === 'progress')).toBe(true);
  expect(resumed.out + resumed.err).not.toContain(sandbox.appSecret);
  for (const op of plan) {
    if (op.kind === 'update') expect(sandbox.getContactById(op.userId)?.title).toBe(op.body.title);
  }

  const missing = await run([...common, 'resume', '20990101-000000-zzzz'], env);
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/no job/);
});
