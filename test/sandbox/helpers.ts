// Raw HTTP calls to a sandbox, as any DingTalk client would make them (no dtload client involved).
import type { Sandbox, SandboxFetch } from '../../electron/core/sandbox';

export type Answer = Record<string, unknown> & { errcode?: number; errmsg?: string };

/** `via` lets a test reach a sandbox that does not listen through its in-process fetch. */
export async function token(sb: Sandbox, via: SandboxFetch = fetch): Promise<string> {
  const q = new URLSearchParams({ appkey: sb.appKey, appsecret: sb.appSecret });
  const res = await via(`${sb.baseUrl}/gettoken?${q}`);
  const body = (await res.json()) as Answer;
  if (body.errcode !== 0 || typeof body.access_token !== 'string')
    throw new Error(`gettoken: ${body.errcode}`);
  return body.access_token;
}

export interface CallOptions {
  /** Send application/x-www-form-urlencoded with `contact` as a JSON string field. */
  form?: boolean;
  /** Put the access_token in the (form) body instead of the query string. */
  tokenInBody?: boolean;
}

export async function call(
  sb: Sandbox,
  op: string,
  tok: string,
  body: Record<string, unknown>,
  opts: CallOptions = {},
): Promise<Answer> {
  const res = await rawCall(sb, op, tok, body, opts);
  return (await res.json()) as Answer;
}

export function rawCall(
  sb: Sandbox,
  op: string,
  tok: string,
  body: Record<string, unknown>,
  opts: CallOptions = {},
): Promise<Response> {
  const query = opts.tokenInBody ? '' : `?access_token=${encodeURIComponent(tok)}`;
  const url = `${sb.baseUrl}/topapi/extcontact/${op}${query}`;
  if (!opts.form)
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const form = new URLSearchParams();
  if (opts.tokenInBody) form.set('access_token', tok);
  for (const [k, v] of Object.entries(body)) form.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: form.toString(),
  });
}
