// sendFile against a file that changes between being measured and being read: the response carries exactly
// the measured bytes (or is cut), so a kept-alive socket is never left holding stray bytes.
import { appendFileSync, truncateSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, createServer, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sendFile } from '../../electron/web/send-file.js';

let dir: string;
let server: Server;
let port: number;
/** What happens to the file once its headers are out, set per test. */
let afterHead: (path: string) => void = () => {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dtload-send-'));
  server = createServer((req, res) => {
    const path = join(dir, (req.url ?? '/').slice(1));
    const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => ServerResponse;
    // The file changes right after it was measured and before its bytes are read.
    res.writeHead = ((...a: unknown[]) => {
      const out = writeHead(...a);
      afterHead(path);
      return out;
    }) as typeof res.writeHead;
    void sendFile(res, path, { 'content-type': 'application/octet-stream' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

function get(agent: Agent, path: string): Promise<{ status: number; length: number; declared: number }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let length = 0;
      res.on('data', (c: Buffer) => (length += c.length));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, length, declared: Number(res.headers['content-length']) }),
      );
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('aborted')));
    });
    req.on('error', reject);
    req.end();
  });
}

it('sends only the measured bytes of a file that grew, and the kept-alive socket answers the next request', async () => {
  await writeFile(join(dir, 'grows.bin'), Buffer.alloc(1000, 1));
  await writeFile(join(dir, 'other.bin'), Buffer.alloc(10, 2));
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  afterHead = (path) => {
    if (path.endsWith('grows.bin')) appendFileSync(path, Buffer.alloc(500, 3));
  };
  try {
    const first = await get(agent, '/grows.bin');
    expect(first).toEqual({ status: 200, length: 1000, declared: 1000 });
    // Same socket (maxSockets 1): stray bytes from the first answer would fail this parse.
    expect(await get(agent, '/other.bin')).toEqual({ status: 200, length: 10, declared: 10 });
  } finally {
    agent.destroy();
    afterHead = () => {};
  }
});

it('cuts the answer for a file that shrank, instead of leaving the client waiting', async () => {
  await writeFile(join(dir, 'shrinks.bin'), Buffer.alloc(100_000, 1));
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  afterHead = (path) => {
    if (path.endsWith('shrinks.bin')) truncateSync(path, 10);
  };
  try {
    await expect(get(agent, '/shrinks.bin')).rejects.toThrow();
    afterHead = () => {};
    await writeFile(join(dir, 'after.bin'), Buffer.alloc(5, 2));
    expect(await get(agent, '/after.bin')).toEqual({ status: 200, length: 5, declared: 5 });
  } finally {
    agent.destroy();
    afterHead = () => {};
  }
}, 3_000);

it('answers an empty file with no body', async () => {
  await writeFile(join(dir, 'empty.bin'), '');
  const agent = new Agent({ keepAlive: true });
  try {
    expect(await get(agent, '/empty.bin')).toEqual({ status: 200, length: 0, declared: 0 });
  } finally {
    agent.destroy();
  }
});
