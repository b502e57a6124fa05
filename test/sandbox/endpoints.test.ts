// The sandbox's endpoints over real HTTP: paging rules, bodies (JSON and form), tokens, credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_APP_KEY, startSandbox, type Sandbox } from '../../electron/core/sandbox';
import { call, rawCall, token } from './helpers';

describe('sandbox endpoints', () => {
  let sb: Sandbox;
  let tok: string;
  beforeAll(async () => {
    sb = await startSandbox({ contacts: 250 });
    tok = await token(sb);
  });
  afterAll(() => sb.close());

  it('gettoken refuses wrong credentials with 40089 and issues a token with expires_in', async () => {
    const bad = await fetch(`${sb.baseUrl}/gettoken?appkey=${SANDBOX_APP_KEY}&appsecret=wrong`);
    expect(((await bad.json()) as { errcode: number }).errcode).toBe(40089);
    const good = (await (
      await fetch(`${sb.baseUrl}/gettoken?appkey=${sb.appKey}&appsecret=${sb.appSecret}`)
    ).json()) as Record<string, unknown>;
    expect(good.errcode).toBe(0);
    expect(good.expires_in).toBe(7200);
    expect(typeof good.access_token).toBe('string');
  });

  it('answers 40014 for a missing or unknown token and 42001 once tokens expire', async () => {
    expect((await call(sb, 'list', '', { size: 10, offset: 0 })).errcode).toBe(40014);
    expect((await call(sb, 'list', 'not-a-token', { size: 10, offset: 0 })).errcode).toBe(40014);
    const mine = await token(sb);
    sb.expireTokens();
    expect((await call(sb, 'list', mine, { size: 10, offset: 0 })).errcode).toBe(42001);
    tok = await token(sb);
    expect((await call(sb, 'list', tok, { size: 10, offset: 0 })).errcode).toBe(0);
  });

  it('pages the contact list in order and ends with a short page', async () => {
    const ids: string[] = [];
    const sizes: number[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await call(sb, 'list', tok, { size: 100, offset });
      const results = page.results as { userid: string }[];
      sizes.push(results.length);
      ids.push(...results.map((c) => c.userid));
      if (results.length < 100) break;
    }
    expect(sizes).toEqual([100, 100, 50]);
    expect(ids).toEqual(sb.contacts().map((c) => c.userid));
    const beyond = await call(sb, 'list', tok, { size: 100, offset: 1000 });
    expect(beyond).toMatchObject({ errcode: 0, results: [] });
  });

  it('applies the paging errcodes of the pages: 40069 / 41101 for size, 40068 for offset', async () => {
    expect((await call(sb, 'list', tok, { size: 101, offset: 0 })).errcode).toBe(40069);
    expect((await call(sb, 'list', tok, { size: 0, offset: 0 })).errcode).toBe(40069);
    expect((await call(sb, 'listlabelgroups', tok, { size: 101, offset: 0 })).errcode).toBe(41101);
    expect((await call(sb, 'list', tok, { size: 10, offset: -1 })).errcode).toBe(40068);
    expect((await call(sb, 'listlabelgroups', tok, { size: 10, offset: 'x' })).errcode).toBe(40068);
  });

  it('uses size and offset only when both are given (else the first 20)', async () => {
    const onlySize = await call(sb, 'list', tok, { size: 500 });
    expect((onlySize.results as unknown[]).length).toBe(20);
    const onlyOffset = await call(sb, 'list', tok, { offset: 40 });
    expect((onlyOffset.results as { userid: string }[])[0]?.userid).toBe(sb.contacts()[0]?.userid);
    const groups = await call(sb, 'listlabelgroups', tok, {});
    expect((groups.results as unknown[]).length).toBe(sb.labelGroups().length);
    const second = await call(sb, 'listlabelgroups', tok, { size: 3, offset: 3 });
    expect((second.results as { name: string }[]).map((g) => g.name)).toEqual(
      sb
        .labelGroups()
        .slice(3, 6)
        .map((g) => g.name),
    );
  });

  it('accepts form bodies like the curl examples, token in the body included', async () => {
    const page = await call(sb, 'list', tok, { size: '5', offset: '10' }, { form: true, tokenInBody: true });
    expect((page.results as { userid: string }[]).map((c) => c.userid)).toEqual(
      sb
        .contacts()
        .slice(10, 15)
        .map((c) => c.userid),
    );
    const target = sb.contacts()[3];
    if (!target) throw new Error('no contact');
    const contact = {
      user_id: target.userid,
      name: '表单 Form',
      follower_user_id: 'lina02',
      label_ids: [1561077318],
    };
    const updated = await call(sb, 'update', tok, { contact }, { form: true });
    expect(updated.errcode).toBe(0);
    expect(sb.getContactById(target.userid)?.name).toBe('表单 Form');
    const got = await call(sb, 'get', tok, { user_id: target.userid }, { form: true });
    expect((got.result as { name: string }).name).toBe('表单 Form');
  });

  it('accepts a JSON body whose contact is itself a JSON string', async () => {
    const target = sb.contacts()[4];
    if (!target) throw new Error('no contact');
    const contact = JSON.stringify({
      user_id: target.userid,
      name: 'String Body',
      follower_user_id: 'lina02',
      label_ids: [1561077318],
    });
    expect((await call(sb, 'update', tok, { contact })).errcode).toBe(0);
    expect(sb.getContactById(target.userid)?.name).toBe('String Body');
  });

  it('get answers the contact, and 33012 for an unknown user', async () => {
    const target = sb.contacts()[7];
    if (!target) throw new Error('no contact');
    const got = await call(sb, 'get', tok, { user_id: target.userid });
    expect(got.result).toEqual(JSON.parse(JSON.stringify(target)));
    expect((await call(sb, 'get', tok, { user_id: 'nobody' })).errcode).toBe(33012);
    expect((await call(sb, 'get', tok, {})).errcode).toBe(40036);
  });

  it('answers an unknown operation or path with an HTML 404, and a non-JSON body with 40036', async () => {
    const res = await rawCall(sb, 'nosuchop', tok, {});
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/html/);
    const broken = await fetch(`${sb.baseUrl}/topapi/extcontact/update?access_token=${tok}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(((await broken.json()) as { errcode: number }).errcode).toBe(40036);
  });

  it('counts calls per endpoint', async () => {
    const before = sb.callCounts();
    await call(sb, 'get', tok, { user_id: 'nobody' });
    await call(sb, 'get', tok, { user_id: 'nobody' });
    await call(sb, 'listlabelgroups', tok, { size: 100, offset: 0 });
    const after = sb.callCounts();
    expect(after.get - before.get).toBe(2);
    expect(after.listlabelgroups - before.listlabelgroups).toBe(1);
    expect(after.update).toBe(before.update);
  });
});
