// update / create / delete as the pages describe them, over real HTTP, with the write log.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../electron/core/sandbox';
import type { Contact } from '../../shared/domain';
import { call, token } from './helpers';

const CUSTOMER = 1561077310;
const IMPORTANT = 1561077318;

describe('sandbox writes', () => {
  let sb: Sandbox;
  let tok: string;
  let target: Contact;
  beforeAll(async () => {
    sb = await startSandbox({ contacts: 50, contactCap: 52 });
    tok = await token(sb);
  });
  afterAll(() => sb.close());
  beforeEach(() => {
    // A contact with every optional field set, so clearing is visible.
    const full = sb.contacts().find((c) => c.email && c.title && c.company_name);
    if (!full) throw new Error('seed has no contact with email, title and company');
    target = full;
  });

  const update = (contact: Record<string, unknown>) => call(sb, 'update', tok, { contact });
  const base = (): Record<string, unknown> => ({
    user_id: target.userid,
    name: target.name,
    follower_user_id: target.follower_user_id,
    label_ids: target.label_ids,
  });

  it('answers the update errcodes in the page order', async () => {
    expect((await call(sb, 'update', tok, {})).errcode).toBe(40036);
    expect((await update({ ...base(), user_id: '' })).errcode).toBe(40036);
    expect((await update({ ...base(), name: undefined })).errcode).toBe(40036);
    expect((await update({ ...base(), follower_user_id: '' })).errcode).toBe(40036);
    // Both the user id and the name are wrong: the user id is checked first.
    expect((await update({ ...base(), user_id: 'bad id!', name: '   ' })).errcode).toBe(40003);
    expect((await update({ ...base(), name: '   ' })).errcode).toBe(60112);
    expect((await update({ ...base(), name: 'x'.repeat(65) })).errcode).toBe(60112);
    // Unknown user and no labels: not-found comes first.
    expect((await update({ ...base(), user_id: 'ghost01', label_ids: [] })).errcode).toBe(60121);
    expect((await update({ ...base(), label_ids: [] })).errcode).toBe(60204);
    expect((await update({ ...base(), label_ids: undefined })).errcode).toBe(60204);
    expect(sb.getContactById(target.userid)).toEqual(target);
  });

  it('refuses more than 20 ids, unknown labels and non-staff users with row-permanent codes', async () => {
    const tooMany = Array.from({ length: 21 }, (_, i) => i + 1);
    expect((await update({ ...base(), label_ids: tooMany })).errcode).toBe(40035);
    expect((await update({ ...base(), share_dept_ids: tooMany })).errcode).toBe(40035);
    expect((await update({ ...base(), share_user_ids: tooMany.map(String) })).errcode).toBe(40035);
    expect((await update({ ...base(), label_ids: [CUSTOMER, 999] })).errcode).toBe(40035);
    // As DingTalk: a person who is not staff is 60121, a department the organisation lacks 60003.
    expect((await update({ ...base(), follower_user_id: 'not-staff' })).errcode).toBe(60121);
    expect((await update({ ...base(), follower_user_id: '张伟' })).errcode).toBe(60121);
    expect((await update({ ...base(), share_user_ids: ['not-staff'] })).errcode).toBe(60121);
    expect((await update({ ...base(), share_dept_ids: [999999] })).errcode).toBe(60003);
    expect(sb.getContactById(target.userid)).toEqual(target);
  });

  it('replaces the whole contact: omitted optional fields are cleared, mobile/state_code/email kept', async () => {
    const answer = await update({
      user_id: target.userid,
      name: '新名字 New',
      follower_user_id: 'lina02',
      label_ids: [IMPORTANT, CUSTOMER, IMPORTANT],
      remark: 'only remark',
      mobile: '13800000000',
      email: 'changed@example.com',
      state_code: '1',
    });
    expect(answer.errcode).toBe(0);
    expect(typeof answer.request_id).toBe('string');
    const after = sb.getContactById(target.userid);
    const expected: Contact = {
      userid: target.userid,
      name: '新名字 New',
      follower_user_id: 'lina02',
      label_ids: [IMPORTANT, CUSTOMER],
      remark: 'only remark',
    };
    if (target.mobile) expected.mobile = target.mobile;
    if (target.state_code) expected.state_code = target.state_code;
    if (target.email) expected.email = target.email;
    expect(after).toEqual(expected);
    // The list keeps its order after an update.
    expect(sb.contacts().map((c) => c.userid)).toContain(target.userid);
  });

  it('creates with the required fields and refuses bad or duplicate mobiles and the cap', async () => {
    const contact = {
      name: 'Created Person',
      follower_user_id: 'zhangwei01',
      label_ids: [CUSTOMER],
      state_code: '86',
      mobile: '13999990001',
      email: 'new@example.com',
      title: 'CTO',
    };
    for (const key of ['name', 'follower_user_id', 'state_code', 'mobile'])
      expect((await call(sb, 'create', tok, { contact: { ...contact, [key]: '' } })).errcode, key).toBe(
        40036,
      );
    expect((await call(sb, 'create', tok, { contact: { ...contact, label_ids: [] } })).errcode).toBe(60204);
    expect((await call(sb, 'create', tok, { contact: { ...contact, mobile: '12345' } })).errcode).toBe(60103);
    const existing = sb.contacts()[0]?.mobile;
    expect((await call(sb, 'create', tok, { contact: { ...contact, mobile: existing } })).errcode).toBe(
      60200,
    );

    const created = await call(sb, 'create', tok, { contact });
    expect(created.errcode).toBe(0);
    const userid = created.userid as string;
    expect(sb.getContactById(userid)).toEqual({ userid, ...contact });
    expect(sb.contacts().at(-1)?.userid).toBe(userid);
    expect((await call(sb, 'create', tok, { contact })).errcode).toBe(60200);
    // 50 seeded + 1 created; the cap is 52.
    const second = await call(sb, 'create', tok, { contact: { ...contact, mobile: '13999990002' } });
    expect(second.errcode).toBe(0);
    expect((await call(sb, 'create', tok, { contact: { ...contact, mobile: '13999990003' } })).errcode).toBe(
      60203,
    );
  });

  it('deletes, then answers 33012 for the same user; new userids never reuse a deleted one', async () => {
    const victim = sb.contacts()[1];
    if (!victim?.mobile) throw new Error('no contact');
    expect((await call(sb, 'delete', tok, { user_id: victim.userid })).errcode).toBe(0);
    expect(sb.getContactById(victim.userid)).toBeUndefined();
    expect((await call(sb, 'delete', tok, { user_id: victim.userid })).errcode).toBe(33012);
    expect((await call(sb, 'get', tok, { user_id: victim.userid })).errcode).toBe(33012);
    const contact = {
      name: victim.name,
      follower_user_id: victim.follower_user_id,
      label_ids: victim.label_ids,
      state_code: victim.state_code,
      mobile: victim.mobile,
    };
    // Deleting freed the mobile (and the cap): the same person can be created again, under a new id.
    const again = await call(sb, 'create', tok, { contact });
    expect(again.errcode).toBe(0);
    expect(again.userid).not.toBe(victim.userid);
    expect(new Set(sb.contacts().map((c) => c.userid)).size).toBe(sb.contacts().length);
  });

  it('logs every write call received, applied or not', async () => {
    const from = sb.writeLog.length;
    await update({ ...base(), label_ids: [] });
    await update({ ...base(), name: 'Logged' });
    await call(sb, 'delete', tok, { user_id: 'nobody' });
    await call(sb, 'get', tok, { user_id: target.userid });
    const entries = sb.writeLog.slice(from);
    expect(entries.map((e) => [e.endpoint, e.userId, e.applied, e.errcode])).toEqual([
      ['update', target.userid, false, 60204],
      ['update', target.userid, true, 0],
      ['delete', 'nobody', false, 33012],
    ]);
    expect(entries[1]?.body).toMatchObject({ contact: { name: 'Logged' } });
    expect(typeof entries[0]?.at).toBe('number');
  });
});
