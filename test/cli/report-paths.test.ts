// Files dtload writes never replace the sheet being read: `--report` naming the input is refused (exit 2,
// nothing sent), and re-importing a failed-rows file with the --report that made it writes the new
// failed rows elsewhere, leaving the admin's fixed file as it was.
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox';
import { createSheetWriter } from '../../electron/core/sheets';
import { runCli } from './run-cli';

let sandbox: SandboxHandle;
let dir: string;
let env: NodeJS.ProcessEnv;
let common: string[];
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, contacts: 10 });
  dir = await mkdtemp(join(tmpdir(), 'dtload-report-paths-'));
  env = { DTLOAD_APP_KEY: sandbox.appKey, DTLOAD_APP_SECRET: sandbox.appSecret };
  common = ['--base-url', sandbox.baseUrl, '--data-dir', dir];
});
afterAll(() => sandbox.close());

it('refuses a --report that is the file being imported or deleted, by name or through a link', async () => {
  const file = join(dir, 'titles.csv');
  const text = `user_id,title\n${sandbox.contacts()[0]!.userid},Kept\n`;
  await writeFile(file, text);
  await symlink(file, join(dir, 'link.csv'));
  for (const [args, lang, line] of [
    [['import', file, '--apply', '--report', file], 'en', `--report "${file}" is the file being read`],
    [['delete', file, '--apply', '--report', join(dir, 'link.csv')], 'zh-CN', '就是正在读取的文件'],
  ] as const) {
    const r = await runCli([...common, ...args], { ...env, DTLOAD_LANG: lang });
    expect(r.code).toBe(2);
    expect(r.err).toContain(line);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  }
  expect(await readFile(file, 'utf8')).toBe(text);
  expect(sandbox.writeLog).toHaveLength(0);
});

it('keeps a re-imported failed-rows file when the same --report names it again', async () => {
  const file = join(dir, 'again.failed-rows.xlsx');
  // A row that stays invalid (no such contact): the run has failed rows to write again.
  const w = await createSheetWriter(file, { headers: ['user_id', 'title'] });
  await w.addRow(['999999999', 'Nobody']);
  await w.close();
  const before = await readFile(file);
  const r = await runCli([...common, 'import', file, '--report', join(dir, 'again.json')], env);
  expect(r.code).toBe(1);
  expect((await readFile(file)).equals(before)).toBe(true);
  const written = /Failed and invalid rows \(fix them and import this file again\): (.+)$/m.exec(r.out)?.[1];
  expect(written).toBeDefined();
  expect(written).not.toBe(file);
});

it('refuses a --report that is a folder before an apply sends anything (exit 2 means nothing sent)', async () => {
  const file = join(dir, 'folder-report.csv');
  await writeFile(file, `user_id,title\n${sandbox.contacts()[1]!.userid},Not sent\n`);
  const folder = join(dir, 'a-folder.xlsx');
  await mkdir(folder);
  const writes = sandbox.writeLog.length;
  const r = await runCli([...common, 'import', file, '--apply', '--report', folder], env);
  expect(r.code).toBe(2);
  expect(r.err).toBe(`dtload: Cannot write ${folder}: it is a folder\n`);
  expect(sandbox.writeLog.length).toBe(writes);
});
