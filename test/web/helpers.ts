// Shared by the web-mode tests: a web server on the sandbox, the renderer's own web adapter over `ws`,
// and a recorder of every event the adapter receives.
import type { SandboxFaults } from '../../electron/core/sandbox';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import {
  EVENT_NAMES,
  type EventName,
  type Events,
  type Methods,
  type Unsubscribe,
} from '../../shared/contract';
import { startWebServer, type WebServer } from '../../electron/web/server';

export type LinkStates = 'connecting' | 'open' | 'reconnecting';

/** The renderer's Api (renderer/src/api/types.ts), restated: the node tsconfig cannot include renderer files. */
export interface Api extends Methods {
  readonly host: 'electron' | 'web';
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): Unsubscribe;
  onLink(cb: (state: LinkStates) => void): Unsubscribe;
}

// Loaded at run time through a computed path for the same reason; vitest resolves it like any import.
const WEB_ADAPTER = ['..', '..', 'renderer', 'src', 'api', 'web'].join('/');
async function loadWebAdapter(): Promise<{ createWebApi(token: string, origin: string): Api }> {
  return (await import(/* @vite-ignore */ WEB_ADAPTER)) as {
    createWebApi(token: string, origin: string): Api;
  };
}

export interface Harness {
  server: WebServer;
  api: Api;
  token: string;
  origin: string;
  dataDir: string;
  events: Array<{ event: EventName; payload: unknown }>;
  waitFor<E extends EventName>(event: E, pred?: (p: Events[E]) => boolean, ms?: number): Promise<Events[E]>;
  close(): Promise<void>;
}

export async function startHarness(
  opts: { sandbox?: boolean; rendererDir?: string; faults?: SandboxFaults } = {},
): Promise<Harness> {
  // The renderer adapter uses the browser's WebSocket; `ws` offers the same surface in Node.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  const dataDir = await mkdtemp(join(tmpdir(), 'dtload-web-'));
  const server = await startWebServer({
    dataDir,
    sandbox: opts.sandbox ?? true,
    sandboxOptions: { contacts: 40, ...(opts.faults ? { faults: opts.faults } : {}) },
    rendererDir: opts.rendererDir,
  });
  const url = new URL(server.url);
  const token = url.searchParams.get('token')!;
  const api = (await loadWebAdapter()).createWebApi(token, url.origin);
  const events: Harness['events'] = [];
  const waiters = new Set<() => void>();
  for (const name of EVENT_NAMES) {
    api.on(name, (payload) => {
      events.push({ event: name, payload });
      for (const w of [...waiters]) w();
    });
  }
  await new Promise<void>((resolve) => {
    const off = api.onLink((s) => {
      if (s === 'open') {
        queueMicrotask(() => off());
        resolve();
      }
    });
  });
  return {
    server,
    api,
    token,
    origin: url.origin,
    dataDir,
    events,
    waitFor(event, pred = () => true, ms = 20_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const hit = events.find((e) => e.event === event && pred(e.payload as never));
          if (!hit) return false;
          waiters.delete(check as () => void);
          clearTimeout(timer);
          resolve(hit.payload as never);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check as () => void);
          reject(new Error(`no ${event} event within ${ms} ms`));
        }, ms);
        if (!check()) waiters.add(check as () => void);
      });
    },
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** GET a held file through the download endpoint. */
export async function download(h: Harness, fileId: string): Promise<Response> {
  return fetch(`${h.origin}/api/files/${fileId}?token=${h.token}`);
}
