// `dtload ui --sandbox`: serves web mode, prints one address with its token, stops on Ctrl+C.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../electron/cli/context';
import { main } from '../../electron/cli/main';

let home: string;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'dtload-ui-'));
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('dtload ui', () => {
  it('serves the sandbox in web mode behind the printed token until interrupted', async () => {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    const stderr = new PassThrough() as unknown as NodeJS.WriteStream;
    const ctx = createContext({ DTLOAD_HOME: home }, { stdout, stderr });
    const before = process.listenerCount('SIGINT');
    const exit = main(['node', 'dtload', 'ui', '--sandbox', '--port', '0'], ctx);

    const started = Date.now();
    while (!/open (http:\S+)/.test(out)) {
      if (Date.now() - started > 20_000) throw new Error(`no address printed: ${out}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    const url = new URL(/open (http:\S+)/.exec(out)![1]!);
    expect(url.hostname).toBe('127.0.0.1');
    expect(out).toMatch(/sandbox organisation/);
    expect(out).toMatch(/memory only/);

    expect((await fetch(url.origin)).status).toBe(403);
    const page = await fetch(url);
    expect(page.status).not.toBe(403);

    // Ctrl+C: the command's own SIGINT listener stops the server and the command returns 0.
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    process.listeners('SIGINT').at(-1)!('SIGINT');
    expect(await exit).toBe(0);
    expect(process.listenerCount('SIGINT')).toBe(before);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('refuses a bad port with a usage error', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const ctx = createContext(
      { DTLOAD_HOME: home },
      { stdout, stderr: stderr as unknown as NodeJS.WriteStream },
    );
    expect(await main(['node', 'dtload', 'ui', '--port', '99999'], ctx)).toBe(2);
    expect(err).toMatch(/--port must be 0-65535/);
  });
});
