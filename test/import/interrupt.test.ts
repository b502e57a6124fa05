// Ctrl-C during an applied import: exit 130, and `dtload resume` finishes the job without resending rows.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../electron/core/sandbox';
import { runCli } from '../cli/run-cli';

// The CLI's source entry (through tsx), so the test runs the code as it is now, built or not.
const BIN = fileURLToPath(new URL('../../electron/cli/bin.ts', import.meta.url));
let sandbox: Sandbox;
let dir: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, contacts: 120, latencyMs: 20 });
  dir = await mkdtemp(join(tmpdir(), 'dtload-import-int-'));
});
afterAll(() => sandbox.close());

it('exits 130 on SIGINT mid-apply; resume sends each remaining row once', async () => {
  const targets = sandbox.contacts().slice(0, 100);
  const file = join(dir, 'many.csv');
  await writeFile(
    file,
    ['user_id,remark', ...targets.map((c) => `${c.userid},interrupted run`)].join('\n') + '\n',
  );
  const env = { ...process.env, DTLOAD_APP_KEY: sandbox.appKey, DTLOAD_APP_SECRET: sandbox.appSecret };
  const args = ['--base-url', sandbox.baseUrl, '--data-dir', dir, '--max-qps', '10'];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', BIN, ...args, 'import', file, '--apply', '--json'],
    { env },
  );
  let out = '';
  let sent = false;
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (!sent && sandbox.writeLog.length >= 5) {
      sent = true;
      child.kill('SIGINT');
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  expect(code).toBe(130);
  const summary = JSON.parse(out.trim().split('\n').at(-1)!) as {
    jobId: string;
    state: string;
    exitCode: number;
  };
  expect(summary).toMatchObject({ state: 'interrupted', exitCode: 130 });
  const before = sandbox.writeLog.length;
  expect(before).toBeLessThan(100);

  const resumed = await runCli([...args.slice(0, 4), '--max-qps', '200', 'resume', summary.jobId], {
    DTLOAD_APP_KEY: sandbox.appKey,
    DTLOAD_APP_SECRET: sandbox.appSecret,
  });
  expect(resumed.code).toBe(0);
  const perUser = new Map<string, number>();
  for (const w of sandbox.writeLog) perUser.set(w.userId!, (perUser.get(w.userId!) ?? 0) + 1);
  expect(perUser.size).toBe(100);
  expect([...perUser.values()].every((n) => n === 1)).toBe(true);
  for (const c of targets) expect(sandbox.getContactById(c.userid)!.remark).toBe('interrupted run');
});
