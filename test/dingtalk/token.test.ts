// The access_token: cached, renewed before expiry, one shared refresh, refreshed once on a token errcode.
import { afterEach, describe, expect, it } from 'vitest';
import { createDingTalkClient, DingTalkError } from '../../electron/core/dingtalk';
import type { SandboxHandle } from '../../electron/core/sandbox';
import { collect, rejection, sandboxWithClient } from './helpers';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('DingTalk client token handling', () => {
  let sb: SandboxHandle | undefined;
  afterEach(async () => {
    await sb?.close();
    sb = undefined;
  });

  it('fetches one token for many calls while it is valid', async () => {
    const made = await sandboxWithClient({ contacts: 20 });
    sb = made.sb;
    for (let i = 0; i < 5; i++) await made.client.getContact(sb.contacts()[i]?.userid ?? '');
    await collect(made.client.listContacts());
    expect(sb.callCounts().gettoken).toBe(1);
  });

  it('renews the token after it expires (1 s TTL)', async () => {
    const made = await sandboxWithClient({ contacts: 5, tokenTtlSeconds: 1 }, { tokenRenewMarginSeconds: 0 });
    sb = made.sb;
    const id = sb.contacts()[0]?.userid ?? '';
    await made.client.getContact(id);
    await made.client.getContact(id);
    expect(sb.callCounts().gettoken).toBe(1);
    await sleep(1100);
    await made.client.getContact(id);
    expect(sb.callCounts().gettoken).toBe(2);
    // Renewed ahead of time: no call was refused with 42001 on the way.
    expect(sb.callCounts().get).toBe(3);
  });

  it('renews a margin before expiry, by the client clock', async () => {
    let now = 1_000_000;
    const made = await sandboxWithClient({ contacts: 5 }, { now: () => now, tokenRenewMarginSeconds: 300 });
    sb = made.sb;
    const id = sb.contacts()[0]?.userid ?? '';
    await made.client.getContact(id);
    now += (7200 - 301) * 1000;
    await made.client.getContact(id);
    expect(sb.callCounts().gettoken).toBe(1);
    now += 2000; // now inside the 300 s margin
    await made.client.getContact(id);
    expect(sb.callCounts().gettoken).toBe(2);
  });

  it('shares one in-flight refresh among concurrent callers', async () => {
    const made = await sandboxWithClient({ contacts: 30, latencyMs: 30 });
    sb = made.sb;
    const ids = sb.contacts().map((c) => c.userid);
    const got = await Promise.all(ids.map((id) => made.client.getContact(id)));
    expect(got.map((c) => c.userid)).toEqual(ids);
    expect(sb.callCounts().gettoken).toBe(1);

    // Every token expires server-side: 30 concurrent callers get 42001, and still one refresh happens.
    sb.expireTokens();
    const again = await Promise.all(ids.map((id) => made.client.getContact(id)));
    expect(again).toHaveLength(30);
    expect(sb.callCounts().gettoken).toBe(2);
    expect(sb.callCounts().get).toBe(90); // 30, then 30 refused and 30 retried
  });

  it('drops a refused token, fetches a new one once and retries the call once (42001)', async () => {
    const made = await sandboxWithClient({ contacts: 5 });
    sb = made.sb;
    const target = sb.contacts()[0];
    if (!target) throw new Error('no contact');
    await made.client.getContact(target.userid);
    sb.expireTokens();
    await made.client.updateContact({
      user_id: target.userid,
      name: 'After expiry',
      follower_user_id: target.follower_user_id,
      label_ids: target.label_ids,
    });
    expect(sb.getContactById(target.userid)?.name).toBe('After expiry');
    expect(sb.callCounts().gettoken).toBe(2);
    expect(sb.writeLog.map((w) => w.errcode)).toEqual([42001, 0]);
  });

  it('recovers from an unknown token (40014) the same way', async () => {
    const made = await sandboxWithClient({ contacts: 5 });
    sb = made.sb;
    const id = sb.contacts()[0]?.userid ?? '';
    await made.client.getContact(id);
    sb.revokeTokens();
    await made.client.getContact(id);
    await made.client.getContact(id);
    expect(sb.callCounts()).toMatchObject({ gettoken: 2, get: 4 });
  });

  it('stops with a job-fatal token-refused when a fresh token is refused too (40001)', async () => {
    const made = await sandboxWithClient({ contacts: 5, faults: { rejectTokens: true } });
    sb = made.sb;
    const e = await rejection(made.client.getContact(sb.contacts()[0]?.userid ?? ''));
    expect(e).toBeInstanceOf(DingTalkError);
    expect(e).toMatchObject({ endpoint: 'get', errcode: 'token-refused', retryClass: 'job-fatal' });
    expect((e as Error).message).toMatch(/^get: token-refused .*40001/);
    expect(sb.callCounts()).toMatchObject({ gettoken: 2, get: 2 });
  });

  it('checkCredentials succeeds with the sandbox keys and throws job-fatal credentials otherwise', async () => {
    const made = await sandboxWithClient({ contacts: 5 });
    sb = made.sb;
    await made.client.checkCredentials();
    const wrong = createDingTalkClient({
      baseUrl: sb.baseUrl,
      appKey: sb.appKey,
      appSecret: 'not-the-secret',
    });
    const e = await rejection(wrong.checkCredentials());
    expect(e).toMatchObject({ endpoint: 'gettoken', errcode: 'credentials', retryClass: 'job-fatal' });
    expect((e as Error).message).toMatch(/40089/);
    // Every call of a client with a wrong secret fails the same way, before reaching the endpoint.
    const getsBefore = sb.callCounts().get;
    expect(await rejection(wrong.getContact('x'))).toMatchObject({ errcode: 'credentials' });
    expect(sb.callCounts().get).toBe(getsBefore);
  });

  it('retries the token fetch on the next call after a failed refresh', async () => {
    const made = await sandboxWithClient({ contacts: 5, faults: { ipBanAfter: 0, banSeconds: 1 } });
    sb = made.sb;
    expect(await rejection(made.client.getContact('x'))).toMatchObject({
      endpoint: 'gettoken',
      errcode: 'ip-ban',
    });
    sb.setFaults({});
    await expect(made.client.getContact(sb.contacts()[0]?.userid ?? '')).resolves.toBeDefined();
    expect(sb.callCounts().gettoken).toBe(2);
  });
});
