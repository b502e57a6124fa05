// The fix-and-import-again loop: a failed-rows file (or a report) imported again and failing again gives a
// file with one error column (or one set of report columns) saying the new reason, not the old one beside it.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox';
import { openSheet } from '../../electron/core/sheets';
import { runCli } from '../cli/run-cli';

let sandbox: SandboxHandle;
let dir: string;
let run: (args: string[]) => ReturnType<typeof runCli>;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, contacts: 10 });
  dir = await mkdtemp(join(tmpdir(), 'dtload-reimport-'));
  const env = { DTLOAD_APP_KEY: sandbox.appKey, DTLOAD_APP_SECRET: sandbox.appSecret };
  run = (args) => runCli(['--base-url', sandbox.baseUrl, '--data-dir', dir, ...args], env);
});
afterAll(() => sandbox.close());

async function read(path: string): Promise<{ headers: string[]; rows: string[][] }> {
  const s = await openSheet(path);
  const rows: string[][] = [];
  for await (const r of s.rows()) rows.push(r.cells);
  return { headers: s.info.headers, rows };
}

it('a failed-rows file imported again and failing again has one error column, with the new reason', async () => {
  const first = join(dir, 'first.csv');
  await writeFile(first, `user_id,email\n${sandbox.contacts()[0]!.userid},not-an-email\n`);
  expect((await run(['import', first, '--report', join(dir, 'one.json')])).code).toBe(1);
  const failed1 = join(dir, 'one.failed-rows.xlsx');
  expect((await read(failed1)).headers).toEqual(['user_id', 'email', 'error']);

  // Fixed the wrong way: the row now names a contact that does not exist.
  const fixed = join(dir, 'fixed.csv');
  await writeFile(
    fixed,
    `user_id,email,error\n999999999,a@example.com,"email ""not-an-email"" is not an email address"\n`,
  );
  expect((await run(['import', fixed, '--report', join(dir, 'two.xlsx')])).code).toBe(1);
  const failed2 = await read(join(dir, 'two.failed-rows.xlsx'));
  expect(failed2.headers).toEqual(['user_id', 'email', 'error']);
  expect(failed2.rows[0]![2]).not.toContain('not-an-email');
  expect(failed2.rows[0]![2]).toContain('999999999');

  // The report of that run, imported again: one set of report columns in the new report.
  const report2 = join(dir, 'two.xlsx');
  expect((await run(['import', report2, '--report', join(dir, 'three.csv')])).code).toBe(1);
  const report3 = await read(join(dir, 'three.csv'));
  expect(report3.headers).toEqual(['user_id', 'email', 'action', 'status', 'errcode', 'errmsg', 'hint']);
});
