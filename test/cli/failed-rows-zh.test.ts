// Rows DingTalk refused (errcode 60112) are explained in the admin's language everywhere they are shown:
// the lines `import --apply` and `resume` print, the report and the failed-rows file. The engine's
// journal keeps English; each place that shows a row says it in the language asked for.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox';
import { runCli } from './run-cli';

const EN_HINT = 'Check whether the user name is correct.';
const ZH_HINT = '用户名称不合法。请检查姓名是否正确。';
let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    contacts: 10,
    faults: { errcodes: [{ errcode: 60112, rate: 1, endpoints: ['update'] }] },
  });
});
afterAll(() => sandbox.close());

it('says why DingTalk refused a row in zh-CN, in the printed lines, the report and on resume', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dtload-failed-zh-'));
  const file = join(dir, 'titles.csv');
  const ids = sandbox
    .contacts()
    .slice(0, 2)
    .map((c) => c.userid);
  await writeFile(file, ['user_id,title', ...ids.map((id, i) => `${id},改 ${i}`)].join('\n') + '\n');
  const env = { DTLOAD_APP_KEY: sandbox.appKey, DTLOAD_APP_SECRET: sandbox.appSecret, DTLOAD_LANG: 'zh-CN' };
  const common = ['--base-url', sandbox.baseUrl, '--data-dir', dir];

  const report = join(dir, 'report.csv');
  const applied = await runCli([...common, 'import', file, '--apply', '--report', report], env);
  expect(applied.code).toBe(1);
  expect(applied.out).toContain(ZH_HINT);
  expect(applied.out).not.toContain(EN_HINT);
  const written = await readFile(report, 'utf8');
  expect(written).toContain(ZH_HINT);
  expect(written).not.toContain(EN_HINT);

  const jobs = JSON.parse((await runCli([...common, 'jobs', '--json'], env)).out) as { jobId: string }[];
  const resumed = await runCli([...common, 'resume', jobs[0]!.jobId], env);
  expect(resumed.code).toBe(1);
  expect(resumed.out).toMatch(/第 2 行：60112 .*用户名称不合法。请检查姓名是否正确。/);
  expect(resumed.out).not.toContain(EN_HINT);
});

it('says in zh-CN why rows a stopped job did not send were not sent, and how to send them', async () => {
  const stopping = await startSandbox({
    port: 0,
    contacts: 30,
    faults: { errcodes: [{ errcode: 90020, rate: 1, endpoints: ['update'] }] },
  });
  try {
    const dir = await mkdtemp(join(tmpdir(), 'dtload-not-sent-zh-'));
    const file = join(dir, 'titles.csv');
    const ids = stopping.contacts().map((c) => c.userid);
    await writeFile(file, ['user_id,title', ...ids.map((id, i) => `${id},停 ${i}`)].join('\n') + '\n');
    const env = {
      DTLOAD_APP_KEY: stopping.appKey,
      DTLOAD_APP_SECRET: stopping.appSecret,
      DTLOAD_LANG: 'zh-CN',
    };
    const report = join(dir, 'report.csv');
    const r = await runCli(
      ['--base-url', stopping.baseUrl, '--data-dir', dir, 'import', file, '--apply', '--report', report],
      env,
    );
    expect(r.code).toBe(3);
    const written = await readFile(report, 'utf8');
    expect(written).toContain('未发送：任务在该行之前已结束');
    expect(written).toContain('用 `dtload resume` 继续该任务');
    expect(written).not.toMatch(/not sent: the job|Run `dtload resume/);
  } finally {
    await stopping.close();
  }
});
