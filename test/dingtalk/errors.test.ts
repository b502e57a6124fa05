// Every retry class produced for real by the sandbox, as the client reports it.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDingTalkClient, DingTalkError, isDingTalkError } from '../../electron/core/dingtalk';
import type { SandboxHandle, SandboxOptions } from '../../electron/core/sandbox';
import type { DingTalkClientOptions } from '../../electron/core/dingtalk';
import { rejection, sandboxWithClient } from './helpers';

const LABEL = 1561077310;

describe('DingTalk client errors', () => {
  let sb: SandboxHandle | undefined;
  afterEach(async () => {
    await sb?.close();
    sb = undefined;
  });
  const open = async (opts: SandboxOptions = {}, clientOpts: Partial<DingTalkClientOptions> = {}) => {
    const made = await sandboxWithClient({ contacts: 20, ...opts }, clientOpts);
    sb = made.sb;
    return made;
  };
  const failure = async (p: Promise<unknown>): Promise<DingTalkError> => {
    const e = await rejection(p);
    if (!isDingTalkError(e)) throw new Error(`not a DingTalkError: ${String(e)}`);
    return e;
  };

  it('reports a row-permanent errcode with the message the contract names', async () => {
    const { client } = await open();
    const e = await failure(
      client.updateContact({ user_id: 'nobody', name: 'X', follower_user_id: 'lina02', label_ids: [LABEL] }),
    );
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe('update: 60121 The corresponding user is not found');
    expect(e).toMatchObject({ endpoint: 'update', errcode: 60121, retryClass: 'row-permanent', sent: false });
    expect(e.httpStatus).toBe(200);
    expect(await failure(client.getContact('nobody'))).toMatchObject({
      errcode: 33012,
      retryClass: 'row-permanent',
    });
  });

  it('serialises to plain data for journals and reports', async () => {
    const { client } = await open();
    const e = await failure(client.getContact('nobody'));
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      name: 'DingTalkError',
      message: 'get: 33012 Invalid userId',
      endpoint: 'get',
      errcode: 33012,
      errmsg: 'Invalid userId',
      retryClass: 'row-permanent',
      sent: false,
      httpStatus: 200,
    });
  });

  it('reports a wrong base URL path as not-found (job-fatal: no retry helps), and refuses a malformed one up front', async () => {
    const { sb: s } = await open();
    const client = createDingTalkClient({
      baseUrl: `${s.baseUrl}/wrong/`,
      appKey: s.appKey,
      appSecret: s.appSecret,
    });
    expect(await failure(client.checkCredentials())).toMatchObject({
      endpoint: 'gettoken',
      errcode: 'not-found',
      retryClass: 'job-fatal',
      httpStatus: 404,
    });
    expect(() => createDingTalkClient({ baseUrl: 'not a url', appKey: 'k', appSecret: 's' })).toThrow(
      TypeError,
    );
  });

  it('reports busy (-1) and system error (400001) as transient', async () => {
    const { sb: s, client } = await open({ faults: { busyRate: 1 } });
    expect(await failure(client.getContact('x'))).toMatchObject({ errcode: -1, retryClass: 'transient' });
    s.setFaults({ systemErrorRate: 1 });
    expect(await failure(client.getContact('x'))).toMatchObject({ errcode: 400001, retryClass: 'transient' });
  });

  it('reports 88 with its sub_code and 90002 as transient', async () => {
    const { sb: s, client } = await open({
      faults: { errcodes: [{ errcode: 88, rate: 1, errmsg: '', subCode: 'isv.call-too-fast' }] },
    });
    const e = await failure(client.getContact('x'));
    expect(e).toMatchObject({ errcode: 88, subCode: 'isv.call-too-fast', retryClass: 'transient' });
    // An empty errmsg: the catalogue's meaning stands in.
    expect(e.message).toBe(
      'get: 88 Calls too fast (short block) or a generic error with sub_code (sub_code isv.call-too-fast)',
    );
    s.setFaults({ errcodes: [{ errcode: 90002, rate: 1 }] });
    expect(await failure(client.getContact('x'))).toMatchObject({ errcode: 90002, retryClass: 'transient' });
  });

  it('reports the rate limits 90018 and 90006 as transient', async () => {
    const { sb: s, client } = await open({ limits: { perSecond: 1 } });
    await failure(client.getContact('x')); // 33012, and the second's budget is spent
    expect(await failure(client.getContact('x'))).toMatchObject({ errcode: 90018, retryClass: 'transient' });
    s.setLimits({ perMinute: 0 });
    expect(await failure(client.getContact('x'))).toMatchObject({ errcode: 90006, retryClass: 'transient' });
  });

  it('reports 43007 (permission) and 90020 (monthly quota) as job-fatal', async () => {
    const { sb: s, client } = await open({ faults: { deniedEndpoints: ['delete'] } });
    expect(await failure(client.deleteContact('x'))).toMatchObject({
      errcode: 43007,
      retryClass: 'job-fatal',
    });
    s.setFaults({ monthlyQuota: 0 });
    expect(await failure(client.getContact('x'))).toMatchObject({ errcode: 90020, retryClass: 'job-fatal' });
  });

  it('reports an HTML answer as non-json and a 502 as http, both ambiguous', async () => {
    const { sb: s, client } = await open({ faults: { htmlErrorRate: 1 } });
    const html = await failure(client.getContact('x'));
    expect(html).toMatchObject({ errcode: 'non-json', retryClass: 'transient', sent: true, httpStatus: 200 });
    expect(html.message).toMatch(/^get: non-json HTTP 200: 502 Bad Gateway$/);
    s.setFaults({ httpErrorRate: 1 });
    expect(await failure(client.getContact('x'))).toMatchObject({
      errcode: 'http',
      httpStatus: 502,
      sent: true,
    });
  });

  it('reports the per-IP ban (JSON status 1111 and the HTML page) as ip-ban with the wait', async () => {
    const { sb: s, client } = await open();
    await client.getContact(s.contacts()[0]?.userid ?? ''); // a token first
    s.setFaults({ ipBanAfter: 0, banSeconds: 42 });
    const json = await failure(client.getContact('x'));
    expect(json).toMatchObject({ errcode: 'ip-ban', retryClass: 'transient', waitSeconds: 42, sent: false });
    s.setFaults({ ipBanAfter: 0, banSeconds: 7, ipBanFormat: 'html' });
    const html = await failure(
      client.updateContact({ user_id: 'x', name: 'x', follower_user_id: 'x', label_ids: [] }),
    );
    expect(html).toMatchObject({ errcode: 'ip-ban', waitSeconds: 7, httpStatus: 403 });
  });

  it('reports a timeout as transient and ambiguous, while the write may still land', async () => {
    const { sb: s, client } = await open({}, { timeoutMs: 150 });
    const target = s.contacts()[0];
    if (!target) throw new Error('no contact');
    await client.getContact(target.userid);
    s.setLatency(600);
    const started = Date.now();
    const e = await failure(
      client.updateContact({
        user_id: target.userid,
        name: 'Slow',
        follower_user_id: 'lina02',
        label_ids: [LABEL],
      }),
    );
    expect(Date.now() - started).toBeLessThan(550);
    expect(e).toMatchObject({ endpoint: 'update', errcode: 'timeout', retryClass: 'transient', sent: true });
    expect(s.getContactById(target.userid)?.name).toBe('Slow');
  });

  it('reports a connection dropped after the write as network with sent = true', async () => {
    const { sb: s, client } = await open({ faults: { dropAfterWriteRate: 1 } });
    const target = s.contacts()[1];
    if (!target) throw new Error('no contact');
    const e = await failure(client.deleteContact(target.userid));
    expect(e).toMatchObject({ endpoint: 'delete', errcode: 'network', retryClass: 'transient', sent: true });
    expect(s.getContactById(target.userid)).toBeUndefined();
  });

  it('reports a refused connection as network with sent = false', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => resolve(p));
      });
    });
    const client = createDingTalkClient({
      baseUrl: `http://127.0.0.1:${port}`,
      appKey: 'k',
      appSecret: 's3cr3t-value',
    });
    const e = await failure(client.getContact('x'));
    expect(e).toMatchObject({
      endpoint: 'gettoken',
      errcode: 'network',
      retryClass: 'transient',
      sent: false,
    });
    expect(e.errmsg).toMatch(/ECONNREFUSED/);
  });

  it('works the same through the in-process fetch', async () => {
    const { sb: s } = await open({ listen: false, faults: { dropAfterWriteRate: 1 } });
    const client = createDingTalkClient({
      baseUrl: s.baseUrl,
      appKey: s.appKey,
      appSecret: s.appSecret,
      fetch: s.fetch,
    });
    const target = s.contacts()[2];
    if (!target) throw new Error('no contact');
    expect(await client.getContact(target.userid)).toEqual(target);
    expect(await failure(client.deleteContact(target.userid))).toMatchObject({
      errcode: 'network',
      sent: true,
    });
    s.setFaults({});
    s.setLatency(300);
    const slow = createDingTalkClient({
      baseUrl: s.baseUrl,
      appKey: s.appKey,
      appSecret: s.appSecret,
      fetch: s.fetch,
      timeoutMs: 50,
    });
    expect(await failure(slow.getContact('x'))).toMatchObject({ endpoint: 'gettoken', errcode: 'timeout' });
  });
});
