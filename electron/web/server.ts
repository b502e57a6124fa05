// Web mode: the same backend as the desktop app, over HTTP and one WebSocket on 127.0.0.1. Every request
// must carry the server's random token (query or cookie) and name our own host, else 403. Secrets stay
// in memory only (the UI says so from getCapabilities).
import type { SandboxFaults } from '../core/sandbox';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Envelope, EventName, Events, WireCall, WireEvent, WireReply } from '../../shared/contract';
import { createBackend, MAX_UPLOAD_BYTES, memorySecretStore, type Backend } from '../core/app';
import { DEFAULT_RENDERER_DIR } from './built-pages';
import { sendFile } from './send-file';
import { serveStatic } from './static-files';
import { hostAllowed, newToken, tokenCookie, tokenOf } from './token';

export interface WebServerOptions {
  dataDir: string;
  port?: number;
  /** Only loopback: web mode is for this machine. */
  host?: '127.0.0.1';
  /** Connect to the built-in sandbox organisation at start. */
  sandbox?: boolean;
  /** Built renderer (default <repo>/out/renderer). */
  rendererDir?: string;
  version?: string;
  /** Sandbox seed size (tests). */
  sandboxOptions?: { contacts?: number; latencyMs?: number; faults?: SandboxFaults };
}

export interface WebServer {
  /** http://127.0.0.1:PORT/?token=… */
  url: string;
  port: number;
  backend: Backend;
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
export { DEFAULT_RENDERER_DIR };

/** dtload's version from package.json (web mode runs from the checkout). */
function packageVersion(): string {
  try {
    return (
      (JSON.parse(readFileSync(resolve(here, '../../package.json'), 'utf8')) as { version?: string })
        .version ?? '0.0.0'
    );
  } catch {
    return '0.0.0';
  }
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  // The token rides in the page URL: never send it on as a Referer.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function forbidden(res: ServerResponse): void {
  res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Forbidden: open the address dtload printed (it carries the access token).\n');
}

async function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** RFC 5987 filename for Content-Disposition (names may be Chinese). */
const disposition = (name: string): string =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = newToken();
  const rendererDir = opts.rendererDir ?? DEFAULT_RENDERER_DIR;
  const sockets = new Set<WebSocket>();

  const emit = <E extends EventName>(event: E, payload: Events[E]): void => {
    const msg = JSON.stringify({ event, payload } satisfies WireEvent);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(msg);
  };

  const backend = createBackend({
    dataDir: opts.dataDir,
    secrets: memorySecretStore(),
    emit,
    host: 'web',
    version: opts.version ?? packageVersion(),
    sandbox: opts.sandboxOptions,
  });

  let port = 0;
  const server = createServer((req, res) => {
    void handle(req, res).catch(async (e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: await backend.explain(e) });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const via = hostAllowed(req, port) ? tokenOf(req, url, token) : null;
    if (!via) return forbidden(res);
    // First visit with ?token=: keep it in a cookie so the page's own asset requests carry it.
    if (via === 'query') res.setHeader('set-cookie', tokenCookie(token));

    if (url.pathname === '/api/upload') {
      if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: methodError('POST') });
      const body = await readBody(req, MAX_UPLOAD_BYTES);
      if (!body) {
        return sendJson(res, 413, {
          ok: false,
          error: {
            kind: 'bad-request',
            meaning: 'The file is too large.',
            solution: 'Split it into smaller files.',
          },
        } satisfies Envelope<never>);
      }
      const name = url.searchParams.get('name') ?? 'upload';
      return sendJson(res, 200, await backend.dispatch('uploadFile', { name, data: new Uint8Array(body) }));
    }

    const download = /^\/api\/files\/([A-Za-z0-9_-]{1,200})$/.exec(url.pathname);
    if (download) {
      if (req.method !== 'GET') return sendJson(res, 405, { ok: false, error: methodError('GET') });
      let file: ReturnType<Backend['heldFile']>;
      try {
        file = backend.heldFile(download[1]!);
      } catch (e) {
        return sendJson(res, 404, { ok: false, error: await backend.explain(e) });
      }
      const sent = await sendFile(res, file.path, {
        'content-type': 'application/octet-stream',
        'content-disposition': disposition(url.searchParams.get('name') || file.name),
        'cache-control': 'no-store',
      });
      // Held, but gone from the disk since (swept, deleted by hand).
      if (sent === 'missing') return sendJson(res, 404, { ok: false, error: goneError() });
      return;
    }

    if (url.pathname.startsWith('/api/')) return sendJson(res, 404, { ok: false, error: notFoundError() });
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, { ok: false, error: methodError('GET') });
    if (!(await serveStatic(rendererDir, url.pathname, res, { head: req.method === 'HEAD' }))) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
    }
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    // A client that resets mid-handshake must not take the process down (an 'error' nobody listens to).
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const origin = req.headers.origin;
    const originOk =
      !origin || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
    if (url.pathname !== '/api/ws' || !hostAllowed(req, port) || !originOk || !tokenOf(req, url, token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    // Bad frames (invalid UTF-8, oversized, bad opcodes) close this socket, nothing else.
    ws.on('error', () => ws.terminate());
    ws.on('message', (data) => {
      void (async () => {
        let msg: Partial<WireCall>;
        try {
          msg = JSON.parse(String(data)) as Partial<WireCall>;
        } catch {
          return ws.close(1003, 'not JSON');
        }
        if (typeof msg !== 'object' || msg === null || typeof msg.id !== 'number')
          return ws.close(1003, 'no id');
        // uploadFile carries bytes: over HTTP only (/api/upload), never JSON.
        const result =
          msg.method === 'uploadFile'
            ? ({
                ok: false,
                error: {
                  kind: 'unsupported',
                  meaning: 'Upload files over HTTP (/api/upload).',
                  solution: '',
                },
              } as const)
            : await backend.dispatch(String(msg.method), msg.args);
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: msg.id, result } satisfies WireReply));
      })();
    });
    void backend.interruptedJobs().then(
      (jobs) => {
        if (jobs.length > 0 && ws.readyState === ws.OPEN) {
          ws.send(JSON.stringify({ event: 'jobs:interrupted', payload: jobs } satisfies WireEvent));
        }
      },
      () => {},
    );
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  await backend.ready;
  if (opts.sandbox) await backend.connectSandbox();

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    backend,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      await backend.close();
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
    },
  };
}

const methodError = (allowed: string) =>
  ({ kind: 'bad-request', meaning: `Use ${allowed} for this address.`, solution: '' }) as const;
const notFoundError = () => ({ kind: 'not-found', meaning: 'No such address.', solution: '' }) as const;
const goneError = () =>
  ({
    kind: 'not-found',
    meaning: 'That file is no longer on the disk.',
    solution: 'Make it again (export or report).',
  }) as const;
