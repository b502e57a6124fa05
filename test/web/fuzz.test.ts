// Web mode survives a few hundred malformed requests (bad methods, huge headers, escaping paths, NULs,
// truncated bodies, invalid JSON, random bytes), never serves a file outside its folder, and a file that
// vanishes under a request ends that request, not the process: a normal request works afterwards.
import { mkdir, mkdtemp, readdir, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebServer, type WebServer } from '../../electron/web/server';

const SECRET = 'TOP SECRET outside the renderer folder';
const PAGE = '<!doctype html><title>dtload fuzz page</title>';
const APP = 'console.log("app")';
let server: WebServer;
let top: string;
let dataDir: string;
let port: number;
let token: string;

beforeAll(async () => {
  top = await mkdtemp(join(tmpdir(), 'dtload-fuzz-'));
  const rendererDir = join(top, 'renderer');
  dataDir = join(top, 'data');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), PAGE);
  await writeFile(join(rendererDir, 'assets', 'app.js'), APP);
  await writeFile(join(top, 'secret.txt'), SECRET);
  // Links inside the folder that lead out of it.
  await symlink(join(top, 'secret.txt'), join(rendererDir, 'assets', 'leak.txt'));
  await symlink('/etc', join(rendererDir, 'etc'));
  server = await startWebServer({ dataDir, rendererDir });
  const u = new URL(server.url);
  port = u.port ? Number(u.port) : 80;
  token = u.searchParams.get('token')!;
});

afterAll(async () => {
  await server?.close();
  await rm(top, { recursive: true, force: true });
});

/** Sends raw bytes and collects whatever comes back until the server closes (or a short timeout). */
function raw(bytes: string | Buffer, ms = 1500): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    const done = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(got);
    };
    const timer = setTimeout(done, ms);
    socket.on('data', (d: Buffer) => (got += d.toString('latin1')));
    socket.on('error', done);
    socket.on('close', done);
    socket.write(bytes, () => socket.end());
  });
}

const host = (): string => `Host: 127.0.0.1:${port}`;
const cookie = (): string => `Cookie: dtload_token=${token}`;
const status = (answer: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

function get(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { cookie: `dtload_token=${token}` } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A small seeded PRNG: the fuzz repeats run to run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BAD_PATHS = [
  '/../../etc/passwd',
  '/..%2f..%2f..%2fetc%2fpasswd',
  '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '/assets/../../secret.txt',
  '/assets/%2e%2e/%2e%2e/secret.txt',
  '/..\\..\\secret.txt',
  '/%5c..%5c..%5csecret.txt',
  '//etc/passwd',
  '/etc/passwd',
  '/assets/leak.txt',
  '/index.html%00.js',
  '/%00',
  '/assets/app.js%00',
  '/%E0%A4%A',
  '/%',
  '/%zz',
  '/' + 'a'.repeat(5000),
  '/assets/' + '../'.repeat(40) + 'etc/passwd',
  '/%252e%252e/secret.txt',
  '/index.html/..',
  '/assets',
  '/api/files/../../secret.txt',
  '/api/files/%2e%2e%2fsecret',
];

it('keeps serving through a few hundred malformed requests and never leaves its folder', async () => {
  const answers: string[] = [];
  const send = async (bytes: string | Buffer): Promise<void> => {
    answers.push(await raw(bytes));
  };
  // Bad methods and request lines.
  for (const m of [
    'FOO',
    'GET\x00',
    'PROPFIND',
    'DELETE',
    'PUT',
    'TRACE',
    'CONNECT',
    'OPTIONS',
    'PATCH',
    'G E T',
  ]) {
    await send(`${m} / HTTP/1.1\r\n${host()}\r\n${cookie()}\r\n\r\n`);
  }
  for (const line of [
    'GET\r\n\r\n',
    'GET / HTTP/9.9\r\n\r\n',
    '\r\n\r\n\r\n',
    'HTTP/1.1 200 OK\r\n\r\n',
    'GET /',
  ]) {
    await send(line);
  }
  // Huge headers, many headers, a header without a colon, a bad Content-Length.
  await send(`GET / HTTP/1.1\r\n${host()}\r\nX-Big: ${'x'.repeat(200_000)}\r\n\r\n`);
  await send(
    `GET / HTTP/1.1\r\n${host()}\r\n${Array.from({ length: 3000 }, (_, i) => `X-${i}: ${i}`).join('\r\n')}\r\n\r\n`,
  );
  await send(`GET / HTTP/1.1\r\n${host()}\r\nno colon here\r\n\r\n`);
  await send(`POST /api/upload HTTP/1.1\r\n${host()}\r\n${cookie()}\r\nContent-Length: -5\r\n\r\n`);
  await send(
    `POST /api/upload HTTP/1.1\r\n${host()}\r\n${cookie()}\r\nContent-Length: 10\r\nContent-Length: 20\r\n\r\n`,
  );
  // Paths that try to leave the folder, with the token (so they reach the file server) and without it.
  for (const p of BAD_PATHS) {
    await send(`GET ${p} HTTP/1.1\r\n${host()}\r\n${cookie()}\r\n\r\n`);
    await send(`HEAD ${p} HTTP/1.1\r\n${host()}\r\n${cookie()}\r\n\r\n`);
    await send(`GET ${p}?token=${token} HTTP/1.1\r\n${host()}\r\n\r\n`);
    await send(`GET ${p} HTTP/1.1\r\n${host()}\r\n\r\n`);
  }
  // Truncated bodies and invalid JSON on the POST routes.
  for (let i = 0; i < 20; i++) {
    const route = i % 2 ? '/api/upload?name=x.csv' : '/api/call';
    await send(
      `POST ${route} HTTP/1.1\r\n${host()}\r\n${cookie()}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"method": "listJobs", "args": {`,
    );
    await send(
      `POST ${route} HTTP/1.1\r\n${host()}\r\n${cookie()}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{not json\r\n`,
    );
  }
  // Random bytes, and random mutations of a good request (seeded).
  const rand = prng(10);
  const good = Buffer.from(`GET /assets/app.js HTTP/1.1\r\n${host()}\r\n${cookie()}\r\n\r\n`);
  for (let i = 0; i < 150; i++) {
    if (i % 2) {
      await send(
        Buffer.from(Array.from({ length: 1 + Math.floor(rand() * 400) }, () => Math.floor(rand() * 256))),
      );
    } else {
      const b = Buffer.from(good);
      for (let k = 0; k < 1 + Math.floor(rand() * 6); k++)
        b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
      await send(b);
    }
  }
  // Invalid JSON and bad frames over the WebSocket.
  let wsAnswers = 0;
  for (const msg of [
    '{not json',
    'null',
    '[]',
    '{"id":"x"}',
    '{"id":1,"method":"nope","args":{}}',
    '{"id":2,"method":"listJobs","args":"bad"}',
    '\u0000\u0001',
  ]) {
    await new Promise<void>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api/ws?token=${token}`, {
        headers: { host: `127.0.0.1:${port}` },
      });
      ws.on('open', () => ws.send(msg));
      ws.on('message', () => {
        wsAnswers++;
        ws.close();
      });
      ws.on('close', () => resolve());
      ws.on('error', () => resolve());
      setTimeout(() => {
        ws.terminate();
        resolve();
      }, 1500);
    });
  }
  await send(
    `GET /api/ws?token=${token} HTTP/1.1\r\n${host()}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: bad\r\nSec-WebSocket-Version: 13\r\n\r\n\xff\xff\xff\xff`,
  );

  console.log(
    `web fuzz: ${answers.length + 7} malformed requests; answers by status: ${JSON.stringify(
      answers.reduce<Record<number, number>>((m, a) => ((m[status(a)] = (m[status(a)] ?? 0) + 1), m), {}),
    )}; ws replies ${wsAnswers}`,
  );
  expect(answers.length).toBeGreaterThanOrEqual(300);
  for (const a of answers) {
    expect(a).not.toContain(SECRET);
    expect(a).not.toMatch(/root:.*:0:0:/);
    // Nothing outside the folder is ever answered with 200 (the only 200s are the page and its asset).
    if (status(a) === 200) expect(['', PAGE, APP]).toContain(a.slice(a.indexOf('\r\n\r\n') + 4));
  }
  // Still serving.
  expect(await get('/')).toEqual({ status: 200, body: PAGE });
  expect((await get('/assets/leak.txt')).status).toBe(404);
  expect((await get('/etc/passwd')).status).toBe(404);
}, 120_000);

it('answers 404 for a held file gone from the disk, and survives files vanishing mid-request', async () => {
  // Upload, then delete the uploaded file behind the server's back: the download is a 404, not a crash.
  const up = await new Promise<{ ok: boolean; value?: { fileId: string } }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/upload?name=gone.csv`,
        method: 'POST',
        headers: { cookie: `dtload_token=${token}` },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(JSON.parse(body) as { ok: boolean; value?: { fileId: string } }));
      },
    );
    req.on('error', reject);
    req.end('user_id,remark\n1,x\n');
  });
  expect(up.ok).toBe(true);
  const uploads = join(dataDir, 'uploads');
  for (const d of await readdir(uploads)) await rm(join(uploads, d), { recursive: true, force: true });
  const gone = await get(`/api/files/${up.value!.fileId}`);
  expect(gone.status).toBe(404);
  expect(gone.body).toMatch(/no longer on the disk/);

  // A big file removed and written again while it is being asked for, many times at once.
  const big = join(top, 'renderer', 'assets', 'big.bin');
  const data = Buffer.alloc(2 * 1024 * 1024, 7);
  await writeFile(big, data);
  let churn = true;
  const churner = (async () => {
    while (churn) {
      await unlink(big).catch(() => {});
      await writeFile(big, data.subarray(0, Math.floor(Math.random() * data.length)));
    }
  })();
  const outcomes = await Promise.all(
    Array.from({ length: 60 }, () =>
      get('/assets/big.bin').then(
        (r) => r.status,
        () => 'cut',
      ),
    ),
  );
  churn = false;
  await churner;
  expect(outcomes.every((o) => o === 200 || o === 404 || o === 'cut')).toBe(true);
  expect(await get('/')).toMatchObject({ status: 200 });
}, 60_000);
