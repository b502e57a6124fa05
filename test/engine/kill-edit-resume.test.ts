// No lost updates across a kill: `dtload import --apply` is SIGKILLed mid-run (a child process), another admin
// then edits two contacts not yet written through the API, and `dtload resume` re-reads the contacts still to
// write: (a) keeps the other admin's remark and gets the sheet's title, (b) whose title the other admin
// changed too is a conflict, never written, in the report and the jobs list.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Contact } from '../../shared/domain';
import { createDingTalkClient } from '../../electron/core/dingtalk';
import { readJob } from '../../electron/core/engine';
import { bodyOf } from '../../electron/core/import/remerge';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox';
import { runCli } from '../cli/run-cli';

// The CLI's source entry (through tsx): the child runs the code as it is now, built or not.
const BIN = fileURLToPath(new URL('../../electron/cli/bin.ts', import.meta.url));
const ROWS = 200;
let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, contacts: 300, latencyMs: 10 });
});
afterAll(() => sandbox.close());

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

it('resumes a killed apply without overwriting what another admin changed meanwhile', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'dtload-kill-edit-'));
  const targets = sandbox.contacts().slice(0, ROWS);
  const sheet = join(dataDir, 'titles.csv');
  await writeFile(
    sheet,
    ['user_id,title', ...targets.map((c, i) => `${c.userid},Sheet title ${i}`)].join('\n') + '\n',
  );
  const env = { DTLOAD_APP_KEY: sandbox.appKey, DTLOAD_APP_SECRET: sandbox.appSecret };
  const common = ['--base-url', sandbox.baseUrl, '--data-dir', dataDir];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', BIN, ...common, '--max-qps', '40', 'import', sheet, '--apply', '--json'],
    { env: { ...process.env, ...env, DTLOAD_LANG: 'en' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_c, signal) => r(signal)));

  // Kill it once a good part of the sheet is journalled, well before the end.
  const jobsDir = join(dataDir, 'jobs');
  const recorded = async (): Promise<{ jobId?: string; rows: number }> => {
    const ids = await readdir(jobsDir).catch(() => [] as string[]);
    if (ids.length === 0) return { rows: 0 };
    const text = await readFile(join(jobsDir, ids[0]!, 'journal.ndjson'), 'utf8').catch(() => '');
    return { jobId: ids[0], rows: text.split('"t":"row"').length - 1 };
  };
  const t0 = Date.now();
  let seen = await recorded();
  while (seen.rows < 40) {
    if (Date.now() - t0 > 60_000) throw new Error(`the apply made no progress: ${stderr}`);
    await wait(20);
    seen = await recorded();
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  const jobId = seen.jobId!;
  const killed = await readJob(dataDir, jobId);
  expect(killed.state).toBe('interrupted');
  const writtenBefore = killed.results.filter((r) => r.status === 'ok').length;
  expect(writtenBefore).toBeLessThan(ROWS - 20);

  // Another admin, through the API, on the last two rows (not sent yet: the sandbox has no write for them).
  const a = targets[ROWS - 2]!;
  const b = targets[ROWS - 1]!;
  const untouched = (c: Contact): boolean => !sandbox.writeLog.some((w) => w.userId === c.userid);
  expect(untouched(a) && untouched(b)).toBe(true);
  const otherAdmin = createDingTalkClient({
    baseUrl: sandbox.baseUrl,
    appKey: sandbox.appKey,
    appSecret: sandbox.appSecret,
  });
  await otherAdmin.updateContact({
    ...bodyOf(sandbox.getContactById(a.userid)!),
    remark: 'Set by another admin',
  });
  await otherAdmin.updateContact({
    ...bodyOf(sandbox.getContactById(b.userid)!),
    title: 'Title by another admin',
  });

  const logFrom = sandbox.writeLog.length;
  const callsBefore = sandbox.callCounts();
  const report = join(dataDir, 'resume-report.json');
  const resumed = await runCli(
    [...common, '--max-qps', '200', 'resume', jobId, '--json', '--report', report],
    env,
  );
  const callsAfter = sandbox.callCounts();
  const summary = JSON.parse(resumed.out.trim().split('\n').at(-1)!) as {
    state: string;
    summary: Record<string, number>;
    reread: { rows: number; get: number; list: number; conflicts: number; gone: number };
  };
  expect(resumed.code).toBe(1); // finished, one row not written
  expect(summary.state).toBe('finished-with-failures');
  expect(summary.summary).toMatchObject({
    rows: ROWS,
    update: ROWS,
    ok: ROWS - 1,
    failed: 0,
    conflicts: 1,
    notSent: 0,
  });

  // (a) keeps the other admin's remark and gets the sheet's title; (b) keeps the other admin's title.
  expect(sandbox.getContactById(a.userid)).toMatchObject({
    remark: 'Set by another admin',
    title: `Sheet title ${ROWS - 2}`,
  });
  expect(sandbox.getContactById(b.userid)?.title).toBe('Title by another admin');
  const resumeWrites = sandbox.writeLog.slice(logFrom);
  expect(resumeWrites.filter((w) => w.userId === b.userid)).toEqual([]);
  expect(resumeWrites.filter((w) => w.userId === a.userid)).toHaveLength(1);
  // Every row with a result before the kill is never sent again.
  const doneIds = new Set(killed.results.filter((r) => r.status === 'ok').map((r) => r.userId));
  expect(resumeWrites.filter((w) => doneIds.has(w.userId))).toEqual([]);

  const rereadCalls = callsAfter.list - callsBefore.list + (callsAfter.get - callsBefore.get);
  expect(summary.reread).toMatchObject({ rows: ROWS - writtenBefore, conflicts: 1, gone: 0 });
  expect(summary.reread.list + summary.reread.get).toBe(rereadCalls);
  expect(rereadCalls).toBeLessThanOrEqual(Math.ceil(300 / 100) + 1);
  console.log(
    `kill-edit-resume: rows ${ROWS}, written before the kill ${writtenBefore}, re-read ${summary.reread.rows} ` +
      `contacts in ${rereadCalls} calls (list ${summary.reread.list}, get ${summary.reread.get}), ` +
      `written on resume ${resumeWrites.length}, conflicts ${summary.reread.conflicts}, ok ${summary.summary.ok}`,
  );

  // The report and the jobs list say so.
  const rows = (JSON.parse(await readFile(report, 'utf8')) as { rows: Record<string, unknown>[] }).rows;
  expect(rows.find((r) => r.userId === b.userid)).toMatchObject({
    status: 'conflict',
    errcode: 'conflict',
    errmsg: expect.stringMatching(/Changed in DingTalk after the plan was made.*Job title/),
  });
  const jobs = JSON.parse((await runCli([...common, 'jobs', '--json'], env)).out) as Record<
    string,
    unknown
  >[];
  expect(jobs[0]).toMatchObject({ jobId, state: 'finished-with-failures', conflicts: 1, ok: ROWS - 1 });
}, 120_000);
