// `dtload sandbox --port N` (the built CLI, as an admin runs it) killed with SIGKILL keeps every write it
// answered, like `--sandbox` does: started again on the same data dir it serves them (before the fix it
// saved only on Ctrl+C, so a kill lost them).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createDingTalkClient, type DingTalkClient } from '../../electron/core/dingtalk';
import { bodyOf } from '../../electron/core/import/remerge';

const BIN = resolve(__dirname, '../../bin/dtload.mjs');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** Starts `dtload sandbox` and answers a client for the URL, app key and secret it prints. */
async function serve(dataDir: string): Promise<{ child: ChildProcess; client: DingTalkClient }> {
  const child = spawn(process.execPath, [BIN, 'sandbox', '--port', '0', '--data-dir', dataDir], {
    env: { PATH: process.env.PATH, DTLOAD_LANG: 'en' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  const line = await new Promise<RegExpExecArray>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no URL printed: ${out}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /DTLOAD_BASE_URL=(\S+) DTLOAD_APP_KEY=(\S+) DTLOAD_APP_SECRET=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        done(m);
      }
    });
    child.on('exit', () => fail(new Error(`exited: ${out}`)));
  });
  return {
    child,
    client: createDingTalkClient({ baseUrl: line[1]!, appKey: line[2]!, appSecret: line[3]! }),
  };
}

it('keeps an answered write of a SIGKILLed `dtload sandbox`', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dtload-sandbox-server-kill-'));
  const first = await serve(dir);
  const [contact] = await first.client.listContactsPage(0, 1);
  await first.client.updateContact({ ...bodyOf(contact!), remark: 'written before kill -9' });
  const exited = new Promise((r) => first.child.on('exit', r));
  first.child.kill('SIGKILL');
  await exited;

  const second = await serve(dir);
  expect((await second.client.getContact(contact!.userid)).remark).toBe('written before kill -9');
}, 60_000);
