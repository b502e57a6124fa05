// Web mode refuses every HTTP and WebSocket request that lacks the server's token (403), and one that
// names a foreign host (DNS rebinding); with the token, pages and the contract answer.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebServer, type WebServer } from '../../electron/web/server';

let server: WebServer;
let rendererDir: string;
let base: string;
let token: string;

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'dtload-renderer-'));
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>dtload test page</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  server = await startWebServer({ dataDir: join(rendererDir, 'data'), rendererDir });
  const u = new URL(server.url);
  base = u.origin;
  token = u.searchParams.get('token')!;
});

afterAll(async () => {
  await server?.close();
  await rm(rendererDir, { recursive: true, force: true });
});

/** A raw request, so the Host header can be forged. */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

function wsStatus(url: string, headers: Record<string, string> = {}): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(0));
  });
}

describe('web mode token guard', () => {
  it('prints a loopback URL that carries a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('answers 403 to every path without the token, or with a wrong one', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/api/files/abc', '/api/upload', '/nothing']) {
      expect((await get(path)).status, path).toBe(403);
      expect((await get(`${path}?token=wrong-${token}`)).status, path).toBe(403);
    }
    expect((await get('/', { cookie: 'dtload_token=nope' })).status).toBe(403);
  });

  it('serves the page with the token and keeps it in a strict cookie for the assets', async () => {
    const page = await get(`/?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('dtload test page');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const asset = await get('/assets/app.js', { cookie: cookie.split(';')[0]! });
    expect(asset.status).toBe(200);
    expect(asset.body).toContain('console.log');
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    expect((await get(`/?token=${token}`, { host: 'evil.example:80' })).status).toBe(403);
  });

  it('does not serve files outside the renderer folder', async () => {
    const r = await get(`/..%2f..%2fetc%2fpasswd?token=${token}`);
    expect(r.status).toBe(404);
  });

  it('refuses WebSocket upgrades without the token, with a wrong one or from another origin', async () => {
    const ws = base.replace('http', 'ws');
    expect(await wsStatus(`${ws}/api/ws`)).toBe(403);
    expect(await wsStatus(`${ws}/api/ws?token=x${token}`)).toBe(403);
    expect(await wsStatus(`${ws}/api/ws?token=${token}`, { origin: 'https://evil.example' })).toBe(403);
    expect(await wsStatus(`${ws}/api/ws?token=${token}`)).toBe('open');
  });
});
