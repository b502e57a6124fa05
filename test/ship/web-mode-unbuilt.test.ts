// Web mode never builds anything at run time: without built pages, `dtload ui` and `npm start` say in one
// line which command builds them (exit 2), and a server without them answers that line, never a 503 page.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../electron/web/static-files';

const ROOT = resolve(__dirname, '../..');
let copy: string;

beforeAll(async () => {
  // A checkout whose build made the CLI but not the pages (out/renderer missing).
  copy = await mkdtemp(join(tmpdir(), 'dtload-unbuilt-'));
  await symlink(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  await mkdir(join(copy, 'out'));
  const { buildCli } = (await import(join(ROOT, 'scripts', 'build-cli.mjs'))) as {
    buildCli(o: { outdir: string }): Promise<unknown>;
  };
  await buildCli({ outdir: join(copy, 'out', 'cli') });
});
afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
});

const run = (entry: string, args: string[]) =>
  promisify(execFile)(process.execPath, [join(copy, 'out', 'cli', entry), ...args], {
    env: { PATH: process.env.PATH, DTLOAD_HOME: join(copy, 'home') },
  }).then(
    (r) => ({ ...r, code: 0 }),
    (e: { stdout: string; stderr: string; code: number }) => e,
  );

describe('web mode without built pages', () => {
  it('`dtload ui` names the build command in one line, exit 2', async () => {
    const r = await run('dtload.js', ['ui', '--sandbox']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "dtload: the app's pages are not built: run `npm run build` in the dtload folder\n",
    );
    expect(r.stdout).toBe('');
  });

  it('`npm start` does the same', async () => {
    const r = await run('start.js', []);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      "dtload: the app's pages are not built: run `npm run build` in the dtload folder",
    ]);
  });

  it('a server without them answers the index with that line (404), not a 503 page', async () => {
    const server: Server = createServer((req, res) => {
      void serveStatic(join(copy, 'out', 'renderer'), req.url ?? '/', res).then((served) => {
        if (!served) res.writeHead(404).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(res.status).toBe(404);
      expect(await res.text()).toMatch(/^dtload: .*run `npm run build`/);
    } finally {
      server.close();
    }
  });
});
