// The sandbox organisation behind both doors (HTTP and in-process fetch): tokens, the per-IP ban,
// quota, permissions, rate limits, injected faults, the operations, and the write log.
import { randomBytes } from 'node:crypto';
import type { Contact, Endpoint, LabelGroup } from '../../../shared/domain';
import { ENDPOINT_PATHS } from '../../../shared/endpoints';
import { lookupErrcode } from '../../../shared/errcodes';
import { answerCode, fail, ipBanAnswer, notFoundAnswer, ok, proxyErrorAnswer, type Answer } from './answers';
import { BadBody, parseBody, type Fields } from './body';
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET } from './credentials';
import { StaffDirectory } from './directory';
import { seedDirectory } from './directory-data';
import * as ops from './operations';
import { createRandom, type Random } from './prng';
import { RateLimiter } from './rate-limiter';
import { seedContacts, seedLabelGroups } from './seed-data';
import { cloneContact, ContactStore } from './store';
import type { SandboxFaults, SandboxOptions, SandboxState, WriteLogEntry } from './types';
import { LoggedWrite } from './write-log';

export interface IncomingCall {
  method: string;
  url: URL;
  contentType: string;
  bodyText: string;
}

const ENDPOINTS: readonly Endpoint[] = [
  'gettoken',
  'listlabelgroups',
  'list',
  'get',
  'update',
  'create',
  'delete',
  'listsub',
  'getdept',
  'listsimple',
  'getbymobile',
  'getuser',
];
const WRITES = new Set<Endpoint>(['update', 'create', 'delete']);
/** Path (with or without a trailing slash) → endpoint. */
const BY_PATH = new Map<string, Endpoint>(
  Object.entries(ENDPOINT_PATHS).flatMap(([op, path]) => [
    [path, op as Endpoint],
    [`${path}/`, op as Endpoint],
  ]),
);

/** The contact a call is about: `user_id` of get/delete, `contact.user_id` of update. */
function contactIdOf(fields: Fields): string {
  const contact = fields.contact as Record<string, unknown> | undefined;
  const id = contact && typeof contact === 'object' ? contact.user_id : fields.user_id;
  return typeof id === 'string' ? id : '';
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class Organisation {
  readonly store: ContactStore;
  readonly directory: StaffDirectory;
  readonly writeLog: WriteLogEntry[] = [];
  private readonly counts = Object.fromEntries(ENDPOINTS.map((e) => [e, 0])) as Record<Endpoint, number>;
  /** access_token → expiry (ms since epoch). */
  private readonly tokens = new Map<string, number>();
  private readonly limiter: RateLimiter;
  private faults: SandboxFaults = {};
  private rnd: Random = createRandom(1);
  private callsSinceBan = 0;
  private banUntil = 0;
  private quotaUsed = 0;
  private latencyMs: number;
  private readonly tokenTtlMs: number;
  private readonly cap: number;

  constructor(opts: SandboxOptions = {}) {
    const groups = seedLabelGroups();
    this.directory = new StaffDirectory(seedDirectory(opts.directory, opts.seed ?? 1));
    if (opts.state) {
      this.store = new ContactStore(groups, opts.state.contacts.map(cloneContact), this.directory);
      this.store.created = Math.max(this.store.created, opts.state.created);
    } else {
      const contacts = seedContacts(opts.contacts ?? 500, opts.seed ?? 1, groups);
      this.store = new ContactStore(groups, contacts, this.directory);
    }
    this.limiter = new RateLimiter(opts.limits ?? false);
    this.tokenTtlMs = (opts.tokenTtlSeconds ?? 7200) * 1000;
    this.latencyMs = opts.latencyMs ?? 0;
    this.cap = opts.contactCap ?? 200_000;
    this.setFaults(opts.faults ?? {});
  }

  setFaults(f: SandboxFaults): void {
    this.faults = { ...f };
    this.rnd = createRandom(f.seed ?? 1);
    this.callsSinceBan = 0;
    this.banUntil = 0;
    this.quotaUsed = 0;
  }

  setLimits(l: SandboxOptions['limits']): void {
    this.limiter.set(l ?? false);
  }

  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  expireTokens(): void {
    for (const t of this.tokens.keys()) this.tokens.set(t, 0);
  }

  /** Forget every token, as after a server-side revocation: they answer 40014 (unknown token). */
  revokeTokens(): void {
    this.tokens.clear();
  }

  issuedTokens(): string[] {
    return [...this.tokens.keys()];
  }

  callCounts(): Record<Endpoint, number> {
    return { ...this.counts };
  }

  throttledCount(): number {
    return this.limiter.throttled;
  }

  contacts(): Contact[] {
    return this.store.all().map(cloneContact);
  }

  state(): SandboxState {
    return { contacts: this.contacts(), created: this.store.created };
  }

  labelGroups(): LabelGroup[] {
    return this.store.groups.map((g) => ({ ...g, labels: g.labels.map((l) => ({ ...l })) }));
  }

  getContactById(id: string): Contact | undefined {
    const c = this.store.get(id);
    return c && cloneContact(c);
  }

  async handle(call: IncomingCall): Promise<Answer> {
    const answer = this.answer(call);
    if (this.latencyMs > 0) await sleep(this.latencyMs);
    return answer;
  }

  /** True when answers are delayed (setLatency): only then can a caller's timeout fire before the answer. */
  get delayed(): boolean {
    return this.latencyMs > 0;
  }

  /** The answer to a call, at once (no latency applied). */
  answer(call: IncomingCall): Answer {
    const path = call.url.pathname;
    if (path === '/gettoken' || path === '/gettoken/') {
      if (call.method !== 'GET') return notFoundAnswer();
      this.counts.gettoken++;
      return this.banned() ?? this.getToken(call.url.searchParams);
    }
    const op = BY_PATH.get(path);
    if (!op || call.method !== 'POST') return notFoundAnswer();
    this.counts[op]++;

    let fields: Fields = {};
    let badBody = false;
    try {
      fields = parseBody(call.contentType, call.bodyText);
    } catch (e) {
      if (!(e instanceof BadBody)) throw e;
      badBody = true;
    }
    const entry = WRITES.has(op) ? this.logWrite(op, fields, call) : undefined;
    const answer =
      this.banned() ?? this.gate(op, call.url.searchParams, fields) ?? this.run(op, fields, badBody);
    if (!entry) return answer;

    entry.errcode = answerCode(answer);
    entry.applied = entry.errcode === 0;
    if (op === 'create' && entry.applied && answer.kind === 'json')
      entry.userId = answer.body.userid as string;
    if (entry.applied && this.roll(this.faults.dropAfterWriteRate)) {
      entry.dropped = true;
      return { kind: 'drop' };
    }
    return answer;
  }

  private getToken(q: URLSearchParams): Answer {
    if (q.get('appkey') !== SANDBOX_APP_KEY || q.get('appsecret') !== SANDBOX_APP_SECRET)
      return fail(40089, 'invalid appkey or appsecret');
    const token = randomBytes(16).toString('hex');
    this.tokens.set(token, Date.now() + this.tokenTtlMs);
    return ok({ access_token: token, expires_in: Math.max(1, Math.ceil(this.tokenTtlMs / 1000)) });
  }

  /** The per-IP ban counts every call, gettoken included, like DingTalk's gateway. */
  private banned(): Answer | undefined {
    const f = this.faults;
    const now = Date.now();
    if (now >= this.banUntil && f.ipBanAfter !== undefined && ++this.callsSinceBan > f.ipBanAfter) {
      this.banUntil = now + (f.banSeconds ?? 300) * 1000;
      this.callsSinceBan = 0;
    }
    if (now >= this.banUntil) return undefined;
    return ipBanAnswer(f.ipBanFormat ?? 'json', Math.max(1, Math.ceil((this.banUntil - now) / 1000)));
  }

  /** Token, quota, permission, rate limits and random faults: everything before the operation. */
  private gate(op: Endpoint, q: URLSearchParams, fields: Fields): Answer | undefined {
    const token =
      q.get('access_token') ?? (typeof fields.access_token === 'string' ? fields.access_token : '');
    const expiry = this.tokens.get(token);
    if (expiry === undefined) return fail(40014, 'invalid access_token');
    if (Date.now() >= expiry) return fail(42001, 'access_token expired');
    const f = this.faults;
    if (f.rejectTokens) return fail(40001, 'invalid credential');
    if (f.monthlyQuota !== undefined && ++this.quotaUsed > f.monthlyQuota)
      return fail(90020, 'The monthly API call quota of the organisation is used up');
    if (f.deniedEndpoints?.includes(op)) {
      const code = f.deniedErrcode ?? 43007;
      return fail(code, code === 60011 ? '没有调用该接口的权限' : 'Permission required');
    }
    const limited = this.limiter.admit(op, Date.now());
    if (limited === 90018) return fail(90018, 'Too many calls per second for this app and endpoint');
    if (limited === 90006) return fail(90006, 'Too many calls per minute for this app and endpoint');
    if (this.roll(f.busyRate)) return fail(-1, 'System busy');
    if (this.roll(f.systemErrorRate)) return fail(400001, 'System error');
    if (this.roll(f.htmlErrorRate)) return proxyErrorAnswer(200);
    if (this.roll(f.httpErrorRate)) return proxyErrorAnswer(502);
    for (const x of f.errcodes ?? []) {
      if (x.endpoints && !x.endpoints.includes(op)) continue;
      if (x.userIds && !x.userIds.includes(contactIdOf(fields))) continue;
      if (!this.roll(x.rate)) continue;
      const answer = fail(x.errcode, x.errmsg ?? lookupErrcode(x.errcode).meaning.en);
      if (x.subCode !== undefined && answer.kind === 'json') answer.body.sub_code = x.subCode;
      return answer;
    }
    return undefined;
  }

  private run(op: Endpoint, f: Fields, badBody: boolean): Answer {
    if (badBody) return fail(40036, 'Empty parameter: the body is not valid JSON');
    const s = this.store;
    switch (op) {
      case 'listlabelgroups':
        return ops.listLabelGroups(s, f);
      case 'list':
        return ops.listContacts(s, f);
      case 'get':
        return ops.getContact(s, f);
      case 'update':
        return ops.updateContact(s, f);
      case 'create':
        return ops.createContact(s, f, this.cap);
      case 'delete':
        return ops.deleteContact(s, f);
      case 'listsub':
        return this.directory.listSub(f);
      case 'getdept':
        return this.directory.getDept(f);
      case 'listsimple':
        return this.directory.listSimple(f);
      case 'getbymobile':
        return this.directory.getByMobile(f);
      case 'getuser':
        return this.directory.getUser(f);
      default:
        return notFoundAnswer();
    }
  }

  private logWrite(endpoint: Endpoint, body: Fields, call: IncomingCall): WriteLogEntry {
    const contact = (body.contact && typeof body.contact === 'object' ? body.contact : {}) as Record<
      string,
      unknown
    >;
    const userId = endpoint === 'update' ? contact.user_id : endpoint === 'delete' ? body.user_id : undefined;
    const entry = new LoggedWrite(endpoint as WriteLogEntry['endpoint'], call.contentType, call.bodyText);
    if (typeof userId === 'string') entry.userId = userId;
    if (endpoint === 'create' && typeof contact.mobile === 'string') entry.mobile = contact.mobile;
    this.writeLog.push(entry);
    return entry;
  }

  /** One PRNG draw per configured fault, so a seeded run repeats exactly. */
  private roll(rate: number | undefined): boolean {
    return rate !== undefined && rate > 0 && this.rnd() < rate;
  }
}
