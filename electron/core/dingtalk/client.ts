// The DingTalk extcontact client: typed endpoints over one request path, a shared token cache,
// and a scheduler hook through which the engine applies its rate limits and retries.
import type { Contact, ContactCreate, ContactUpdate, Endpoint, LabelGroup } from '../../../shared/domain';
import { ENDPOINT_PATHS } from '../../../shared/endpoints';
import { DingTalkError, isDingTalkError } from './errors';
import { createRedactor } from './redact';
import {
  toContact,
  toDepartment,
  toLabelGroup,
  toStaffPage,
  type RawDepartment,
  type StaffPage,
} from './shapes';
import { TimeoutSignals } from './timeouts';
import { TokenCache, type IssuedToken } from './token';
import { send, type FetchLike, type Json, type Transport } from './transport';

export interface CallScheduler {
  run<T>(endpoint: Endpoint, attempt: () => Promise<T>): Promise<T>;
}

export interface DingTalkClientOptions {
  baseUrl: string;
  appKey: string;
  appSecret: string;
  /** Per request (default 15000). */
  timeoutMs?: number;
  /** Default globalThis.fetch; the sandbox offers an in-process one for benchmarks. */
  fetch?: FetchLike;
  /** Default: run each attempt once, no retries (retries and rate limits are the engine's). */
  scheduler?: CallScheduler;
  /** Renew the token this long before it expires (default 300). */
  tokenRenewMarginSeconds?: number;
  now?: () => number;
}

export interface DingTalkClient {
  readonly baseUrl: string;
  /** Fetches a token; throws DingTalkError 'credentials' when the key or secret is refused. */
  checkCredentials(): Promise<void>;
  /** All pages, 100 per page. */
  listLabelGroups(): AsyncIterable<LabelGroup>;
  /** All pages, 100 per page by default; each page is one scheduler.run('list', ...). */
  listContacts(opts?: ListContactsOptions): AsyncIterable<Contact>;
  /**
   * One page of `list` (offset paging): pages can be read side by side, within the scheduler's limit.
   * `wanted`, asked when the call's turn comes: false sends nothing (an empty page).
   */
  listContactsPage(offset: number, size?: number, wanted?: () => boolean): Promise<Contact[]>;
  getContact(userId: string): Promise<Contact>;
  updateContact(c: ContactUpdate): Promise<void>;
  /** Returns the new contact's userid. */
  createContact(c: ContactCreate): Promise<string>;
  deleteContact(userId: string): Promise<void>;
  /** The direct sub-departments of one department (root = 1): `listsub`, one call. */
  listSubDepartments(deptId: number): Promise<RawDepartment[]>;
  /** One page of a department's direct members: `listsimple` (size ≤ 100, cursor from the previous page). */
  listStaffPage(deptId: number, cursor: number, size: number): Promise<StaffPage>;
  /** A department's name (`department/get`): the root's, which listsub never answers. */
  departmentName(deptId: number): Promise<string>;
  /** The staff userid of a mobile (`getbymobile`), or undefined when no staff member has it (60121). */
  staffIdByMobile(mobile: string): Promise<string | undefined>;
  /** Same token cache and transport; calls go through `s`. */
  withScheduler(s: CallScheduler): DingTalkClient;
}

export interface ListContactsOptions {
  /** 1..100 contacts a call (default 100). */
  pageSize?: number;
  /**
   * Asked as each full page arrives: true asks for the next page at once, before this one's contacts are
   * handed on. Only a caller that will certainly read on should say true: a page read ahead of a caller
   * that stops is a call wasted.
   */
  readAhead?: () => boolean;
}

/** gettoken answers these when the app key or secret is wrong. */
const CREDENTIAL_ERRCODES = new Set<number | string>([40089]);
const PAGE_SIZE = 100;

export const immediateScheduler: CallScheduler = { run: (_endpoint, attempt) => attempt() };

interface Core {
  baseUrl: string;
  transport: Transport;
  tokens: TokenCache;
}

export function createDingTalkClient(opts: DingTalkClientOptions): DingTalkClient {
  const baseUrl = opts.baseUrl.trim().replace(/\/+$/, '');
  new URL(baseUrl); // a malformed base URL is a configuration error: fail now, not per call
  const fetchImpl = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = opts.timeoutMs ?? 15_000;
  // The redactor needs the tokens the cache will hold, and the cache needs the transport: tie them late.
  const seenTokens: { cache?: TokenCache } = {};
  const transport: Transport = {
    fetch: fetchImpl,
    timeoutMs,
    timeouts: new TimeoutSignals(timeoutMs),
    redact: createRedactor(() => [opts.appSecret, ...(seenTokens.cache?.secrets() ?? [])]),
  };
  const tokens: TokenCache = new TokenCache(
    () => fetchToken(baseUrl, transport, opts.appKey, opts.appSecret),
    opts.tokenRenewMarginSeconds ?? 300,
    opts.now ?? Date.now,
  );
  seenTokens.cache = tokens;
  return buildClient({ baseUrl, transport, tokens }, opts.scheduler ?? immediateScheduler);
}

async function fetchToken(
  baseUrl: string,
  transport: Transport,
  appKey: string,
  appSecret: string,
): Promise<IssuedToken> {
  const q = new URLSearchParams({ appkey: appKey, appsecret: appSecret });
  let answer: Json;
  try {
    answer = await send(transport, 'gettoken', `${baseUrl}/gettoken?${q}`, { method: 'GET' });
  } catch (e) {
    if (isDingTalkError(e) && CREDENTIAL_ERRCODES.has(e.errcode))
      throw new DingTalkError({
        endpoint: 'gettoken',
        errcode: 'credentials',
        errmsg: `${e.errcode} ${e.errmsg}`,
      });
    throw e;
  }
  const value = answer.access_token;
  const expiresIn = Number(answer.expires_in ?? 7200);
  if (typeof value !== 'string' || value === '')
    throw new DingTalkError({
      endpoint: 'gettoken',
      errcode: 'non-json',
      errmsg: 'gettoken answered no access_token',
    });
  return { value, expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 7200 };
}

function buildClient(core: Core, scheduler: CallScheduler): DingTalkClient {
  return new ExtContactClient(core, scheduler);
}

const JSON_HEADERS = { 'content-type': 'application/json' } as const;

/**
 * A class rather than closures: the engine makes one per row (`withScheduler` with the row's traced
 * scheduler), so a client must cost one small object, not a dozen closures.
 */
class ExtContactClient implements DingTalkClient {
  constructor(
    private readonly core: Core,
    private readonly scheduler: CallScheduler,
  ) {}

  get baseUrl(): string {
    return this.core.baseUrl;
  }

  private post(endpoint: Endpoint, body: Json, token: string): Promise<Json> {
    return send(
      this.core.transport,
      endpoint,
      `${this.core.baseUrl}${ENDPOINT_PATHS[endpoint as keyof typeof ENDPOINT_PATHS]}?access_token=${encodeURIComponent(token)}`,
      { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) },
    );
  }

  /**
   * One attempt: a token errcode drops the token, fetches a new one once and retries once; a fresh
   * token refused again is job-fatal ('token-refused'). Kept inside the attempt so the engine's
   * scheduler only ever sees definite outcomes.
   */
  private async attempt(endpoint: Endpoint, body: Json): Promise<Json> {
    const { tokens } = this.core;
    const token = await tokens.get();
    try {
      return await this.post(endpoint, body, token);
    } catch (e) {
      if (!isDingTalkError(e) || e.retryClass !== 'token') throw e;
      tokens.drop(token);
    }
    const fresh = await tokens.get();
    try {
      return await this.post(endpoint, body, fresh);
    } catch (e) {
      if (!isDingTalkError(e) || e.retryClass !== 'token') throw e;
      tokens.drop(fresh);
      throw new DingTalkError({
        endpoint,
        errcode: 'token-refused',
        errmsg: `A fresh access_token was refused as well (${e.errcode} ${e.errmsg})`,
      });
    }
  }

  private call(endpoint: Endpoint, body: Json): Promise<Json> {
    return this.scheduler.run(endpoint, () => this.attempt(endpoint, body));
  }

  private async *paged<T>(
    endpoint: 'list' | 'listlabelgroups',
    size: number,
    map: (raw: unknown) => T,
    readAhead?: () => boolean,
  ): AsyncIterable<T> {
    let next: Promise<Json> | undefined = this.call(endpoint, { size, offset: 0 });
    for (let offset = 0; next; offset += size) {
      const answer: Json = await next;
      const results = Array.isArray(answer.results) ? (answer.results as unknown[]) : [];
      // A short page is the last; a page longer than asked means paging was ignored: stop, do not loop.
      const more = results.length === size;
      next = undefined;
      if (more && readAhead?.() === true) {
        // Asked for while this page is handed on, so the caller's work overlaps the call. If the caller
        // stops early, the answer is dropped (caught here, so it is not an unhandled rejection).
        next = this.call(endpoint, { size, offset: offset + size });
        next.catch(() => undefined);
      }
      for (const r of results) yield map(r);
      if (more) next ??= this.call(endpoint, { size, offset: offset + size });
    }
  }

  async checkCredentials(): Promise<void> {
    await this.scheduler.run('gettoken', () => this.core.tokens.refresh());
  }

  listLabelGroups(): AsyncIterable<LabelGroup> {
    return this.paged('listlabelgroups', PAGE_SIZE, toLabelGroup);
  }

  listContacts(opts?: ListContactsOptions): AsyncIterable<Contact> {
    const size = opts?.pageSize ?? PAGE_SIZE;
    if (!Number.isInteger(size) || size < 1 || size > 100) throw new RangeError('pageSize must be 1..100');
    return this.paged('list', size, toContact, opts?.readAhead);
  }

  async listContactsPage(offset: number, size = PAGE_SIZE, wanted?: () => boolean): Promise<Contact[]> {
    if (!Number.isInteger(size) || size < 1 || size > 100) throw new RangeError('pageSize must be 1..100');
    const answer = await this.scheduler.run('list', () =>
      wanted && !wanted() ? Promise.resolve<Json>({ results: [] }) : this.attempt('list', { size, offset }),
    );
    return Array.isArray(answer.results) ? (answer.results as unknown[]).map(toContact) : [];
  }

  async getContact(userId: string): Promise<Contact> {
    const answer = await this.call('get', { user_id: userId });
    return toContact(answer.result);
  }

  async updateContact(c: ContactUpdate): Promise<void> {
    await this.call('update', { contact: c });
  }

  async createContact(c: ContactCreate): Promise<string> {
    const answer = await this.call('create', { contact: c });
    const userid = answer.userid ?? answer.user_id ?? (answer.result as Json | undefined)?.userid;
    if (typeof userid !== 'string' || userid === '')
      throw new DingTalkError({
        endpoint: 'create',
        errcode: 'non-json',
        errmsg: 'create answered no userid',
        sent: true,
      });
    return userid;
  }

  async deleteContact(userId: string): Promise<void> {
    await this.call('delete', { user_id: userId });
  }

  async listSubDepartments(deptId: number): Promise<RawDepartment[]> {
    const answer = await this.call('listsub', { dept_id: deptId });
    return Array.isArray(answer.result) ? (answer.result as unknown[]).map(toDepartment) : [];
  }

  async listStaffPage(deptId: number, cursor: number, size: number): Promise<StaffPage> {
    const answer = await this.call('listsimple', {
      dept_id: deptId,
      cursor,
      size,
      contain_access_limit: false,
    });
    return toStaffPage(answer.result);
  }

  async departmentName(deptId: number): Promise<string> {
    const answer = await this.call('getdept', { dept_id: deptId });
    return toDepartment(answer.result).name;
  }

  async staffIdByMobile(mobile: string): Promise<string | undefined> {
    try {
      const answer = await this.call('getbymobile', { mobile });
      const userid = (answer.result as Json | undefined)?.userid;
      return typeof userid === 'string' && userid !== '' ? userid : undefined;
    } catch (e) {
      if (isDingTalkError(e) && e.errcode === 60121) return undefined;
      throw e;
    }
  }

  withScheduler(s: CallScheduler): DingTalkClient {
    return new ExtContactClient(this.core, s);
  }
}
