// One truth for counts: the CLI's summary line, its JSON report, `dtload jobs --json` and the app's job list
// show the same numbers for the same job, and they add up.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JobCounts } from '../../shared/domain';
import { createBackend } from '../../electron/core/app';
import { memorySecretStore } from '../../electron/core/app/secret-store';
import { runCli } from '../cli/run-cli';
import { startOrg, type Org } from '../import/org';

let org: Org;
let dir: string;
beforeAll(async () => {
  org = await startOrg(60);
  dir = await mkdtemp(join(tmpdir(), 'dtload-counts-'));
});
afterAll(() => org.sandbox.close());

const COUNT_KEYS: Array<keyof JobCounts> = [
  'rows',
  'create',
  'update',
  'delete',
  'unchanged',
  'invalid',
  'ok',
  'failed',
  'skipped',
  'conflicts',
  'notSent',
];
const pick = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(COUNT_KEYS.map((k) => [k, o[k]]));

it('summary line, JSON report, `jobs --json` and the app agree, and add up', async () => {
  const cs = org.sandbox.contacts();
  const [a, b, c, d, e] = cs;
  // 3 updates (one refused: the owner is not staff), 1 unchanged, 2 invalid (no such contact).
  const csv = [
    'user_id,remark,Owner',
    `${a!.userid},counted 1,${a!.follower_user_id}`,
    `${b!.userid},counted 2,${b!.follower_user_id}`,
    `${c!.userid},counted 3,not-staff`,
    `${d!.userid},${d!.remark ?? ''},${d!.follower_user_id}`,
    `nobody-1,x,${e!.follower_user_id}`,
    `nobody-2,y,${e!.follower_user_id}`,
  ].join('\n');
  const file = join(dir, 'counts.csv');
  await writeFile(file, csv + '\n');
  const report = join(dir, 'counts-report.json');
  const env = { DTLOAD_APP_KEY: org.sandbox.appKey, DTLOAD_APP_SECRET: org.sandbox.appSecret };
  const common = ['--base-url', org.sandbox.baseUrl, '--data-dir', dir];
  const run = await runCli([...common, 'import', file, '--apply', '--report', report], env);
  expect(run.code).toBe(1);

  const expected = {
    rows: 6,
    create: 0,
    update: 2,
    delete: 0,
    unchanged: 1,
    invalid: 3,
    ok: 2,
    failed: 0,
    skipped: 3,
    conflicts: 0,
    notSent: 0,
  };
  // The summary line.
  const line = run.out.split('\n').find((l) => l.startsWith('Job '))!;
  expect(line).toMatch(/^Job \S+ finished: 6 rows: 2 ok, 0 failed, 1 unchanged, 3 invalid \(not sent\)\.$/);
  const jobId = line.split(' ')[1]!;

  // The JSON report: its summary, and its rows' statuses counted one by one.
  const json = JSON.parse(await readFile(report, 'utf8')) as {
    summary: Record<string, unknown>;
    rows: Array<{ status: string }>;
  };
  expect(pick(json.summary)).toEqual(expected);
  const statuses = json.rows.map((r) => r.status);
  expect(statuses.filter((s) => s === 'ok')).toHaveLength(2);
  expect(statuses.filter((s) => s === 'unchanged')).toHaveLength(1);
  expect(statuses.filter((s) => s === 'skipped')).toHaveLength(3);

  // `dtload jobs --json`.
  const listed = await runCli([...common, 'jobs', '--json'], env);
  const jobs = JSON.parse(listed.out) as Array<Record<string, unknown>>;
  const job = jobs.find((j) => j.jobId === jobId)!;
  expect(job).toMatchObject({ kind: 'import', source: file, state: 'finished' });
  expect(typeof job.createdAt).toBe('string');
  expect(pick(job)).toEqual(expected);

  // The app (and web mode: the same backend) on the same data dir.
  const backend = createBackend({ dataDir: dir, secrets: memorySecretStore(), emit: () => {}, host: 'web' });
  try {
    const app = (await backend.listJobs()).find((j) => j.jobId === jobId)!;
    expect(app.state).toBe('finished');
    expect(pick(app as unknown as Record<string, unknown>)).toEqual(expected);
  } finally {
    await backend.close();
  }

  // They add up.
  const s = expected;
  expect(s.create + s.update + s.delete + s.unchanged + s.invalid).toBe(s.rows);
  expect(s.ok + s.failed + s.conflicts + s.notSent).toBe(s.create + s.update + s.delete);
  expect(s.skipped).toBe(s.invalid);
});
