// The renderer's Electron adapter over a bridge shaped like the preload's: values come back unwrapped,
// failures as ApiError carrying the backend's explanation, events by name.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  METHOD_NAMES,
  type Bridge,
  type EventName,
  type Events,
  type Methods,
  type Unsubscribe,
} from '../../shared/contract';
import { createBackend, memorySecretStore, type Backend } from '../../electron/core/app';

interface Api extends Methods {
  readonly host: 'electron' | 'web';
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): Unsubscribe;
}

// The node tsconfig cannot include renderer files: loaded through a computed path at run time.
const ADAPTER = ['..', '..', 'renderer', 'src', 'api', 'electron'].join('/');

let dataDir: string;
let backend: Backend;
let api: Api;
const listeners = new Map<string, Set<(p: unknown) => void>>();

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dtload-adapter-'));
  backend = createBackend({
    dataDir,
    secrets: memorySecretStore(),
    host: 'electron',
    emit: (event, payload) => {
      for (const cb of listeners.get(event) ?? []) cb(structuredClone(payload));
    },
    sandbox: { contacts: 10 },
  });
  const bridge = Object.fromEntries(
    METHOD_NAMES.map((m) => [m, (args: unknown) => backend.dispatch(m, structuredClone(args))]),
  ) as unknown as Bridge;
  bridge.on = (event, cb) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(cb as (p: unknown) => void);
    return () => set.delete(cb as (p: unknown) => void);
  };
  const { createElectronApi } = (await import(/* @vite-ignore */ ADAPTER)) as {
    createElectronApi(b: Bridge): Api;
  };
  api = createElectronApi(bridge);
});
afterAll(async () => {
  await backend.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('Electron api adapter', () => {
  it('unwraps values and forwards events', async () => {
    expect(api.host).toBe('electron');
    const seen: unknown[] = [];
    const off = api.on('connection:changed', (c) => seen.push(c?.sandbox));
    const conn = await api.connectSandbox();
    expect(conn.connected).toBe(true);
    off();
    await api.disconnect();
    expect(seen).toEqual([true]);
    expect(await api.getConnection()).toBeNull();
  });

  it('rejects with ApiError carrying kind, meaning and solution', async () => {
    const err = await api.getOrgSummary().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({
      name: 'ApiError',
      info: { kind: 'not-connected', meaning: 'dtload is not connected to DingTalk.' },
    });
    expect((err as { info: { solution: string } }).info.solution).toMatch(/sandbox/);
    expect((err as Error).message).toBe('dtload is not connected to DingTalk.');
  });
});
