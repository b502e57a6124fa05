// What the sandbox can answer: DingTalk JSON, an HTML page (ban, proxy error), or nothing at all.
export type Answer =
  | { kind: 'json'; status: number; body: Record<string, unknown> }
  | { kind: 'html'; status: number; html: string }
  /** The request was processed, then the connection is destroyed with no answer. */
  | { kind: 'drop' };

let requestSeq = 0;
/** DingTalk-looking request ids ("8n3mksu5hqzy"): 12 base-36 characters. */
export const requestId = (): string =>
  ((++requestSeq * 2654435761) % 36 ** 8).toString(36).padStart(8, '0') + Date.now().toString(36).slice(-4);

export const ok = (extra: Record<string, unknown> = {}): Answer => ({
  kind: 'json',
  status: 200,
  body: { errcode: 0, errmsg: 'ok', ...extra, request_id: requestId() },
});

/** API-level errors come with HTTP 200, like DingTalk's. */
export const fail = (errcode: number, errmsg: string): Answer => ({
  kind: 'json',
  status: 200,
  body: { errcode, errmsg, request_id: requestId() },
});

export function ipBanAnswer(format: 'json' | 'html', waitSeconds: number): Answer {
  if (format === 'json')
    return {
      kind: 'json',
      status: 200,
      body: {
        status: 1111,
        wait: waitSeconds,
        message: 'Too many requests from this IP address, please wait',
      },
    };
  return {
    kind: 'html',
    status: 403,
    html:
      '<!DOCTYPE html><html><head><meta charset="utf-8"><title>访问受限 Access restricted</title></head><body>' +
      '<h1>访问过于频繁，请稍后再试</h1>' +
      `<p>Too many requests from your IP address (status 1111). Please wait ${waitSeconds} seconds.</p>` +
      '</body></html>',
  };
}

/** A proxy page instead of the API's JSON; status 200 (non-JSON answer) or 502 (gateway error). */
export const proxyErrorAnswer = (status: number): Answer => ({
  kind: 'html',
  status,
  html:
    '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>' +
    '<hr><center>Tengine</center></body></html>',
});

export const notFoundAnswer = (): Answer => ({
  kind: 'html',
  status: 404,
  html: '<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>',
});

/** The errcode an answer carries, or dtload's name for an answer without one (for the write log). */
export function answerCode(a: Answer): number | string {
  if (a.kind === 'drop') return 'network';
  if (a.kind === 'html') return a.status === 403 ? 'ip-ban' : a.status >= 500 ? 'http' : 'non-json';
  return typeof a.body.errcode === 'number' ? a.body.errcode : 'ip-ban';
}
