// An unreachable DingTalk host is one line naming the host, what failed and the option that sets the host,
// in the admin's language, with its own exit code (4), never 1 ("rows failed"), never a stack trace.
import { createServer } from 'node:net';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../electron/cli/errors';
import { runCli } from './run-cli';

const env = { DTLOAD_APP_KEY: 'dingkey', DTLOAD_APP_SECRET: 'secret-value-1234' };
let dir: string;
let sheet: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dtload-unreachable-'));
  sheet = join(dir, 'contacts.csv');
  await writeFile(sheet, 'user_id,remark\r\nu1,hello\r\n');
});

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('an unreachable DingTalk host', () => {
  it('refused: one line, exit 4, in English and Chinese', async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}`;
    const host = new URL(baseUrl).host;
    const en = await runCli(['--base-url', baseUrl, '--data-dir', dir, 'import', sheet], env);
    expect(en.code).toBe(EXIT.unreachable);
    expect(en.code).not.toBe(EXIT.rowsFailed);
    expect(en.err).toBe(
      `dtload: cannot reach DingTalk at ${host} (connection refused); nothing was sent. Check the network, or set the API host with --base-url or DTLOAD_BASE_URL (https://oapi.dingtalk.com in mainland China, https://oapi.dingtalk.io elsewhere; --sandbox to try without DingTalk)\n`,
    );
    const zh = await runCli(['--lang', 'zh-CN', '--base-url', baseUrl, '--data-dir', dir, 'labels'], env);
    expect(zh.code).toBe(EXIT.unreachable);
    expect(zh.err).toMatch(
      new RegExp(`^dtload: 无法连接钉钉 ${host}（连接被拒绝），未发送任何内容。.*--base-url`),
    );
    expect(zh.err.trim()).not.toContain('\n');
  });

  it('no such host (DNS), named through DTLOAD_BASE_URL', async () => {
    const r = await runCli(['--data-dir', dir, 'labels'], {
      ...env,
      DTLOAD_BASE_URL: 'http://no-such-host.invalid',
    });
    expect(r.code).toBe(EXIT.unreachable);
    expect(r.err).toMatch(
      /^dtload: cannot reach DingTalk at no-such-host\.invalid \((no such host|EAI_AGAIN)\)/,
    );
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.err).not.toContain(env.DTLOAD_APP_SECRET);
  });
});
