// A job in which every row failed (the sandbox refuses every update: 60112) is "finished with failures",
// never "finished", in `dtload jobs --json`, in its human list, and in the app's jobs data — the same core
// service — whether the CLI or the app ran it.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBackend } from '../../electron/core/app';
import { memorySecretStore } from '../../electron/core/app/secret-store';
import { startSandbox, type SandboxHandle, type SandboxFaults } from '../../electron/core/sandbox';
import { runCli } from '../cli/run-cli';

const REFUSE_UPDATES: SandboxFaults = { errcodes: [{ errcode: 60112, rate: 1, endpoints: ['update'] }] };
const ROWS = 5;
let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, contacts: 20, faults: REFUSE_UPDATES });
});
afterAll(() => sandbox.close());

const csv = (ids: string[]): string =>
  ['user_id,title', ...ids.map((id, i) => `${id},Never written ${i}`)].join('\n') + '\n';

const appOn = (dataDir: string, sandboxOpts?: Parameters<typeof createBackend>[0]['sandbox']) =>
  createBackend({
    dataDir,
    secrets: memorySecretStore(),
    emit: () => {},
    host: 'web',
    ...(sandboxOpts ? { sandbox: sandboxOpts } : {}),
  });

it('lists a CLI job whose every row failed as finished with failures, in the CLI and the app', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'dtload-all-failed-'));
  const file = join(dataDir, 'titles.csv');
  await writeFile(
    file,
    csv(
      sandbox
        .contacts()
        .slice(0, ROWS)
        .map((c) => c.userid),
    ),
  );
  const env = { DTLOAD_APP_KEY: sandbox.appKey, DTLOAD_APP_SECRET: sandbox.appSecret };
  const common = ['--base-url', sandbox.baseUrl, '--data-dir', dataDir];

  const applied = await runCli([...common, 'import', file, '--apply', '--json'], env);
  expect(applied.code).toBe(1);
  const summary = JSON.parse(applied.out.trim().split('\n').at(-1)!) as { state: string; jobId: string };
  expect(summary.state).toBe('finished-with-failures');
  expect(sandbox.writeLog.filter((w) => w.applied)).toEqual([]);

  const listed = JSON.parse((await runCli([...common, 'jobs', '--json'], env)).out) as Array<
    Record<string, unknown>
  >;
  expect(listed).toHaveLength(1);
  expect(listed[0]).toMatchObject({
    jobId: summary.jobId,
    state: 'finished-with-failures',
    rows: ROWS,
    ok: 0,
    failed: ROWS,
    notSent: 0,
  });
  const human = (await runCli([...common, 'jobs'], env)).out;
  expect(human).toMatch(new RegExp(`${summary.jobId}\\s+import\\s+finished-with-failures`));

  const app = appOn(dataDir);
  try {
    await app.ready;
    const jobs = await app.listJobs();
    expect(jobs.map((j) => [j.jobId, j.state, j.ok, j.failed])).toEqual([
      [summary.jobId, 'finished-with-failures', 0, ROWS],
    ]);
    expect((await app.getJob({ jobId: summary.jobId })).state).toBe('finished-with-failures');
  } finally {
    await app.close();
  }
});

it('lists an app job whose every row failed as finished with failures, in the app and the CLI', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'dtload-all-failed-app-'));
  // The app's sandbox is seeded like this one: the same contacts.
  const twin = await startSandbox({ listen: false, contacts: 20 });
  const ids = twin
    .contacts()
    .slice(0, ROWS)
    .map((c) => c.userid);
  await twin.close();
  const app = appOn(dataDir, { contacts: 20, faults: REFUSE_UPDATES });
  try {
    await app.ready;
    await app.connectSandbox();
    const sheet = await app.uploadFile({ name: 'titles.csv', data: new TextEncoder().encode(csv(ids)) });
    const mapping = await app.autoMap({ fileId: sheet.fileId });
    const plan = await app.planImport({
      fileId: sheet.fileId,
      mapping: mapping.mapping,
      options: { match: 'user_id', labels: 'replace', blank: 'keep', create: false },
    });
    expect(plan.counts.update).toBe(ROWS);
    const { jobId } = await app.applyPlan({ planId: plan.planId });
    await expect
      .poll(async () => (await app.getJob({ jobId })).state, { timeout: 20_000 })
      .toBe('finished-with-failures');
    expect(await app.getJob({ jobId })).toMatchObject({ ok: 0, failed: ROWS });
    expect((await app.listJobs()).find((j) => j.jobId === jobId)?.state).toBe('finished-with-failures');
  } finally {
    await app.close();
  }
  const listed = JSON.parse((await runCli(['--data-dir', dataDir, 'jobs', '--json'])).out) as Array<
    Record<string, unknown>
  >;
  expect(listed[0]).toMatchObject({ state: 'finished-with-failures', ok: 0, failed: ROWS });
});
