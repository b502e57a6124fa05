// Jobs that cannot be read are listed, not hidden; the job lock is exclusive and refreshed; resume keeps to
// the job's organisation; an internal error has its own exit code.
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDingTalkClient } from '../../electron/core/dingtalk';
import { listJobs, readJob, startJob } from '../../electron/core/engine';
import { acquireLock, createJobFiles, JobLockedError, removeLock } from '../../electron/core/engine/journal';
import { startSandbox, type Sandbox } from '../../electron/core/sandbox';
import { createBackend } from '../../electron/core/app';
import { memorySecretStore } from '../../electron/core/app/secret-store';
import { runCli } from '../cli/run-cli';
import { buildPlan, testMeta } from '../engine/fixtures/plans';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, contacts: 40 });
});
afterAll(() => sandbox.close());

const env = (): NodeJS.ProcessEnv => ({
  DTLOAD_APP_KEY: sandbox.appKey,
  DTLOAD_APP_SECRET: sandbox.appSecret,
});
const client = () =>
  createDingTalkClient({ baseUrl: sandbox.baseUrl, appKey: sandbox.appKey, appSecret: sandbox.appSecret });

describe('damaged jobs', () => {
  it('are listed as damaged with what can be done, and one with a readable plan resumes', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dtload-damaged-'));
    const plan = buildPlan(sandbox.contacts(), { updates: 4, tag: 'dmg' });
    const nullLine = '20260101-000000-0001';
    const badHeader = '20260101-000000-0002';
    const noPlan = '20260101-000000-0003';
    for (const id of [nullLine, badHeader, noPlan])
      await createJobFiles(dataDir, id, testMeta('d.xlsx'), plan);
    const journal = (id: string): string => join(dataDir, 'jobs', id, 'journal.ndjson');
    await appendFile(journal(nullLine), 'null\n');
    await writeFile(journal(badHeader), '{"t":"header",\n');
    await rm(join(dataDir, 'jobs', noPlan, 'plan.ndjson'));

    const common = ['--base-url', sandbox.baseUrl, '--data-dir', dataDir];
    const listed = await runCli([...common, 'jobs', '--json'], env());
    expect(listed.code).toBe(0);
    const jobs = JSON.parse(listed.out) as Array<{
      jobId: string;
      state: string;
      damage?: { reason: string; resumable: boolean; advice: string };
    }>;
    expect(jobs.map((j) => [j.jobId, j.state, j.damage?.resumable])).toEqual([
      [noPlan, 'damaged', false],
      [badHeader, 'damaged', true],
      [nullLine, 'damaged', true],
    ]);
    expect(jobs[0]!.damage!.advice).toMatch(/plan it again/);
    expect(jobs[2]!.damage!.reason).toMatch(/unreadable line/);
    expect(jobs[2]!.damage!.advice).toMatch(/dtload resume/);
    const human = await runCli([...common, 'jobs'], env());
    expect(human.out).toContain(`${noPlan} is damaged`);

    // The job with a `null` line resumes; the rows it has no record of are checked, then sent once.
    const resumed = await runCli([...common, 'resume', nullLine, '--json'], env());
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.out.trim().split('\n').at(-1)!)).toMatchObject({ state: 'finished' });
    for (const op of plan) {
      if (op.kind === 'update') expect(sandbox.getContactById(op.userId)!.title).toBe(op.body.title);
    }
    // One without a readable header resumes from its plan.
    const repaired = await runCli([...common, 'resume', badHeader, '--json'], env());
    expect(repaired.code).toBe(0);
    expect(JSON.parse(repaired.out.trim().split('\n').at(-1)!)).toMatchObject({
      state: 'finished',
      summary: { rows: 4, update: 4, ok: 4 },
    });
    // One whose plan is gone cannot be resumed: one line, exit 2.
    const refused = await runCli([...common, 'resume', noPlan], env());
    expect(refused.code).toBe(2);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(refused.err).toMatch(/damaged/);
  });
});

describe('the job lock', () => {
  it('is taken by one of two at once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dtload-lock-'));
    const id = '20260101-000000-0004';
    await createJobFiles(dataDir, id, testMeta(), []);
    const tries = await Promise.allSettled([acquireLock(dataDir, id), acquireLock(dataDir, id)]);
    expect(tries.filter((t) => t.status === 'fulfilled')).toHaveLength(1);
    const lost = tries.find((t) => t.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(JobLockedError);
    await removeLock(dataDir, id);
    // A lock left by a process that is gone is taken over.
    await writeFile(join(dataDir, 'jobs', id, 'lock'), '999999999');
    await acquireLock(dataDir, id);
    expect(await readFile(join(dataDir, 'jobs', id, 'lock'), 'utf8')).toBe(String(process.pid));
    await removeLock(dataDir, id);
  });

  it('a job whose lock cannot be refreshed stops (interrupted, resumable)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dtload-heartbeat-'));
    const plan = buildPlan(sandbox.contacts(), { updates: 30, tag: 'hb' });
    const handle = startJob({
      client: client(),
      dataDir,
      plan,
      meta: testMeta(),
      maxQps: 10,
      concurrency: 1,
      heartbeatMs: 40,
    });
    // Someone removes the lock mid-run (or takes it over as stale).
    await new Promise((r) => setTimeout(r, 300));
    await rm(join(dataDir, 'jobs', handle.jobId, 'lock'));
    await expect(handle.done).rejects.toThrow(/lock/);
    const job = await readJob(dataDir, handle.jobId);
    expect(job.state).toBe('interrupted');
    expect(job.results.length).toBeLessThan(30);
    expect((await listJobs(dataDir))[0]!.state).toBe('interrupted');
  });
});

describe('resume and the organisation', () => {
  it('refuses a job planned on another organisation unless told', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dtload-org-'));
    const plan = buildPlan(sandbox.contacts(), { updates: 2, tag: 'org' });
    const id = '20260101-000000-0005';
    await createJobFiles(dataDir, id, { ...testMeta(), org: 'https://oapi.dingtalk.com|dingother' }, plan);
    const common = ['--base-url', sandbox.baseUrl, '--data-dir', dataDir];
    const refused = await runCli([...common, 'resume', id], env());
    expect(refused.code).toBe(2);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(refused.err).toMatch(/oapi\.dingtalk\.com as app dingother.*--other-org/);
    const report = join(dataDir, 'resumed.json');
    const told = await runCli([...common, 'resume', id, '--other-org', '--report', report], env());
    expect(told.code).toBe(0);
    const json = JSON.parse(await readFile(report, 'utf8')) as { summary: Record<string, number> };
    expect(json.summary).toMatchObject({ rows: 2, update: 2, ok: 2, notSent: 0 });
  });
});

it('an unexpected internal error exits 70, not 1, in one line', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'dtload-internal-'));
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, 'jobs'), 'not a folder');
  const r = await runCli(['--data-dir', dataDir, 'jobs'], {});
  expect(r.code).toBe(70);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(/internal error/);
});

describe('the sandbox organisation in the app and web mode', () => {
  it('is kept in the data dir between starts, shared with `dtload --sandbox`', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dtload-app-sandbox-'));
    // The CLI deletes one contact of the sandbox organisation.
    const exported = join(dataDir, 'all.csv');
    expect((await runCli(['--sandbox', '--data-dir', dataDir, 'export', exported])).code).toBe(0);
    const [header, first, second] = (await readFile(exported, 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/);
    // The id column is headed in the CLI's language (Contact ID / 联系人ID).
    const idCol = header!.split(',').findIndex((h) => ['user_id', 'Contact ID', '联系人ID'].includes(h));
    const userId = (line: string): string => line.split(',')[idCol]!;
    const one = join(dataDir, 'one.csv');
    await writeFile(one, `user_id\n${userId(first!)}\n`);
    expect((await runCli(['--sandbox', '--data-dir', dataDir, 'delete', one, '--apply'])).code).toBe(0);

    const events: Array<{ event: string; payload: unknown }> = [];
    const start = () =>
      createBackend({
        dataDir,
        secrets: memorySecretStore(),
        emit: (event, payload) => events.push({ event, payload }),
        host: 'web',
      });
    // The app sees it, and deletes another one itself.
    const app = start();
    await app.connectSandbox();
    const before = (await app.getOrgSummary({ refresh: true })).contactCount;
    expect(before).toBe(499);
    const file = await app.uploadFile({
      name: 'two.csv',
      data: new TextEncoder().encode(`user_id\n${userId(second!)}\n`),
    });
    const plan = await app.planDelete({ fileId: file.fileId });
    const { jobId } = await app.applyDelete({ planId: plan.planId, confirmCount: 1 });
    await expect
      .poll(() =>
        events.some((e) => e.event === 'job:finished' && (e.payload as { jobId: string }).jobId === jobId),
      )
      .toBe(true);
    await app.close();
    // A restart (and the CLI) find the organisation as the app left it.
    const again = start();
    await again.connectSandbox();
    expect((await again.getOrgSummary({ refresh: true })).contactCount).toBe(498);
    await again.close();
  });
});
