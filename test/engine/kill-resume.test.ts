// A job killed with SIGKILL mid-run (in a child process) and then resumed ends with the same sandbox state
// as an uninterrupted run, and no row the journal recorded as done is sent again.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import type { Contact } from '../../shared/domain';
import { createDingTalkClient } from '../../electron/core/dingtalk';
import { listJobs, readJob, resumeJob, startJob } from '../../electron/core/engine';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox';
import { buildPlan, testMeta } from './fixtures/plans';

const CHILD = fileURLToPath(new URL('./fixtures/run-job-child.ts', import.meta.url));
const sandboxes: SandboxHandle[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The organisation as data, independent of the userids creates happened to get. */
const stateOf = (contacts: Contact[]): string[] =>
  contacts
    .map((c) => JSON.stringify({ ...c, userid: c.mobile?.startsWith('1390') ? '(new)' : c.userid }))
    .sort();

it('resumes a SIGKILLed job to the same state without re-sending recorded rows', async () => {
  const opts = { contacts: 400, latencyMs: 15 };
  const sandbox = await startSandbox(opts);
  const reference = await startSandbox(opts);
  sandboxes.push(sandbox, reference);
  const plan = buildPlan(sandbox.contacts(), { updates: 200, creates: 60, deletes: 40 });
  const dataDir = await mkdtemp(join(tmpdir(), 'dtload-kill-'));
  const planPath = join(dataDir, 'plan.json');
  await writeFile(planPath, JSON.stringify(plan));
  const jobId = '20260101-000000-k111';

  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      DT_BASE_URL: sandbox.baseUrl,
      DT_APP_KEY: sandbox.appKey,
      DT_APP_SECRET: sandbox.appSecret,
      DT_PLAN: planPath,
      DT_DATA_DIR: dataDir,
      DT_JOB_ID: jobId,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));

  // Kill it once a good part of the plan is journalled but well before the end.
  const journalPath = join(dataDir, 'jobs', jobId, 'journal.ndjson');
  const recorded = async (): Promise<number> => {
    try {
      return (await readFile(journalPath, 'utf8')).split('"t":"row"').length - 1;
    } catch {
      return 0;
    }
  };
  const t0 = Date.now();
  while ((await recorded()) < 90) {
    if (Date.now() - t0 > 30_000) throw new Error(`child made no progress: ${stderr}`);
    await wait(10);
  }
  // While the child runs, the job is 'running' and cannot be resumed from here.
  expect((await listJobs(dataDir))[0]).toMatchObject({ jobId, state: 'running' });
  const client = createDingTalkClient({
    baseUrl: sandbox.baseUrl,
    appKey: sandbox.appKey,
    appSecret: sandbox.appSecret,
  });
  await expect(resumeJob({ client, dataDir, jobId })).rejects.toThrow(/still running/);
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const killed = await readJob(dataDir, jobId);
  expect(killed.state).toBe('interrupted');
  expect((await listJobs(dataDir))[0]).toMatchObject({ jobId, state: 'interrupted' });
  const doneBefore = killed.results.filter((r) => r.status === 'ok');
  expect(doneBefore.length).toBeGreaterThanOrEqual(90);
  expect(doneBefore.length).toBeLessThan(plan.length);
  const doneKeys = new Set(
    doneBefore.map((r) => {
      const op = plan[r.seq]!;
      return op.kind === 'create' ? op.body.mobile : op.userId;
    }),
  );
  const sentBefore = sandbox.writeLog.length;
  // The sandbox applied more writes than the journal holds: those rows are the ones a resume must check.
  expect(sandbox.writeLog.filter((w) => w.applied).length).toBeGreaterThanOrEqual(doneBefore.length);

  const out = await (await resumeJob({ client, dataDir, jobId, maxQps: 1000, concurrency: 4 })).done;
  expect(out.state).toBe('finished');
  expect(out.summary).toEqual({ total: plan.length, ok: plan.length, failed: 0, skipped: 0 });

  const resent = sandbox.writeLog
    .slice(sentBefore)
    .filter((w) => doneKeys.has((w.endpoint === 'create' ? w.mobile : w.userId)!));
  expect(resent).toEqual([]);

  const refClient = createDingTalkClient({
    baseUrl: reference.baseUrl,
    appKey: reference.appKey,
    appSecret: reference.appSecret,
  });
  const refDir = await mkdtemp(join(tmpdir(), 'dtload-ref-'));
  const ref = await startJob({ client: refClient, dataDir: refDir, plan, meta: testMeta(), maxQps: 1000 })
    .done;
  expect(ref.summary.ok).toBe(plan.length);
  expect(stateOf(sandbox.contacts())).toEqual(stateOf(reference.contacts()));
  // Each create's result names the contact really made for its mobile.
  for (const r of out.results.filter((x) => x.kind === 'create')) {
    const op = plan[r.seq]!;
    expect(op.kind === 'create' && sandbox.getContactById(r.userId!)?.mobile).toBe(
      op.kind === 'create' && op.body.mobile,
    );
  }
});
