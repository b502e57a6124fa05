// The one request path: send, bound by a timeout, read the answer, and turn every way it can fail
// into a DingTalkError (errcode != 0, per-IP ban, HTML or proxy pages, HTTP 5xx, timeouts, drops).
import type { Endpoint } from '../../../shared/domain';
import { lookupErrcode } from '../../../shared/errcodes';
import { DingTalkError } from './errors';
import type { Redactor } from './redact';
import type { TimeoutSignals } from './timeouts';

export type Json = Record<string, unknown>;

/**
 * What the client needs of fetch: globalThis.fetch fits, and so does the sandbox's in-process fetch, which
 * answers only status and text() (no WHATWG Response).
 */
export type FetchLike = (
  url: string,
  init: RequestInit,
) => Promise<{ readonly status: number; text(): Promise<string> }>;

export interface Transport {
  fetch: FetchLike;
  timeoutMs: number;
  /** Abort signals bounding each request to about timeoutMs (see timeouts.ts). */
  timeouts: TimeoutSignals;
  redact: Redactor;
}

/** Failures before the connection existed: the request certainly never reached DingTalk. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_INVALID_URL',
]);
/** DingTalk's ban lasts about 5 minutes when the answer does not say. */
const DEFAULT_BAN_SECONDS = 300;

export async function send(t: Transport, endpoint: Endpoint, url: string, init: RequestInit): Promise<Json> {
  let status: number;
  let text: string;
  const lease = t.timeouts.acquire();
  try {
    const res = await t.fetch(url, { ...init, signal: lease.signal });
    status = res.status;
    text = await res.text();
  } catch (e) {
    throw fetchFailure(t, endpoint, e);
  } finally {
    lease.release();
  }
  return readAnswer(t, endpoint, status, text);
}

function fetchFailure(t: Transport, endpoint: Endpoint, e: unknown): DingTalkError {
  const err = e instanceof Error ? e : new Error(String(e));
  if (err.name === 'TimeoutError' || err.name === 'AbortError')
    return new DingTalkError({
      endpoint,
      errcode: 'timeout',
      errmsg: `No answer within ${t.timeoutMs} ms`,
      sent: true,
    });
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : (err as { code?: unknown }).code;
  if (/Failed to parse URL|Invalid URL/i.test(err.message))
    return new DingTalkError({ endpoint, errcode: 'network', errmsg: 'Invalid base URL', sent: false });
  const detail = typeof cause?.message === 'string' ? cause.message : err.message;
  return new DingTalkError({
    endpoint,
    errcode: 'network',
    errmsg: t.redact(typeof code === 'string' ? `${code} ${detail}` : detail),
    sent: !(typeof code === 'string' && NOT_SENT_CODES.has(code)),
  });
}

function readAnswer(t: Transport, endpoint: Endpoint, status: number, text: string): Json {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const json = body && typeof body === 'object' && !Array.isArray(body) ? (body as Json) : undefined;
  const ban = banWait(json, json ? '' : text);
  if (ban !== undefined)
    return fail({
      endpoint,
      errcode: 'ip-ban',
      errmsg: `Per-IP limit reached; blocked for about ${ban} s`,
      waitSeconds: ban,
      httpStatus: status,
    });
  const ok = status >= 200 && status < 300;
  if (!json && (status === 404 || status === 405)) {
    // No such API at this address: a wrong base URL, which no retry will fix.
    return fail({
      endpoint,
      errcode: 'not-found',
      errmsg: `HTTP ${status}: no DingTalk API here`,
      httpStatus: status,
    });
  }
  if (!json) {
    // A proxy's error page or a ban page we do not recognise: ambiguous, the backend may have run.
    const what = ok ? 'non-json' : 'http';
    const snippet = t.redact(htmlSnippet(text));
    return fail({
      endpoint,
      errcode: what,
      errmsg: `HTTP ${status}${snippet ? `: ${snippet}` : ''}`,
      sent: true,
      httpStatus: status,
    });
  }
  const errcode = toErrcode(json.errcode);
  if (errcode === undefined) {
    return fail({
      endpoint,
      errcode: ok ? 'non-json' : 'http',
      errmsg: `HTTP ${status}: an answer without errcode`,
      sent: true,
      httpStatus: status,
    });
  }
  if (errcode !== 0) {
    // Branch on errcode, never errmsg; an empty errmsg gets the catalogue's meaning for the report.
    const errmsg =
      typeof json.errmsg === 'string' && json.errmsg.trim() !== ''
        ? t.redact(json.errmsg)
        : lookupErrcode(errcode).meaning.en;
    const subCode = json.sub_code ?? json.subcode;
    return fail({
      endpoint,
      errcode,
      errmsg,
      httpStatus: status,
      ...(subCode !== undefined && subCode !== null && subCode !== ''
        ? { subCode: t.redact(String(subCode)) }
        : {}),
    });
  }
  return json;
}

function fail(init: ConstructorParameters<typeof DingTalkError>[0]): never {
  throw new DingTalkError(init);
}

function toErrcode(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v);
  return undefined;
}

/**
 * The per-IP ban answers `{"status":1111,"wait":5,...}` or an HTML page saying so (dingtalk-api.md).
 * Returns the seconds to wait, or undefined when this is not a ban.
 */
function banWait(json: Json | undefined, html: string): number | undefined {
  if (json) {
    if (String(json.status) !== '1111' || json.errcode !== undefined) return undefined;
    const wait = Number(json.wait);
    return Number.isFinite(wait) && wait > 0 ? wait : DEFAULT_BAN_SECONDS;
  }
  if (!/\b1111\b|访问过于频繁|访问频率|too many requests|ip.{0,30}(?:banned|blocked|limit)/i.test(html))
    return undefined;
  const m = /wait\D{0,12}?(\d+)/i.exec(html) ?? /(\d+)\s*(?:seconds?|secs?|秒)/i.exec(html);
  const wait = m ? Number(m[1]) : NaN;
  return Number.isFinite(wait) && wait > 0 ? wait : DEFAULT_BAN_SECONDS;
}

/** The page's title or first text, short: enough to recognise a proxy page in a report. */
function htmlSnippet(text: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
  const plain = (title ?? text.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  return plain.length > 120 ? `${plain.slice(0, 117)}...` : plain;
}
