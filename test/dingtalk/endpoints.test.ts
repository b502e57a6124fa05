// The client's typed endpoints against the sandbox over loopback HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallScheduler, DingTalkClient } from '../../electron/core/dingtalk';
import type { SandboxHandle } from '../../electron/core/sandbox';
import type { Endpoint } from '../../shared/domain';
import { collect, sandboxWithClient } from './helpers';

describe('DingTalk client endpoints', () => {
  let sb: SandboxHandle;
  let client: DingTalkClient;
  beforeAll(async () => {
    ({ sb, client } = await sandboxWithClient({ contacts: 250 }));
  });
  afterAll(() => sb.close());

  it('lists every contact across pages of 100: 250 contacts in 3 calls, exact ids in order', async () => {
    const before = sb.callCounts().list;
    const contacts = await collect(client.listContacts());
    expect(sb.callCounts().list - before).toBe(3);
    expect(contacts.map((c) => c.userid)).toEqual(sb.contacts().map((c) => c.userid));
    expect(contacts).toEqual(sb.contacts());
  });

  it('asks for exactly one more page when the total is a multiple of the page size', async () => {
    const before = sb.callCounts().list;
    const contacts = await collect(client.listContacts({ pageSize: 50 }));
    expect(contacts).toHaveLength(250);
    expect(sb.callCounts().list - before).toBe(6); // 5 full pages and an empty one
    expect(() => client.listContacts({ pageSize: 101 })).toThrow(RangeError);
  });

  it('reads ahead only when asked: the next page is requested while this one is handed on', async () => {
    const before = sb.callCounts().list;
    /** `list` calls the sandbox had answered when the first contact of each page was handed on. */
    const seenAt = async (readAhead?: () => boolean): Promise<number[]> => {
      const at: number[] = [];
      let n = 0;
      for await (const _ of client.listContacts({ readAhead, pageSize: 100 })) {
        if (n++ % 100 === 0) {
          // Give a call already sent the time to reach the sandbox.
          await new Promise((r) => setTimeout(r, 30));
          at.push(sb.callCounts().list - before);
        }
      }
      return at;
    };
    expect(await seenAt()).toEqual([1, 2, 3]);
    const base = sb.callCounts().list - before;
    const asked: number[] = [];
    const ahead = await seenAt(() => (asked.push(1), true));
    expect(ahead.map((x) => x - base)).toEqual([2, 3, 3]);
    // Asked at each full page (the third, short, is the last: nothing to read ahead), and no extra call.
    expect(asked).toHaveLength(2);
    expect(sb.callCounts().list - before - base).toBe(3);
    // A caller that stops early leaves the page read ahead to be dropped quietly (no unhandled rejection).
    for await (const _ of client.listContacts({ readAhead: () => true })) break;
  });

  it('lists label groups with names, colours and label ids', async () => {
    expect(await collect(client.listLabelGroups())).toEqual(sb.labelGroups());
  });

  it('gets, updates, creates and deletes', async () => {
    const target = sb.contacts()[5];
    if (!target) throw new Error('no contact');
    expect(await client.getContact(target.userid)).toEqual(target);

    await client.updateContact({
      user_id: target.userid,
      name: '李雷 Li Lei',
      follower_user_id: 'chenjing05',
      label_ids: [1561077341, 1561077353],
      title: '采购经理',
      share_dept_ids: [42536],
    });
    expect(sb.getContactById(target.userid)).toMatchObject({
      name: '李雷 Li Lei',
      follower_user_id: 'chenjing05',
      label_ids: [1561077341, 1561077353],
      title: '采购经理',
      share_dept_ids: [42536],
      mobile: target.mobile,
    });

    const userid = await client.createContact({
      name: 'Hanna Schmidt',
      follower_user_id: 'lina02',
      label_ids: [1561077310],
      mobile: '13711112222',
      state_code: '86',
      email: 'hanna@example.com',
    });
    expect(sb.getContactById(userid)).toMatchObject({ name: 'Hanna Schmidt', mobile: '13711112222' });
    await client.deleteContact(userid);
    expect(sb.getContactById(userid)).toBeUndefined();
    expect(sb.writeLog.slice(-3).map((w) => [w.endpoint, w.applied])).toEqual([
      ['update', true],
      ['create', true],
      ['delete', true],
    ]);
  });

  it('runs each page and each call through the scheduler, sharing the token cache', async () => {
    const seen: Endpoint[] = [];
    const recording: CallScheduler = {
      run: (endpoint, attempt) => {
        seen.push(endpoint);
        return attempt();
      },
    };
    const scheduled = client.withScheduler(recording);
    expect(scheduled.baseUrl).toBe(sb.baseUrl);
    const tokensBefore = sb.callCounts().gettoken;
    const contacts = await collect(scheduled.listContacts());
    const first = contacts[0];
    if (!first) throw new Error('no contact');
    await scheduled.getContact(first.userid);
    await collect(scheduled.listLabelGroups());
    expect(seen).toEqual(['list', 'list', 'list', 'get', 'listlabelgroups']);
    expect(sb.callCounts().gettoken).toBe(tokensBefore); // the token of the first client is reused
  });

  it('lets a scheduler retry an attempt: the attempt can be run again', async () => {
    sb.setFaults({ busyRate: 0.5, seed: 3 });
    let attempts = 0;
    const retrying: CallScheduler = {
      async run(_endpoint, attempt) {
        for (;;) {
          attempts++;
          try {
            return await attempt();
          } catch (e) {
            if ((e as { retryClass?: string }).retryClass !== 'transient') throw e;
          }
        }
      },
    };
    try {
      const contacts = await collect(client.withScheduler(retrying).listContacts());
      expect(contacts).toHaveLength(sb.contacts().length);
      expect(attempts).toBeGreaterThan(3);
    } finally {
      sb.setFaults({});
    }
  });
});
