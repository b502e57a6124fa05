// Bad input met through the built command: one line in the admin's language, exit 2, and the command
// ends (a bad option never leaves the sandbox's server running); DingTalk's refusal in that language too.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox';
import { spawnCli } from './spawn-cli';

let dir: string;
let sandbox: SandboxHandle;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dtload-usage-'));
  sandbox = await startSandbox({ port: 0, contacts: 5 });
});
afterAll(() => sandbox.close());

it('a bad --lang with --sandbox says so and exits 2 instead of hanging', async () => {
  const r = await spawnCli(['--sandbox', '--data-dir', dir, '--lang', 'fr', 'labels']);
  expect(r.hung).toBe(false);
  expect(r.code).toBe(2);
  expect(r.err).toBe('dtload: --lang must be zh-CN or en (zh is zh-CN), got "fr"\n');
});

it('an option without its value exits 2, said in the chosen language', async () => {
  const r = await spawnCli(['--lang', 'zh-CN', '--data-dir']);
  expect(r.code).toBe(2);
  expect(r.err.split('\n')[0]).toBe('错误：选项 --data-dir <dir> 缺少值');
  const en = await spawnCli(['--sandbox', '--data-dir', dir, 'labels', '--lang']);
  expect(en.code).toBe(2);
  expect(en.err.split('\n')[0]).toBe("error: option '--lang <lang>' argument missing");
});

it('a usage error is its line and where the options are described, not the whole help', async () => {
  const zh = await spawnCli(['--lang', 'zh-CN', '--sandbox', '--data-dir', dir, 'import', 'x.csv', '--nope']);
  expect(zh.code).toBe(2);
  expect(zh.err).toBe('错误：未知选项 --nope\n（运行 dtload import --help 查看可用选项）\n');
  const en = await spawnCli(['--sandbox', '--data-dir', dir, 'frobnicate']);
  expect(en.code).toBe(2);
  expect(en.err).toBe("error: unknown command 'frobnicate'\n(run dtload --help to see its options)\n");
});

it('missing credentials are asked for in the chosen language', async () => {
  const zh = await spawnCli(['--data-dir', dir, '--lang', 'zh-CN', 'labels']);
  expect(zh.code).toBe(2);
  expect(zh.err).toMatch(/^dtload: 请在环境变量中设置 DTLOAD_APP_KEY 和 DTLOAD_APP_SECRET.*\n$/);
  expect(zh.err.split('\n')).toHaveLength(2);
  const en = await spawnCli(['--data-dir', dir, 'labels']);
  expect(en.code).toBe(2);
  expect(en.err).toMatch(/^dtload: Set DTLOAD_APP_KEY and DTLOAD_APP_SECRET in the environment/);
});

it("DingTalk's refusal of the credentials is explained in the chosen language, without the secret", async () => {
  const secret = 'not-the-sandbox-secret-0123456789';
  const env = { DTLOAD_BASE_URL: sandbox.baseUrl, DTLOAD_APP_KEY: sandbox.appKey, DTLOAD_APP_SECRET: secret };
  const r = await spawnCli(['--data-dir', dir, '--lang', 'zh-CN', 'labels'], env);
  expect(r.code).toBe(3);
  expect(r.err).toContain('40089');
  expect(r.err).toContain('请在开发者后台核对 AppKey 和 AppSecret');
  expect(r.err + r.out).not.toContain(secret);
});
