// The one live connection to DingTalk (or the sandbox). Holds the only copy of the app secret in the
// backend; what leaves is ConnectionInfo: region, host, an app key prefix.
import type { ConnectArgs, ConnectionInfo, Region, TestConnectionResult } from '../../../shared/contract';
import { REGION_BASE_URLS } from '../../../shared/contract';
import { createDingTalkClient, type DingTalkClient } from '../dingtalk';
import { DirectoryService } from '../directory';
import { createScheduler } from '../engine';
import {
  loadSandboxState,
  sandboxStatePath,
  saveSandboxState,
  startSandbox,
  type Sandbox,
  type SandboxFaults,
} from '../sandbox';
import { AppError, appError } from './app-error';
import type { SecretStore, StoredCredentials } from './secret-store';

export interface Live {
  /** Rate-limited, retrying client for real work. */
  client: DingTalkClient;
  /** The staff directory of this connection: read once, on first need, until refreshed. */
  directory: DirectoryService;
  info: ConnectionInfo;
  /** Which organisation and app (host + full app key): a plan made on one is never applied to another. */
  identity: string;
}

/** What the manager keeps beside the Live view: the secret (for scrubbing) and the unscheduled client. */
type Held = Live & { secret: string; raw: DingTalkClient };

export function resolveBaseUrl(region: Region, baseUrl?: string): string {
  if (region !== 'custom') return REGION_BASE_URLS[region];
  let url: URL;
  try {
    url = new URL((baseUrl ?? '').trim());
  } catch {
    throw appError('bad-request', 'error.baseUrl.notUrl', 'error.baseUrl.notUrl.fix');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw appError('bad-request', 'error.baseUrl.scheme');
  }
  if (url.username || url.password || url.search) {
    throw appError('bad-request', 'error.baseUrl.extra');
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

export const appKeyPrefix = (appKey: string): string => `${appKey.slice(0, Math.min(6, appKey.length - 2))}…`;

/** Gets a token, then reads one page of label groups: proves the key, the secret and the permission. */
async function probe(client: DingTalkClient): Promise<void> {
  await client.checkCredentials();
  for await (const _group of client.listLabelGroups()) break;
}

export function createConnectionManager(opts: {
  secrets: SecretStore;
  maxQps: () => Promise<number>;
  onChange: (info: ConnectionInfo | null) => void;
  /** Options for the built-in sandbox organisation (tests seed it smaller). */
  sandbox?: { contacts?: number; latencyMs?: number; faults?: SandboxFaults };
  /** Where the sandbox organisation is kept between starts (as `dtload --sandbox` keeps it). */
  dataDir?: string;
}) {
  let live: Held | null = null;
  let sandbox: Sandbox | null = null;
  // The sandbox organisation lives on in the data dir like a real one, so a job resumed after a restart
  // finds the contacts it created (no 60121): saved soon after every write and when the backend closes.
  const statePath = opts.dataDir ? sandboxStatePath(opts.dataDir) : undefined;
  let savedWrites = 0;
  let saving: Promise<void> = Promise.resolve();
  let saver: NodeJS.Timeout | undefined;
  const saveSandbox = (): Promise<void> => {
    if (!sandbox || !statePath || sandbox.writeLog.length === savedWrites) return saving;
    const box = sandbox;
    savedWrites = box.writeLog.length;
    saving = saving.then(() => saveSandboxState(statePath, box.state())).catch(() => {});
    return saving;
  };
  /** Every secret the backend has seen, so error texts can be scrubbed of them. */
  const seenSecrets = new Set<string>();

  const makeLive = async (
    c: StoredCredentials,
    extra: { sandbox: boolean; remembered: boolean },
  ): Promise<Held> => {
    const raw = createDingTalkClient({ baseUrl: c.baseUrl, appKey: c.appKey, appSecret: c.appSecret });
    await probe(raw);
    const client = raw.withScheduler(createScheduler({ maxQps: await opts.maxQps() }));
    const directory = new DirectoryService(client);
    const prefix = appKeyPrefix(c.appKey);
    const host = new URL(c.baseUrl).host;
    return {
      client,
      directory,
      raw,
      secret: c.appSecret,
      // The sandbox is seeded the same on every start: its jobs resume on any run of it.
      identity: extra.sandbox ? 'sandbox' : `${c.baseUrl}|${c.appKey}`,
      info: {
        connected: true,
        sandbox: extra.sandbox,
        region: extra.sandbox ? 'sandbox' : c.region,
        baseUrl: c.baseUrl,
        appKeyPrefix: prefix,
        label: extra.sandbox ? 'Connected to the sandbox organisation' : `Connected to ${host} as ${prefix}`,
        remembered: extra.remembered,
        connectedAt: new Date().toISOString(),
      },
    };
  };

  const set = (next: Held | null): ConnectionInfo | null => {
    live = next;
    const info = next ? { ...next.info } : null;
    opts.onChange(info);
    return info;
  };

  return {
    secrets: (): Iterable<string> => seenSecrets,
    current: (): Live | null => live,
    require(): Live {
      if (!live) {
        throw new AppError(
          'not-connected',
          'dtload is not connected to DingTalk.',
          'Connect with your app key and secret, or try the sandbox.',
        );
      }
      return live;
    },

    async connect(args: ConnectArgs): Promise<ConnectionInfo> {
      seenSecrets.add(args.appSecret);
      const creds: StoredCredentials = {
        region: args.region,
        baseUrl: resolveBaseUrl(args.region, args.baseUrl),
        appKey: args.appKey.trim(),
        appSecret: args.appSecret,
      };
      // Refuse "remember" before connecting, so the admin is not left believing it was kept.
      const refused = args.remember ? opts.secrets.unavailableReason() : undefined;
      if (refused && opts.secrets.persistent) {
        throw new AppError(
          'unsupported',
          `dtload cannot remember these credentials: ${refused}`,
          'Connect without "remember".',
        );
      }
      const next = await makeLive(creds, { sandbox: false, remembered: false });
      if (args.remember && !refused) {
        await opts.secrets.save(creds);
        next.info.remembered = true;
      } else if (args.remember) {
        // Memory-only store (web mode): kept for this run, and the UI says so via capabilities.
        await opts.secrets.save(creds);
      } else {
        await opts.secrets.clear();
      }
      return set(next)!;
    },

    async connectSandbox(): Promise<ConnectionInfo> {
      if (!sandbox) {
        const state = statePath ? await loadSandboxState(statePath) : undefined;
        sandbox = await startSandbox({ port: 0, ...opts.sandbox, ...(state ? { state } : {}) });
        savedWrites = sandbox.writeLog.length;
        if (statePath) {
          saver = setInterval(() => void saveSandbox(), 1000);
          saver.unref();
        }
      }
      seenSecrets.add(sandbox.appSecret);
      const next = await makeLive(
        { region: 'custom', baseUrl: sandbox.baseUrl, appKey: sandbox.appKey, appSecret: sandbox.appSecret },
        { sandbox: true, remembered: false },
      );
      return set(next)!;
    },

    /** Reconnects with remembered credentials at start; a failure leaves them stored and us disconnected. */
    async restore(): Promise<ConnectionInfo | null> {
      const c = await opts.secrets.load().catch(() => null);
      if (!c) return null;
      seenSecrets.add(c.appSecret);
      try {
        return set(await makeLive(c, { sandbox: false, remembered: opts.secrets.persistent }));
      } catch {
        return null;
      }
    },

    async test(args: Omit<ConnectArgs, 'remember'> | undefined): Promise<TestConnectionResult> {
      const started = Date.now();
      let client: DingTalkClient;
      if (args) {
        seenSecrets.add(args.appSecret);
        client = createDingTalkClient({
          baseUrl: resolveBaseUrl(args.region, args.baseUrl),
          appKey: args.appKey.trim(),
          appSecret: args.appSecret,
          timeoutMs: 10_000,
        });
      } else {
        client = this.require().client;
      }
      await probe(client);
      return { ok: true, latencyMs: Date.now() - started };
    },

    /** A new max qps applies to reads (export, dry runs) at once; jobs take it when they start. */
    setMaxQps(maxQps: number): void {
      if (!live) return;
      live.client = live.raw.withScheduler(createScheduler({ maxQps }));
      live.directory.setClient(live.client);
    },

    async disconnect(forget: boolean): Promise<void> {
      if (forget) await opts.secrets.clear();
      if (live) set(null);
    },

    async close(): Promise<void> {
      live = null;
      if (saver) clearInterval(saver);
      await saveSandbox();
      await sandbox?.close();
      sandbox = null;
    },
  };
}

export type ConnectionManager = ReturnType<typeof createConnectionManager>;
