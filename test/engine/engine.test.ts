// The engine against the sandbox over loopback HTTP: faults, limits, ambiguous writes, job-fatal stops,
// pause/resume/cancel, IP bans and progress coalescing. Every check compares with the sandbox's state.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobProgress, RowOp, RowResult } from '../../shared/domain';
import { createDingTalkClient } from '../../electron/core/dingtalk';
import { listJobs, readJob, resumeJob, startJob } from '../../electron/core/engine';
import { createJobFiles, JournalWriter } from '../../electron/core/engine/journal';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../electron/core/sandbox';
import { buildPlan, testMeta } from './fixtures/plans';

const sandboxes: SandboxHandle[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});

async function setup(opts: SandboxOptions = {}) {
  const sandbox = await startSandbox({ contacts: 300, ...opts });
  sandboxes.push(sandbox);
  const client = createDingTalkClient({
    baseUrl: sandbox.baseUrl,
    appKey: sandbox.appKey,
    appSecret: sandbox.appSecret,
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'dtload-engine-'));
  return { sandbox, client, dataDir };
}

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean, timeoutMs = 20_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error('condition not met in time');
    await wait(5);
  }
}

/** The row's effect is in the sandbox exactly when the engine says it is ok. */
function expectSandboxAgrees(sandbox: SandboxHandle, op: RowOp, r: RowResult): void {
  if (op.kind === 'update') {
    const c = sandbox.getContactById(op.userId);
    const applied = c?.title === op.body.title && c?.remark === op.body.remark;
    expect(applied, `row ${op.row}`).toBe(r.status === 'ok');
  } else if (op.kind === 'delete') {
    const gone = sandbox.getContactById(op.userId) === undefined;
    expect(gone, `row ${op.row}`).toBe(true); // bad deletes name users that never existed
  } else {
    const made = sandbox.contacts().filter((c) => c.mobile === op.body.mobile);
    expect(made.length, `row ${op.row}`).toBe(r.status === 'ok' ? 1 : 0);
    if (r.status === 'ok') expect(made[0]!.userid).toBe(r.userId);
  }
  if (r.status === 'failed') {
    // The errcode is the one DingTalk last answered for this row.
    const key = op.kind === 'create' ? op.body.mobile : op.userId;
    const last = sandbox.writeLog.filter((w) => (op.kind === 'create' ? w.mobile : w.userId) === key).at(-1);
    expect(r.errcode).toBe(last?.errcode);
  }
}

describe('engine against the sandbox', () => {
  it('ends every row ok or with its true errcode under busy, system-error and per-second limits', async () => {
    const { sandbox, client, dataDir } = await setup({
      limits: { perSecond: 25 },
      faults: { busyRate: 0.1, systemErrorRate: 0.05, htmlErrorRate: 0.02, httpErrorRate: 0.02, seed: 7 },
    });
    const plan = buildPlan(sandbox.contacts(), {
      updates: 120,
      badUpdates: 3,
      creates: 15,
      deletes: 10,
      badDeletes: 2,
    });
    const before = new Map(sandbox.contacts().map((c) => [c.userid, c]));
    const handle = startJob({ client, dataDir, plan, meta: testMeta(), maxQps: 40, concurrency: 8 });
    const out = await handle.done;

    expect(out.state).toBe('finished-with-failures');
    expect(out.results.map((r) => r.seq)).toEqual(plan.map((op) => op.seq));
    plan.forEach((op, i) => expectSandboxAgrees(sandbox, op, out.results[i]!));
    const failed = out.results.filter((r) => r.status === 'failed');
    expect(failed.map((r) => r.errcode).sort()).toEqual([33012, 33012, 60204, 60204, 60204]);
    for (const r of failed.filter((x) => x.kind === 'update')) {
      expect(sandbox.getContactById(r.userId!)).toEqual(before.get(r.userId!)); // refused rows changed nothing
      expect(r.hint).toMatch(/label/i);
    }
    expect(out.summary).toEqual({ total: plan.length, ok: plan.length - 5, failed: 5, skipped: 0 });
    // The faults and the limit were really hit, and retried.
    expect(sandbox.throttledCount()).toBeGreaterThan(0);
    expect(out.results.some((r) => r.attempts > 1)).toBe(true);
    const job = await readJob(dataDir, out.jobId);
    expect(job.state).toBe('finished-with-failures');
    expect(job.results).toEqual(out.results);
  });

  it('with ambiguous writes creates nothing twice and loses no update', async () => {
    const { sandbox, client, dataDir } = await setup({ faults: { dropAfterWriteRate: 0.3, seed: 3 } });
    const plan = buildPlan(sandbox.contacts(), { updates: 60, creates: 30, deletes: 15 });
    const out = await startJob({ client, dataDir, plan, meta: testMeta(), maxQps: 200, concurrency: 8 }).done;

    expect(out.summary).toEqual({ total: 105, ok: 105, failed: 0, skipped: 0 });
    plan.forEach((op, i) => expectSandboxAgrees(sandbox, op, out.results[i]!));
    const contacts = sandbox.contacts();
    expect(contacts).toHaveLength(300 + 30 - 15);
    const mobiles = contacts.map((c) => c.mobile);
    expect(new Set(mobiles).size).toBe(mobiles.length);
    const creates = sandbox.writeLog.filter((w) => w.endpoint === 'create');
    expect(creates.filter((w) => w.applied)).toHaveLength(30);
    // The fault fired on every kind of write, so each ambiguous path was taken.
    for (const kind of ['create', 'update', 'delete'] as const) {
      expect(sandbox.writeLog.some((w) => w.endpoint === kind && w.dropped)).toBe(true);
    }
  });

  it('stops on a job-fatal errcode, skips the rest, and a resume finishes the job', async () => {
    const { sandbox, client, dataDir } = await setup({ faults: { monthlyQuota: 40 } });
    const plan = buildPlan(sandbox.contacts(), { updates: 100 });
    const out = await startJob({ client, dataDir, plan, meta: testMeta(), maxQps: 100, concurrency: 4 }).done;

    expect(out.state).toBe('stopped');
    expect(out.fatal?.errcode).toBe(90020);
    expect(out.fatal?.hint).toMatch(/quota|month/i);
    expect(out.summary.ok).toBeLessThanOrEqual(40);
    expect(out.summary.skipped).toBeGreaterThan(40);
    plan.forEach((op, i) => expectSandboxAgrees(sandbox, op, out.results[i]!));
    expect(out.results.filter((r) => r.status === 'skipped').every((r) => r.attempts === 0)).toBe(true);
    const [listed] = await listJobs(dataDir);
    expect(listed).toMatchObject({ jobId: out.jobId, state: 'stopped', ok: out.summary.ok });

    sandbox.setFaults({}); // next month
    const done = new Set(out.results.filter((r) => r.status === 'ok').map((r) => r.userId));
    const logFrom = sandbox.writeLog.length;
    const again = await (await resumeJob({ client, dataDir, jobId: out.jobId, maxQps: 100 })).done;
    expect(again.state).toBe('finished');
    expect(again.summary).toEqual({ total: 100, ok: 100, failed: 0, skipped: 0 });
    plan.forEach((op, i) => expectSandboxAgrees(sandbox, op, again.results[i]!));
    expect(sandbox.writeLog.slice(logFrom).filter((w) => done.has(w.userId))).toEqual([]);
  });

  it('treats a permission error and a refused token as job-fatal', async () => {
    const { sandbox, client, dataDir } = await setup({ faults: { deniedEndpoints: ['delete'] } });
    const plan = buildPlan(sandbox.contacts(), { updates: 5, deletes: 20 });
    const out = await startJob({ client, dataDir, plan, meta: testMeta(), concurrency: 1, maxQps: 100 }).done;
    expect(out.state).toBe('stopped');
    expect(out.fatal?.errcode).toBe(43007);
    expect(out.summary).toMatchObject({ ok: 5, failed: 1, skipped: 19 });

    sandbox.setFaults({ rejectTokens: true });
    const out2 = await startJob({ client, dataDir, plan, meta: testMeta(), concurrency: 2, maxQps: 100 })
      .done;
    expect(out2.fatal?.errcode).toBe('token-refused');
    expect(out2.summary.ok).toBe(0);
    expect(JSON.stringify(out2)).not.toContain(sandbox.appSecret);
  });

  it('pauses (rows in flight finish, nothing new is sent), resumes and cancels; a cancelled job can be resumed', async () => {
    const { sandbox, client, dataDir } = await setup({ latencyMs: 25 });
    const plan = buildPlan(sandbox.contacts(), { updates: 80 });
    const events: JobProgress[] = [];
    const handle = startJob({
      client,
      dataDir,
      plan,
      meta: testMeta(),
      concurrency: 4,
      maxQps: 1000,
      onProgress: (p) => events.push(p),
    });
    const last = (): JobProgress => events.at(-1)!;
    await until(() => events.length > 0 && last().done >= 8);
    handle.pause();
    await wait(150); // rows in flight finish
    const sent = sandbox.writeLog.length;
    const doneAtPause = last().done;
    await wait(400);
    expect(sandbox.writeLog.length).toBe(sent);
    expect(last().done).toBe(doneAtPause);
    expect(last().state).toBe('paused');
    expect(doneAtPause).toBeLessThan(30);

    handle.resume();
    await until(() => last().done >= 30);
    expect(events.some((e) => e.state === 'running' && e.done > doneAtPause)).toBe(true);
    handle.cancel();
    const out = await handle.done;
    expect(out.state).toBe('cancelled');
    expect(out.summary.skipped).toBeGreaterThan(20);
    expect(out.summary.ok + out.summary.skipped).toBe(80);
    expect(last().state).toBe('cancelled');
    plan.forEach((op, i) => expectSandboxAgrees(sandbox, op, out.results[i]!));
    expect((await listJobs(dataDir))[0]!.state).toBe('cancelled');

    const again = await (await resumeJob({ client, dataDir, jobId: out.jobId, maxQps: 1000 })).done;
    expect(again.summary).toEqual({ total: 80, ok: 80, failed: 0, skipped: 0 });
    // Each update went out exactly once over both runs.
    const perUser = new Map<string, number>();
    for (const w of sandbox.writeLog) perUser.set(w.userId!, (perUser.get(w.userId!) ?? 0) + 1);
    expect([...perUser.values()].every((n) => n === 1)).toBe(true);
    expect(perUser.size).toBe(80);
  });

  it('pauses the whole job during an IP ban with a countdown in progress events', async () => {
    const { sandbox, client, dataDir } = await setup({ faults: { ipBanAfter: 30, banSeconds: 2 } });
    const plan = buildPlan(sandbox.contacts(), { updates: 50 });
    const events: JobProgress[] = [];
    const t0 = Date.now();
    const out = await startJob({
      client,
      dataDir,
      plan,
      meta: testMeta(),
      maxQps: 1000,
      onProgress: (p) => events.push(p),
    }).done;
    expect(out.summary.ok).toBe(50);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1900);
    const banned = events.filter((e) => e.pausedForSeconds !== undefined);
    expect(banned.length).toBeGreaterThan(0);
    expect(banned[0]!.pausedForSeconds).toBeGreaterThanOrEqual(1);
    expect(banned[0]!.message).toMatch(/IP/);
    // No write reached DingTalk while the ban lasted, apart from the calls that discovered it.
    const banAnswers = sandbox.writeLog.filter((w) => w.errcode === 'ip-ban');
    expect(banAnswers.length).toBeGreaterThan(0);
    expect(banAnswers.length).toBeLessThanOrEqual(8 + 2);
  });

  it('coalesces progress to about ten events a second and always sends the final one', async () => {
    const { sandbox, client, dataDir } = await setup({ contacts: 2000 });
    const plan = buildPlan(sandbox.contacts(), { updates: 2000 });
    const events: JobProgress[] = [];
    const t0 = performance.now();
    const out = await startJob({
      client,
      dataDir,
      plan,
      meta: testMeta(),
      maxQps: Infinity,
      concurrency: 16,
      onProgress: (p) => events.push(p),
    }).done;
    const seconds = (performance.now() - t0) / 1000;
    expect(out.summary.ok).toBe(2000);
    expect(events.length).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 3);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.at(-1)).toMatchObject({
      state: 'finished',
      done: 2000,
      ok: 2000,
      total: 2000,
      etaSeconds: 0,
    });
    const journal = await readFile(join(dataDir, 'jobs', out.jobId, 'journal.ndjson'), 'utf8');
    const lines = journal
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { t: string });
    expect(lines.filter((l) => l.t === 'row')).toHaveLength(2000);
    expect(lines[0]!.t).toBe('header');
    expect(lines.at(-1)!.t).toBe('end');
    expect(journal).not.toContain(sandbox.appSecret);
  });
});

describe('resume', () => {
  it('checks rows an earlier run may have sent: creates are looked up by mobile, deletes already gone are done', async () => {
    const { sandbox, client, dataDir } = await setup();
    const plan = buildPlan(sandbox.contacts(), { updates: 10, creates: 12, deletes: 6 });
    const jobId = '20260101-000000-r001';
    // A run that sent some rows and died before recording any: its window mark covers the whole plan.
    await createJobFiles(dataDir, jobId, testMeta(), plan);
    const w = await JournalWriter.open(join(dataDir, 'jobs', jobId, 'journal.ndjson'));
    w.append({
      t: 'run',
      at: new Date().toISOString(),
      pid: 999_999_999,
      resumed: false,
      maxQps: 20,
      concurrency: 4,
    });
    w.append({ t: 'window', upTo: plan.length });
    await w.close();
    const madeBefore = new Map<string, string>();
    for (const op of plan) {
      if (op.kind === 'create' && op.seq % 2 === 0)
        madeBefore.set(op.body.mobile, await client.createContact(op.body));
      if (op.kind === 'delete' && op.seq % 2 === 0) await client.deleteContact(op.userId);
    }
    expect(madeBefore.size).toBe(6);
    expect((await listJobs(dataDir))[0]!.state).toBe('interrupted');

    const logFrom = sandbox.writeLog.length;
    const listsBefore = sandbox.callCounts().list;
    const out = await (await resumeJob({ client, dataDir, jobId, maxQps: 200 })).done;
    expect(out.summary).toEqual({ total: plan.length, ok: plan.length, failed: 0, skipped: 0 });
    plan.forEach((op, i) => expectSandboxAgrees(sandbox, op, out.results[i]!));
    const after = sandbox.writeLog.slice(logFrom);
    // No create re-sent for a contact that already existed; its row names the existing contact.
    expect(after.filter((x) => x.endpoint === 'create' && madeBefore.has(x.mobile!))).toEqual([]);
    for (const r of out.results.filter((x) => x.kind === 'create')) {
      const op = plan[r.seq]!;
      if (op.kind === 'create' && madeBefore.has(op.body.mobile))
        expect(r.userId).toBe(madeBefore.get(op.body.mobile));
    }
    // All the lookups shared list passes (a pass reads 1-4 pages of 100), not one pass per create.
    expect(sandbox.callCounts().list - listsBefore).toBeLessThanOrEqual(8);
    const mobiles = sandbox.contacts().map((c) => c.mobile);
    expect(new Set(mobiles).size).toBe(mobiles.length);
  });

  it('interrupt stops cleanly without recording unsent rows, and a resume finishes the job', async () => {
    const { sandbox, client, dataDir } = await setup({ latencyMs: 20 });
    const plan = buildPlan(sandbox.contacts(), { updates: 60, creates: 10 });
    const events: JobProgress[] = [];
    const handle = startJob({
      client,
      dataDir,
      plan,
      meta: testMeta(),
      concurrency: 4,
      maxQps: 500,
      onProgress: (p) => events.push(p),
    });
    await until(() => (events.at(-1)?.done ?? 0) >= 12);
    handle.interrupt();
    const out = await handle.done;
    expect(out.state).toBe('interrupted');
    const job = await readJob(dataDir, out.jobId);
    expect(job.state).toBe('interrupted');
    expect(job.results.every((r) => r.status === 'ok')).toBe(true); // unsent rows are not journalled
    expect(job.results.length).toBe(out.summary.ok);
    expect(out.summary.ok).toBeLessThan(70);

    const again = await (await resumeJob({ client, dataDir, jobId: out.jobId, maxQps: 500 })).done;
    expect(again.summary).toEqual({ total: 70, ok: 70, failed: 0, skipped: 0 });
    plan.forEach((op, i) => expectSandboxAgrees(sandbox, op, again.results[i]!));
    const applied = sandbox.writeLog.filter((x) => x.applied);
    expect(applied).toHaveLength(70); // every row applied exactly once over both runs
  });
});
