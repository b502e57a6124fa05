// What every command shares: the global options, the connection to DingTalk (or the sandbox), the data dir.
import type { Command } from 'commander';
import { defaultLang, parseLang, translate, type Lang } from '../../shared/i18n';
import { createDingTalkClient, type DingTalkClient } from '../core/dingtalk';
import { createScheduler } from '../core/engine';
import { defaultDataDir } from '../core/paths';
import { sandboxStatePath, startSavedSandbox, type Sandbox } from '../core/sandbox';
import { CliError } from './errors';

export const DEFAULT_BASE_URL = 'https://oapi.dingtalk.io';
export const MAINLAND_BASE_URL = 'https://oapi.dingtalk.com';

export interface GlobalOptions {
  sandbox: boolean;
  baseUrl?: string;
  maxQps: number;
  dataDir?: string;
}

export interface Connection {
  /** Calls go through the engine's scheduler: rate-limited, transient errors retried. */
  client: DingTalkClient;
  /** Says where we are connected, never with a secret. */
  label: string;
  /** Which organisation and app (host + app key; 'sandbox'): the key of its local contact index. */
  identity: string;
  sandbox?: Sandbox;
  close(): Promise<void>;
}

export interface CliContext {
  env: NodeJS.ProcessEnv;
  /** Set by a command that ends with something other than 0 (rows failed, job-fatal, interrupted). */
  exitCode?: number;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  globals(cmd: Command): GlobalOptions;
  dataDir(cmd: Command): string;
  /** `--lang`, else DTLOAD_LANG, else the OS locale. */
  lang(cmd: Command): Lang;
  connect(cmd: Command): Promise<Connection>;
}

export function createContext(
  env: NodeJS.ProcessEnv = process.env,
  io: { stdout?: NodeJS.WritableStream; stderr?: NodeJS.WriteStream } = {},
): CliContext {
  const globals = (cmd: Command): GlobalOptions => {
    const o = cmd.optsWithGlobals<{
      sandbox?: boolean;
      baseUrl?: string;
      maxQps?: string;
      dataDir?: string;
    }>();
    const maxQps = o.maxQps === undefined ? 20 : Number(o.maxQps);
    if (!Number.isFinite(maxQps) || maxQps <= 0 || maxQps > 1000) {
      throw new CliError(translate(lang(cmd), 'cli.badMaxQps', { value: String(o.maxQps) }));
    }
    return {
      sandbox: Boolean(o.sandbox),
      baseUrl: o.baseUrl ?? env.DTLOAD_BASE_URL,
      maxQps,
      dataDir: o.dataDir,
    };
  };

  const dataDir = (cmd: Command): string => globals(cmd).dataDir ?? defaultDataDir(env);

  const lang = (cmd: Command): Lang => {
    const given = cmd.optsWithGlobals<{ lang?: string }>().lang;
    if (given === undefined) return defaultLang(env);
    const parsed = parseLang(given);
    if (!parsed) throw new CliError(translate(defaultLang(env), 'cli.lang', { given }));
    return parsed;
  };

  return {
    env,
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    globals,
    dataDir,
    lang,
    async connect(cmd) {
      const g = globals(cmd);
      // Every option is checked before the sandbox starts: a bad one thrown after would leave its server
      // listening, and the command would never exit.
      const lng = lang(cmd);
      const scheduler = createScheduler({ maxQps: g.maxQps });
      if (g.sandbox) {
        // The sandbox organisation lives on between runs in the data dir, like a real one.
        const statePath = sandboxStatePath(dataDir(cmd));
        // Saved after each write, before its answer: a kill -9 mid-apply loses no write the journal holds.
        const sandbox = await startSavedSandbox(statePath, { port: 0 });
        const client = createDingTalkClient({
          baseUrl: sandbox.baseUrl,
          appKey: sandbox.appKey,
          appSecret: sandbox.appSecret,
        }).withScheduler(scheduler);
        return {
          client,
          sandbox,
          label: translate(lng, 'cli.sandboxOrg'),
          identity: 'sandbox',
          close: sandbox.close,
        };
      }
      const baseUrl = normaliseBaseUrl(g.baseUrl ?? DEFAULT_BASE_URL, lng);
      const appKey = env.DTLOAD_APP_KEY;
      const appSecret = env.DTLOAD_APP_SECRET;
      if (!appKey || !appSecret) throw new CliError(translate(lng, 'cli.noCredentials'));
      const client = createDingTalkClient({ baseUrl, appKey, appSecret }).withScheduler(scheduler);
      return {
        client,
        label: translate(lng, 'cli.appAt', { host: new URL(baseUrl).host, appKey }),
        identity: `${baseUrl}|${appKey}`,
        close: async () => {},
      };
    },
  };
}

export function normaliseBaseUrl(raw: string, lang: Lang = 'en'): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError(translate(lang, 'cli.badBaseUrl', { value: raw, example: DEFAULT_BASE_URL }));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CliError(translate(lang, 'cli.baseUrlScheme', { value: url.protocol }));
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}
