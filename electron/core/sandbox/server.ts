// startSandbox: the organisation served over HTTP on 127.0.0.1, and the same handler as an
// in-process fetch (no socket) for benchmarks.
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Answer } from './answers';
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET } from './credentials';
import { Organisation, type IncomingCall } from './organisation';
import type { Sandbox, SandboxFetch, SandboxOptions, SandboxResponse } from './types';

/** Extra controls a test may use beyond the Sandbox contract. */
export interface SandboxHandle extends Sandbox {
  setLatency(ms: number): void;
  /** Forget every token issued so far: they answer 40014 (unknown token). */
  revokeTokens(): void;
  /** Every access_token issued so far (for redaction tests). */
  issuedTokens(): string[];
}

const NO_SERVER_BASE_URL = 'http://sandbox.invalid';

export async function startSandbox(opts: SandboxOptions = {}): Promise<SandboxHandle> {
  const org = new Organisation(opts);
  const server = opts.listen === false ? undefined : await listen(org, opts.port ?? 0, opts.onWrite);
  const baseUrl = server ? `http://127.0.0.1:${(server.address() as AddressInfo).port}` : NO_SERVER_BASE_URL;
  return {
    baseUrl,
    appKey: SANDBOX_APP_KEY,
    appSecret: SANDBOX_APP_SECRET,
    fetch: inProcessFetch(org),
    contacts: () => org.contacts(),
    labelGroups: () => org.labelGroups(),
    getContactById: (id) => org.getContactById(id),
    directory: () => structuredClone(org.directory.data),
    writeLog: org.writeLog,
    callCounts: () => org.callCounts(),
    throttledCount: () => org.throttledCount(),
    setFaults: (f) => org.setFaults(f),
    setLimits: (l) => org.setLimits(l),
    setLatency: (ms) => org.setLatency(ms),
    issuedTokens: () => org.issuedTokens(),
    expireTokens: () => org.expireTokens(),
    revokeTokens: () => org.revokeTokens(),
    state: () => org.state(),
    close: () => (server ? closeServer(server) : Promise.resolve()),
  };
}

function listen(org: Organisation, port: number, onWrite: SandboxOptions['onWrite']): Promise<Server> {
  const server = createServer((req, res) => void serve(org, req, res, onWrite));
  // Outlive the client's idle sockets (undici keeps them ~4 s), so a reused socket is never closed
  // under a request by the server: that would look like a dropped write.
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function serve(
  org: Organisation,
  req: IncomingMessage,
  res: ServerResponse,
  onWrite: SandboxOptions['onWrite'],
): Promise<void> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const writes = org.writeLog.length;
    const answer = await org.handle({
      method: req.method ?? 'GET',
      url: new URL(req.url ?? '/', 'http://127.0.0.1'),
      contentType: req.headers['content-type'] ?? '',
      bodyText: Buffer.concat(chunks).toString('utf8'),
    });
    if (onWrite && org.writeLog.length > writes) await onWrite();
    if (res.destroyed) return;
    if (answer.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    const { status, type, text } = render(answer);
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
    res.end(text);
  } catch {
    if (!res.headersSent && !res.destroyed) res.writeHead(500).end();
  }
}

function render(answer: Exclude<Answer, { kind: 'drop' }>): { status: number; type: string; text: string } {
  return answer.kind === 'json'
    ? { status: answer.status, type: 'application/json;charset=utf-8', text: JSON.stringify(answer.body) }
    : { status: answer.status, type: 'text/html;charset=utf-8', text: answer.html };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** What undici throws when the peer closes the socket before answering. */
function socketClosedError(): TypeError {
  const cause = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
  return new TypeError('fetch failed', { cause });
}

/**
 * A fetch that reaches the organisation directly: same answers, drops and latency, no socket. It reads the
 * url and init as they are and answers a small Response-like object: a WHATWG Request, Response, Headers and
 * body stream per call would be most of what a benchmark through it measures (and most of its garbage).
 */
function inProcessFetch(org: Organisation): SandboxFetch {
  return async (input, init) => {
    const req = input instanceof Request ? new Request(input, init) : undefined;
    const call = req ? await callOfRequest(req) : callOf(input as string | URL, init);
    const signal = req ? req.signal : init?.signal;
    signal?.throwIfAborted();
    // An answer without latency is ready at once: no abort listener or extra promise needed.
    const answer = !org.delayed
      ? org.answer(call)
      : signal
        ? await abortable(org.handle(call), signal)
        : await org.handle(call);
    if (answer.kind === 'drop') throw socketClosedError();
    const { status, type, text } = render(answer);
    return new InProcessResponse(status, type, text);
  };
}

function callOf(input: string | URL, init: RequestInit | undefined): IncomingCall {
  const body = init?.body;
  const url = new URL(input);
  const method = (init?.method ?? 'GET').toUpperCase();
  let contentType = headerOf(init?.headers, 'content-type');
  let bodyText: string;
  if (body === undefined || body === null) bodyText = '';
  else if (typeof body === 'string') {
    bodyText = body;
    contentType ??= 'text/plain;charset=UTF-8'; // as fetch sets it
  } else if (body instanceof URLSearchParams) {
    bodyText = body.toString();
    contentType ??= 'application/x-www-form-urlencoded;charset=UTF-8'; // as fetch sets it
  } else if (ArrayBuffer.isView(body) || body instanceof ArrayBuffer) {
    bodyText = (
      body instanceof ArrayBuffer
        ? Buffer.from(body)
        : Buffer.from(body.buffer, body.byteOffset, body.byteLength)
    ).toString('utf8');
  } else {
    throw new TypeError('sandbox fetch: send the body as a string, URLSearchParams or bytes');
  }
  return { method, url, contentType: contentType ?? '', bodyText };
}

async function callOfRequest(req: Request): Promise<IncomingCall> {
  return {
    method: req.method,
    url: new URL(req.url),
    contentType: req.headers.get('content-type') ?? '',
    bodyText: await req.text(),
  };
}

function headerOf(headers: RequestInit['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const pairs = Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [k, v] of pairs) {
    if (k !== undefined && k.toLowerCase() === name) return typeof v === 'string' ? v : v?.join(', ');
  }
  return undefined;
}

class InProcessResponse implements SandboxResponse {
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: SandboxResponse['headers'];

  constructor(
    readonly status: number,
    type: string,
    private readonly body: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.statusText = STATUS_CODES[status] ?? '';
    this.headers = { get: (name) => (name.toLowerCase() === 'content-type' ? type : null) };
  }

  text(): Promise<string> {
    return Promise.resolve(this.body);
  }

  json(): Promise<unknown> {
    try {
      return Promise.resolve(JSON.parse(this.body) as unknown);
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
