// The web-mode access token: random per server, checked in constant time. The browser gets it once in
// the URL and keeps it in a strict same-site cookie, so asset requests carry it too.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'dtload_token';

export const newToken = (): string => randomBytes(24).toString('base64url');

export function sameToken(a: string | undefined | null, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === TOKEN_COOKIE) return v.join('=');
  }
  return undefined;
}

/** Which way the request carried a valid token, or null. */
export function tokenOf(req: IncomingMessage, url: URL, token: string): 'query' | 'cookie' | null {
  if (sameToken(url.searchParams.get('token'), token)) return 'query';
  if (sameToken(cookieToken(req), token)) return 'cookie';
  return null;
}

/** Only our own host names: a page on another site that rebinds DNS to 127.0.0.1 is refused. */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}
