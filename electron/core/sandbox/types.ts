// The sandbox's public shapes: options, fault knobs, the handle a test or the CLI holds.
import type { Contact, Endpoint, LabelGroup } from '../../../shared/domain';
import type { DirectorySize, SandboxDirectory } from './directory-data';

export interface SandboxLimits {
  /** Accepted calls per second per endpoint before 90018 (DingTalk: about 40). */
  perSecond?: number;
  /** Accepted calls per rolling minute per endpoint before 90006 (DingTalk: about 1500). */
  perMinute?: number;
}

export interface SandboxFaults {
  /** Share of API calls answered errcode -1 (system busy). */
  busyRate?: number;
  /** Share of API calls answered errcode 400001 (system error). */
  systemErrorRate?: number;
  /** Share of write calls that are applied, then the socket is destroyed with no answer. */
  dropAfterWriteRate?: number;
  /** Share of API calls answered by an HTML error page with HTTP 200 (a proxy page). */
  htmlErrorRate?: number;
  /** Share of API calls answered HTTP 502 by a "gateway". */
  httpErrorRate?: number;
  /** After this many calls (any endpoint), answer the per-IP ban for `banSeconds`, then count again. */
  ipBanAfter?: number;
  /** Length of the per-IP ban (default 300, DingTalk's ~5 minutes). */
  banSeconds?: number;
  /** How the ban answers: `{"status":1111,"wait":N}` (default) or an HTML page saying so. */
  ipBanFormat?: 'json' | 'html';
  /** API calls (gettoken excluded) the organisation may make; then every call answers 90020. */
  monthlyQuota?: number;
  /** Endpoints the app lacks permission for: they answer 43007 (or `deniedErrcode`). */
  deniedEndpoints?: Endpoint[];
  /** What a denied endpoint answers: 43007 (default) or 60011, as the directory calls do without 通讯录只读权限. */
  deniedErrcode?: 43007 | 60011;
  /** Every API call answers 40001, even with a fresh token (an app that keeps being refused). */
  rejectTokens?: boolean;
  /** Any other errcode at a rate, e.g. 90002 (global limit) or 88 with a sub_code; optionally only on some endpoints. */
  errcodes?: InjectedErrcode[];
  /** Faults are drawn from a PRNG seeded with this (default 1), so a run is reproducible. */
  seed?: number;
}

export interface InjectedErrcode {
  errcode: number;
  rate: number;
  errmsg?: string;
  subCode?: string;
  endpoints?: Endpoint[];
  /** Only calls about these contacts (update/create/get/delete by user_id): DingTalk refusing one row. */
  userIds?: string[];
}

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Seeded contacts (default 500). */
  contacts?: number;
  /** Seed for the generated organisation (default 1). */
  seed?: number;
  /** Per-endpoint limits answering 90018 / 90006; default false (no limits). */
  limits?: SandboxLimits | false;
  faults?: SandboxFaults;
  /** Lifetime of an access_token (default 7200 like DingTalk). */
  tokenTtlSeconds?: number;
  /** Delay before each answer, in ms (default 0). */
  latencyMs?: number;
  /** The organisation's external-contact cap: a create beyond it answers 60203 (default 200,000). */
  contactCap?: number;
  /** Listen over HTTP (default true). false gives only the in-process `fetch`. */
  listen?: boolean;
  /** Size of the staff directory (default: the seeded tree of 15 departments and 320 staff). */
  directory?: Partial<DirectorySize>;
  /** Start from a saved organisation (see `Sandbox.state()`) instead of the seeded one. */
  state?: SandboxState;
  /**
   * Awaited after a write call and before its HTTP answer: `dtload --sandbox` saves the organisation here,
   * so a write the client heard answered survives a kill, as it would in DingTalk.
   */
  onWrite?: () => Promise<void>;
}

/** The organisation's contacts and id counter: what `dtload --sandbox` keeps between runs. */
export interface SandboxState {
  contacts: Contact[];
  /** Contacts ever created, so new userids never repeat a deleted one. */
  created: number;
}

export interface WriteLogEntry {
  /** Date.now() when the call was received. */
  at: number;
  endpoint: 'update' | 'create' | 'delete';
  userId?: string;
  mobile?: string;
  /** The parsed request body (after form decoding), as received (parsed anew each time it is read). */
  readonly body: unknown;
  /** True when the write changed the organisation. */
  applied: boolean;
  /** The errcode answered; a string for answers without one ('ip-ban', 'non-json', 'http'). */
  errcode: number | string;
  /** The write was applied but the connection was dropped before the answer. */
  dropped?: boolean;
}

export interface Sandbox {
  /** `http://127.0.0.1:PORT` (or `http://sandbox.invalid` when not listening; use `fetch`). */
  baseUrl: string;
  appKey: string;
  appSecret: string;
  /** Routes a request to the same handler with no socket (for benchmarks). */
  fetch: SandboxFetch;
  contacts(): Contact[];
  labelGroups(): LabelGroup[];
  getContactById(id: string): Contact | undefined;
  /** The staff directory: departments below the root and staff (with mobiles and departments). */
  directory(): SandboxDirectory;
  /** Every write call received, oldest first. */
  writeLog: WriteLogEntry[];
  callCounts(): Record<Endpoint, number>;
  /** Calls answered 90018 / 90006 so far. */
  throttledCount(): number;
  /** Replaces every fault; their counters (ban, quota) and PRNG start over. */
  setFaults(f: SandboxFaults): void;
  setLimits(l: SandboxOptions['limits']): void;
  /** Every token issued so far answers 42001 from now on. */
  expireTokens(): void;
  /** A copy of the organisation, to start another sandbox from (`SandboxOptions.state`). */
  state(): SandboxState;
  close(): Promise<void>;
}

/** The part of a fetch Response the in-process fetch answers with: what an API client reads. */
export interface SandboxResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

/** fetch's call shape without the socket, Request, Response or stream objects (see server.ts). */
export type SandboxFetch = (input: string | URL | Request, init?: RequestInit) => Promise<SandboxResponse>;
