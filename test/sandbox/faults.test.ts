// Injected faults, limits, the ban and quota, the in-process fetch, and a 100k organisation.
import { afterEach, describe, expect, it } from 'vitest';
import {
  startSandbox,
  type Sandbox,
  type SandboxOptions,
  type SandboxResponse,
} from '../../electron/core/sandbox';
import { call, rawCall, token } from './helpers';

describe('sandbox faults and limits', () => {
  let sb: Sandbox | undefined;
  const open = async (opts: SandboxOptions): Promise<{ sb: Sandbox; tok: string }> => {
    sb = await startSandbox(opts);
    return { sb, tok: await token(sb, opts.listen === false ? sb.fetch : fetch) };
  };
  afterEach(async () => {
    await sb?.close();
    sb = undefined;
  });

  const errcodes = async (s: Sandbox, tok: string, n: number): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await call(s, 'get', tok, { user_id: 'nobody' })).errcode ?? NaN);
    return out;
  };

  it('draws busy (-1) and system errors (400001) from a seeded PRNG: the same seed repeats exactly', async () => {
    const { sb: s, tok } = await open({
      contacts: 10,
      faults: { busyRate: 0.3, systemErrorRate: 0.3, seed: 42 },
    });
    const first = await errcodes(s, tok, 60);
    s.setFaults({ busyRate: 0.3, systemErrorRate: 0.3, seed: 42 });
    expect(await errcodes(s, tok, 60)).toEqual(first);
    expect(first).toContain(-1);
    expect(first).toContain(400001);
    expect(first).toContain(33012);
    s.setFaults({});
    expect(new Set(await errcodes(s, tok, 20))).toEqual(new Set([33012]));
  });

  it('injects any errcode at a rate, with a sub_code, only on the endpoints named', async () => {
    const { sb: s, tok } = await open({
      contacts: 10,
      faults: { errcodes: [{ errcode: 88, rate: 1, subCode: 'isv.too-fast', endpoints: ['get'] }] },
    });
    const answer = await call(s, 'get', tok, { user_id: 'x' });
    expect(answer).toMatchObject({ errcode: 88, sub_code: 'isv.too-fast' });
    expect((await call(s, 'list', tok, { size: 1, offset: 0 })).errcode).toBe(0);
    s.setFaults({ errcodes: [{ errcode: 90002, rate: 1 }] });
    expect(await call(s, 'list', tok, { size: 1, offset: 0 })).toMatchObject({ errcode: 90002 });
  });

  it('limits calls per second per endpoint with 90018 and counts them as throttled', async () => {
    const { sb: s, tok } = await open({ contacts: 10, limits: { perSecond: 5 } });
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => call(s, 'get', tok, { user_id: 'nobody' })),
    );
    const throttled = answers.filter((a) => a.errcode === 90018).length;
    // 5 pass per one-second window; a burst may straddle two windows.
    expect(throttled).toBeGreaterThanOrEqual(2);
    expect(throttled).toBeLessThanOrEqual(7);
    expect(s.throttledCount()).toBe(throttled);
    // Endpoints have separate budgets.
    expect((await call(s, 'listlabelgroups', tok, {})).errcode).toBe(0);
    s.setLimits(false);
    expect((await call(s, 'get', tok, { user_id: 'nobody' })).errcode).toBe(33012);
  });

  it('limits calls per rolling minute with 90006', async () => {
    const { sb: s, tok } = await open({ contacts: 10, limits: { perMinute: 3 } });
    expect(await errcodes(s, tok, 5)).toEqual([33012, 33012, 33012, 90006, 90006]);
    expect(s.throttledCount()).toBe(2);
  });

  it('answers the per-IP ban after N calls, as JSON status 1111 or an HTML page, with the wait left', async () => {
    const { sb: s, tok } = await open({ contacts: 10, faults: { ipBanAfter: 3, banSeconds: 120 } });
    // gettoken counted as call 1.
    expect((await call(s, 'get', tok, { user_id: 'nobody' })).errcode).toBe(33012);
    expect((await call(s, 'get', tok, { user_id: 'nobody' })).errcode).toBe(33012);
    const ban = await call(s, 'get', tok, { user_id: 'nobody' });
    expect(ban).toMatchObject({ status: 1111, wait: 120 });
    expect(ban.errcode).toBeUndefined();
    s.setFaults({ ipBanAfter: 0, banSeconds: 30, ipBanFormat: 'html' });
    const res = await rawCall(s, 'update', tok, { contact: {} });
    expect(res.headers.get('content-type')).toMatch(/html/);
    const html = await res.text();
    expect(html).toMatch(/1111/);
    expect(html).toMatch(/wait 30 seconds/);
    expect(s.writeLog.at(-1)).toMatchObject({ endpoint: 'update', applied: false, errcode: 'ip-ban' });
  });

  it('answers 90020 once the monthly quota is spent and 43007 for a denied endpoint', async () => {
    const { sb: s, tok } = await open({
      contacts: 10,
      faults: { monthlyQuota: 2, deniedEndpoints: ['delete'] },
    });
    expect((await call(s, 'delete', tok, { user_id: 'x' })).errcode).toBe(43007);
    expect((await call(s, 'get', tok, { user_id: 'x' })).errcode).toBe(33012);
    expect((await call(s, 'get', tok, { user_id: 'x' })).errcode).toBe(90020);
    expect((await call(s, 'list', tok, { size: 1, offset: 0 })).errcode).toBe(90020);
  });

  it('answers 40001 to every call when tokens are rejected, fresh ones too', async () => {
    const { sb: s } = await open({ contacts: 10, faults: { rejectTokens: true } });
    expect((await call(s, 'get', await token(s), { user_id: 'x' })).errcode).toBe(40001);
  });

  it('answers proxy pages: HTML with 200 (non-JSON) and 502', async () => {
    const { sb: s, tok } = await open({ contacts: 10, faults: { htmlErrorRate: 1 } });
    const page = await rawCall(s, 'get', tok, { user_id: 'x' });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/^<html>/);
    s.setFaults({ httpErrorRate: 1 });
    expect((await rawCall(s, 'get', tok, { user_id: 'x' })).status).toBe(502);
  });

  it('drops the connection after applying a write', async () => {
    const { sb: s, tok } = await open({ contacts: 10, faults: { dropAfterWriteRate: 1 } });
    const target = s.contacts()[0];
    if (!target) throw new Error('no contact');
    const contact = {
      user_id: target.userid,
      name: 'Dropped',
      follower_user_id: 'lina02',
      label_ids: [1561077310],
    };
    await expect(rawCall(s, 'update', tok, { contact })).rejects.toThrow(/fetch failed/);
    expect(s.getContactById(target.userid)?.name).toBe('Dropped');
    expect(s.writeLog.at(-1)).toMatchObject({ endpoint: 'update', applied: true, dropped: true, errcode: 0 });
    // Reads and refused writes are answered normally.
    expect((await call(s, 'get', tok, { user_id: target.userid })).errcode).toBe(0);
    expect((await call(s, 'delete', tok, { user_id: 'nobody' })).errcode).toBe(33012);
  });

  it('serves the same organisation through the in-process fetch, drops included', async () => {
    const { sb: s, tok } = await open({ contacts: 30, listen: false, faults: { dropAfterWriteRate: 1 } });
    const list = await s.fetch(`${s.baseUrl}/topapi/extcontact/list?access_token=${tok}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ size: 100, offset: 0 }),
    });
    const body = (await list.json()) as { results: { userid: string }[] };
    expect(body.results.map((c) => c.userid)).toEqual(s.contacts().map((c) => c.userid));
    const drop = s.fetch(`${s.baseUrl}/topapi/extcontact/delete?access_token=${tok}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: body.results[0]?.userid }),
    });
    await expect(drop).rejects.toMatchObject({ cause: { code: 'UND_ERR_SOCKET' } });
    expect(s.contacts()).toHaveLength(29);
  });

  it('reads every body and input shape fetch takes through the in-process fetch', async () => {
    const { sb: s, tok } = await open({ contacts: 5, listen: false });
    const target = s.contacts()[0];
    if (!target) throw new Error('no contact');
    const url = `${s.baseUrl}/topapi/extcontact/get?access_token=${tok}`;
    // A form body as URLSearchParams (fetch sets the form content type), a Headers object, a Request,
    // a URL object and a byte body all reach the organisation as they would over HTTP.
    const asForm = await s.fetch(url, {
      method: 'post',
      body: new URLSearchParams({ user_id: target.userid }),
    });
    expect(asForm).toMatchObject({ status: 200, ok: true });
    expect(asForm.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(((await asForm.json()) as { result: { userid: string } }).result.userid).toBe(target.userid);
    const json = JSON.stringify({ user_id: target.userid });
    const headers = new Headers({ 'Content-Type': 'application/json' });
    for (const res of [
      await s.fetch(new URL(url), { method: 'POST', headers, body: new TextEncoder().encode(json) }),
      await s.fetch(new Request(url, { method: 'POST', headers, body: json })),
      await s.fetch(url, { method: 'POST', headers: [['content-type', 'application/json']], body: json }),
    ]) {
      expect(JSON.parse(await res.text())).toMatchObject({ errcode: 0, result: { userid: target.userid } });
    }
    const missing = await s.fetch(`${s.baseUrl}/nowhere`);
    expect(missing).toMatchObject({ status: 404, ok: false, statusText: 'Not Found' });
    expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
    const aborted = new AbortController();
    aborted.abort(new Error('stop'));
    await expect(s.fetch(url, { method: 'POST', body: json, signal: aborted.signal })).rejects.toThrow(
      'stop',
    );
    expect(s.callCounts().get).toBe(4);
  });

  it('handles 100,000 contacts quickly', async () => {
    const started = performance.now();
    const { sb: s, tok } = await open({ contacts: 100_000, listen: false });
    const all = s.contacts();
    expect(all).toHaveLength(100_000);
    expect(new Set(all.map((c) => c.mobile)).size).toBe(100_000);
    const last = all.at(-1);
    if (!last) throw new Error('no contact');
    const post = (op: string, body: unknown): Promise<SandboxResponse> =>
      s.fetch(`${s.baseUrl}/topapi/extcontact/${op}?access_token=${tok}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (let i = 0; i < 200; i++) {
      const c = all[i * 400];
      if (!c) throw new Error('no contact');
      const contact = {
        user_id: c.userid,
        name: `N${i}`,
        follower_user_id: 'lina02',
        label_ids: [1561077310],
      };
      expect(((await (await post('update', { contact })).json()) as { errcode: number }).errcode).toBe(0);
      expect(
        ((await (await post('delete', { user_id: all[i * 400 + 1]?.userid })).json()) as { errcode: number })
          .errcode,
      ).toBe(0);
      // Paging right after a delete rebuilds the order once.
      await post('list', { size: 100, offset: 99_000 });
    }
    const tail = (await (await post('list', { size: 100, offset: 99_700 })).json()) as {
      results: { userid: string }[];
    };
    expect(tail.results.at(-1)?.userid).toBe(last.userid);
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});
