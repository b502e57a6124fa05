// Planning merges each contact as it arrives and keeps only the ones its updates change (issue 15 item 3):
// a million-row sheet must not hold a million contacts. Against the sandbox over loopback HTTP.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/domain';
import { planImport, type ImportClient } from '../../electron/core/import';
import { createDingTalkClient } from '../../electron/core/dingtalk';
import { startSandbox } from '../../electron/core/sandbox';
import { openSheet } from '../../electron/core/sheets';
import { startOrg, type Org } from './org';

setFlagsFromString('--expose-gc');
/** A full collection, also when vitest runs without --expose-gc. */
const gc = runInNewContext('gc') as () => void;

let org: Org;
let dir: string;
beforeAll(async () => {
  org = await startOrg(1000);
  dir = await mkdtemp(join(tmpdir(), 'dtload-import-stream-'));
});
afterAll(() => org.sandbox.close());

/** The organisation's contacts as user_id,remark rows, every tenth remark edited, in reverse list order. */
async function sheet(name: string, contacts: Contact[]): Promise<string> {
  const path = join(dir, name);
  const lines = contacts.map((c, i) => `${c.userid},${i % 10 === 0 ? `edited ${i}` : (c.remark ?? '')}`);
  await writeFile(path, ['user_id,remark', ...lines.reverse()].join('\n') + '\n');
  return path;
}

describe('contacts streamed into the plan', () => {
  it('are not retained past their row unless the row updates them', async () => {
    const contacts = org.sandbox.contacts();
    const path = await sheet('all.csv', contacts);
    const listed: WeakRef<Contact>[] = [];
    let alive = -1;
    // The real client, each contact it hands out watched; once the list ends, count the ones still held.
    const client: ImportClient = {
      ...org.client,
      listLabelGroups: () => org.client.listLabelGroups(),
      getContact: (id) => org.client.getContact(id),
      async *listContacts() {
        try {
          for await (const c of org.client.listContacts()) {
            listed.push(new WeakRef(c));
            yield c;
          }
        } finally {
          // Also when planning stops the list early (every id found).
          gc();
          alive = listed.filter((r) => r.deref() !== undefined).length;
        }
      },
    };
    const plan = await planImport({ source: await openSheet(path), client });
    expect(plan.reads.strategy).toBe('list');
    expect(listed).toHaveLength(1000);
    expect(plan.summary).toMatchObject({ update: 100, unchanged: 900, invalid: 0 });
    expect(Object.keys(plan.before ?? {})).toHaveLength(100);
    // The 100 contacts updates change, and at most the last page in flight; a map of all held 1,000.
    expect(alive).toBeGreaterThanOrEqual(100);
    expect(alive).toBeLessThan(250);
  });

  it('numbers ops in row order whatever order the contacts arrive in', async () => {
    const contacts = org.sandbox.contacts();
    const plan = await planImport({
      source: await openSheet(await sheet('order.csv', contacts)),
      client: org.client,
    });
    const rows = plan.ops.map((op) => op.row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(plan.ops.map((op) => op.seq)).toEqual(plan.ops.map((_, i) => i));
    for (const op of plan.ops) {
      const row = plan.rows.find((r) => r.row === op.row)!;
      expect(row.seq).toBe(op.seq);
      expect(op.kind === 'update' && plan.before?.[op.userId]?.userid).toBe(row.userId);
    }
    // `before` in row order too, as a saved plan always held it.
    expect(Object.keys(plan.before ?? {})).toEqual(
      plan.ops.map((op) => (op.kind === 'update' ? op.userId : '')),
    );
  });

  it('a mobile two contacts hold is refused even though the row merged with the first before the second arrived', async () => {
    const state = org.sandbox.state();
    const [first, , other] = state.contacts;
    const last = state.contacts.at(-1)!;
    // The last contact listed takes the first one's mobile: it arrives ten pages after the row was merged.
    last.mobile = first!.mobile;
    last.state_code = first!.state_code;
    const twin = await startSandbox({ port: 0, state });
    try {
      const client = createDingTalkClient({
        baseUrl: twin.baseUrl,
        appKey: twin.appKey,
        appSecret: twin.appSecret,
      });
      const path = join(dir, 'twin.csv');
      await writeFile(
        path,
        `mobile,state_code,remark\n${first!.mobile},${first!.state_code},x\n${other!.mobile},${other!.state_code},y\n`,
      );
      const plan = await planImport({ source: await openSheet(path), client, options: { match: 'mobile' } });
      const [a, b] = plan.rows;
      expect(a!.action).toBe('invalid');
      expect(a!.errors[0]).toBe(
        `+${first!.state_code} ${first!.mobile} belongs to several contacts (${first!.userid}, ${last.userid}); match by user_id`,
      );
      expect(a!.seq).toBeUndefined();
      expect(b!.action).toBe('update');
      expect(plan.ops).toEqual([
        expect.objectContaining({ seq: 0, row: 3, kind: 'update', userId: other!.userid }),
      ]);
      expect(b!.seq).toBe(0);
      expect(Object.keys(plan.before ?? {})).toEqual([other!.userid]);
    } finally {
      await twin.close();
    }
  });
});
