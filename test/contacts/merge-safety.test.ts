// A duplicate merge never deletes the others when the kept contact's update failed: the plan makes each
// delete depend on its group's update (RowOp.after) and the engine sends it only once that update
// succeeded. Against the sandbox over loopback HTTP, DingTalk refusing the kept contact's update.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEPENDENCY_ERRCODE, type Contact, type LabelGroup } from '../../shared/domain';
import { findDuplicates, planMerge } from '../../electron/core/contacts';
import { createDingTalkClient } from '../../electron/core/dingtalk';
import { resumeJob, startJob } from '../../electron/core/engine';
import { readLabelGroups } from '../../electron/core/import';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox';
import { testMeta } from '../engine/fixtures/plans';

const L = { customer: 1561077310, core: 1561077319, vip: 1561077340, lost: 1561077325 };
const c = (userid: string, name: string, extra: Partial<Contact> = {}): Contact => ({
  userid,
  name,
  follower_user_id: 'lina02',
  label_ids: [L.customer],
  state_code: '86',
  mobile: `138${userid.padStart(8, '0')}`,
  ...extra,
});

// Two groups: John Smith ×2 (the kept one's update is refused) and Katherine Johnson/Jonson (goes through).
const CONTACTS: Contact[] = [
  c('1', 'John Smith', { company_name: 'Acme', label_ids: [L.customer, L.core] }),
  c('2', 'john  smith', { company_name: 'ACME', label_ids: [L.vip], share_dept_ids: [42536] }),
  c('3', 'Katherine Johnson', { company_name: 'Globex', label_ids: [L.lost, L.core] }),
  c('4', 'Katherine Jonson', { company_name: 'Globex', label_ids: [L.vip] }),
];

const sandboxes: SandboxHandle[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});

async function setup(refuseUpdateOf: string) {
  const sandbox = await startSandbox({
    state: { contacts: structuredClone(CONTACTS), created: 100 },
    faults: {
      errcodes: [{ errcode: 60121, rate: 1, endpoints: ['update'], userIds: [refuseUpdateOf] }],
    },
  });
  sandboxes.push(sandbox);
  const client = createDingTalkClient({
    baseUrl: sandbox.baseUrl,
    appKey: sandbox.appKey,
    appSecret: sandbox.appSecret,
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'dtload-merge-'));
  const labelGroups: LabelGroup[] = await readLabelGroups(client);
  const groups = findDuplicates(CONTACTS);
  expect(groups.map((g) => [g.keep, [...g.userIds].sort()])).toEqual([
    ['1', ['1', '2']],
    ['3', ['3', '4']],
  ]);
  const plan = await planMerge({ groups, client, labelGroups });
  return { sandbox, client, dataDir, plan };
}

describe('duplicate merge safety', () => {
  it('skips the deletes of a group whose kept contact was not updated; other groups merge', async () => {
    const { sandbox, client, dataDir, plan } = await setup('1');
    const update1 = plan.ops.find((op) => op.kind === 'update' && op.userId === '1')!;
    const delete2 = plan.ops.find((op) => op.kind === 'delete' && op.userId === '2')!;
    expect(delete2.after).toBe(update1.seq);

    // Concurrency 1 too: the delete waits for its update in order, no deadlock.
    for (const concurrency of [8, 1]) {
      const job = startJob({ plan: plan.ops, meta: testMeta('merge'), client, dataDir, concurrency });
      const out = await job.done;
      const bySeq = new Map(out.results.map((r) => [r.seq, r]));
      expect(bySeq.get(update1.seq)).toMatchObject({ status: 'failed', errcode: 60121 });
      expect(bySeq.get(delete2.seq)).toMatchObject({
        status: 'skipped',
        errcode: DEPENDENCY_ERRCODE,
        attempts: 0,
      });
      expect(out.state).toBe('finished-with-failures');
      // DingTalk never saw a delete of contact 2: it is still there, with its labels.
      expect(sandbox.writeLog.some((w) => w.endpoint === 'delete' && w.userId === '2')).toBe(false);
      expect(sandbox.getContactById('2')?.label_ids).toEqual([L.vip]);
      expect(sandbox.getContactById('1')?.label_ids).toEqual([L.customer, L.core]);
      // The other group merged: 3 took 4's label, 4 is gone.
      expect([...sandbox.getContactById('3')!.label_ids].sort()).toEqual([L.lost, L.core, L.vip].sort());
      expect(sandbox.getContactById('4')).toBeUndefined();
    }
  });

  it('a resume keeps the delete unsent while the update it depends on has failed', async () => {
    const { sandbox, client, dataDir, plan } = await setup('1');
    const first = await startJob({ plan: plan.ops, meta: testMeta('merge'), client, dataDir }).done;
    const resumed = await (await resumeJob({ jobId: first.jobId, client, dataDir })).done;
    const delete2 = plan.ops.find((op) => op.kind === 'delete' && op.userId === '2')!;
    expect(resumed.results.find((r) => r.seq === delete2.seq)).toMatchObject({
      status: 'skipped',
      errcode: DEPENDENCY_ERRCODE,
    });
    expect(sandbox.getContactById('2')).toBeDefined();
  });
});
