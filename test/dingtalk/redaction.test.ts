// Neither the access_token nor the app secret may appear in anything an error carries.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDingTalkClient, isDingTalkError, type DingTalkClient } from '../../electron/core/dingtalk';
import type { SandboxHandle } from '../../electron/core/sandbox';
import { collect, rejection, sandboxWithClient } from './helpers';

/** Every rendering of an error that could reach a log, a report or a crash dump. */
function renderings(e: unknown): string[] {
  const err = e as Error;
  return [
    err.message,
    err.stack ?? '',
    String(e),
    JSON.stringify(e),
    inspect(e, { depth: 10, showHidden: true }),
  ];
}

function expectClean(e: unknown, secrets: string[]): void {
  expect(isDingTalkError(e), String(e)).toBe(true);
  for (const text of renderings(e)) {
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/access_token=[^*]/);
  }
}

const HOSTILE_TOKEN = 'hostile-token-3b9f2c7d1e';
const HOSTILE_SECRET = 'hostile-secret-8a7e6d5c4b';

/** A server that echoes the request URL (token included) everywhere it can: errmsg, sub_code, HTML. */
function hostileServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    const mode = req.headers['x-mode'];
    if (url.startsWith('/gettoken')) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ errcode: 0, access_token: HOSTILE_TOKEN, expires_in: 7200, echo: url }));
      return;
    }
    const op = /extcontact\/(\w+)/.exec(url)?.[1];
    if (op === 'get') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ errcode: 88, errmsg: `bad call ${url}`, sub_code: `isv.${HOSTILE_TOKEN}` }));
    } else if (op === 'list' || mode === 'html') {
      res.setHeader('content-type', 'text/html');
      res.end(`<html><head><title>Error at http://h${url}</title></head><body>${url}</body></html>`);
    } else if (op === 'delete') {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end(`<html><body>upstream failed for ${url}</body></html>`);
    } else if (op === 'create') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ errcode: 40014, errmsg: `token ${HOSTILE_TOKEN} refused` }));
    } else {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ errcode: 60121, errmsg: `secret=${HOSTILE_SECRET} token=${HOSTILE_TOKEN}` }));
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('DingTalk client redaction', () => {
  let sb: SandboxHandle;
  let client: DingTalkClient;
  let hostile: Server;
  beforeAll(async () => {
    ({ sb, client } = await sandboxWithClient({ contacts: 10 }, { timeoutMs: 2000 }));
    hostile = await hostileServer();
  });
  afterAll(async () => {
    await sb.close();
    hostile.closeAllConnections();
    await new Promise((r) => hostile.close(r));
  });

  it('keeps the token and the secret out of every error class the sandbox produces', async () => {
    const errors: unknown[] = [];
    const id = sb.contacts()[0]?.userid ?? '';
    const update = () =>
      client.updateContact({ user_id: id, name: 'R', follower_user_id: 'lina02', label_ids: [1561077310] });
    await client.getContact(id);
    errors.push(await rejection(client.getContact('nobody'))); // row-permanent
    const faults = [
      { busyRate: 1 },
      { systemErrorRate: 1 },
      { htmlErrorRate: 1 },
      { httpErrorRate: 1 },
      { ipBanAfter: 0 },
      { ipBanAfter: 0, ipBanFormat: 'html' as const },
      { monthlyQuota: 0 },
      { deniedEndpoints: ['update' as const] },
      { rejectTokens: true },
      { dropAfterWriteRate: 1 },
    ];
    for (const f of faults) {
      sb.setFaults(f);
      errors.push(await rejection(update()));
    }
    sb.setFaults({});
    sb.setLatency(4000); // past the 2 s timeout, with room for a loaded machine
    errors.push(await rejection(update())); // timeout
    sb.setLatency(0);
    const wrong = createDingTalkClient({
      baseUrl: sb.baseUrl,
      appKey: sb.appKey,
      appSecret: `${sb.appSecret}-wrong`,
    });
    errors.push(await rejection(wrong.getContact(id))); // credentials
    const classes = new Set(errors.map((e) => (isDingTalkError(e) ? String(e.errcode) : 'other')));
    expect([...classes].sort()).toEqual(
      [
        '-1',
        '33012',
        '400001',
        '43007',
        '90020',
        'credentials',
        'http',
        'ip-ban',
        'network',
        'non-json',
        'timeout',
        'token-refused',
      ].sort(),
    );
    const secrets = [sb.appSecret, ...sb.issuedTokens()];
    expect(sb.issuedTokens().length).toBeGreaterThan(2);
    for (const e of errors) expectClean(e, secrets);
  });

  it('scrubs a server that echoes the token and the secret back in errmsg, sub_code and HTML pages', async () => {
    const base = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
    const c = createDingTalkClient({ baseUrl: base, appKey: 'hostile-key', appSecret: HOSTILE_SECRET });
    const errors = [
      await rejection(c.getContact('x')), // 88 with sub_code and errmsg echoing the URL
      await rejection(c.updateContact({ user_id: 'x', name: 'x', follower_user_id: 'x', label_ids: [1] })), // 60121
      await rejection(c.deleteContact('x')), // 503 HTML echoing the URL
      await rejection(
        c.createContact({ name: 'x', follower_user_id: 'x', label_ids: [1], mobile: '1', state_code: '86' }),
      ),
    ];
    // An HTML page whose title echoes the URL.
    errors.push(await rejection(collect(c.listContacts())));
    expect(errors.map((e) => (isDingTalkError(e) ? e.errcode : 'other'))).toEqual([
      88,
      60121,
      'http',
      'token-refused',
      'non-json',
    ]);
    expect((errors[0] as { subCode?: string }).subCode).toBe('isv.***');
    for (const e of errors) expectClean(e, [HOSTILE_TOKEN, HOSTILE_SECRET]);
  });
});
