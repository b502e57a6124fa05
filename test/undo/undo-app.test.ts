// The app's Undo through the contract, as the renderer calls it in web mode (WebSocket to the backend, the
// sandbox over loopback HTTP): the undo of a bulk edit is a dry-run plan diffed against the contacts now,
// a contact changed since the job is a conflict until forced; applied, it is a job of kind 'undo'; the
// undo of a delete re-creates the contacts, and undoing that undo deletes them behind a typed confirmation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../web/helpers';

describe('undo over the contract (web mode, sandbox)', () => {
  let h: Harness;
  const remark = async (userid: string) => (await h.api.getContactDetail({ userid })).contact.remark ?? '';
  const finished = async (jobId: string) =>
    (await h.waitFor('job:finished', (f) => f.jobId === jobId)).summary;
  const edit = async (userIds: string[], set: { remark: string }) => {
    const plan = await h.api.planContactEdit({ selection: { userIds }, action: { set } });
    const { jobId } = await h.api.applyPlan({ planId: plan.planId });
    return { jobId, summary: await finished(jobId) };
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.api.connectSandbox();
    await h.api.refreshContactIndex();
  });
  afterAll(async () => h.close());

  it('undoes a bulk edit: conflicts are shown and skipped until forced; the undo is a job', async () => {
    const some = await h.api.queryContacts({ query: '', offset: 0, limit: 2 });
    const [a, b] = some.items;
    const was = { a: await remark(a!.userid), b: await remark(b!.userid) };
    const job = await edit([a!.userid, b!.userid], { remark: 'edited by the job' });
    expect(job.summary).toMatchObject({ ok: 2, failed: 0 });
    await edit([a!.userid], { remark: 'edited later' });

    const plan = await h.api.planUndo({ jobId: job.jobId });
    expect(plan.undo).toEqual({ jobId: job.jobId, conflicts: 1, force: false });
    expect(plan.counts).toMatchObject({ rows: 2, update: 1, invalid: 1 });
    const conflict = await h.api.getPlanRows({ planId: plan.planId, filter: 'invalid', offset: 0, limit: 5 });
    expect(conflict.items[0]).toMatchObject({ userId: a!.userid });
    expect(conflict.items[0]!.errors[0]).toMatch(/changed since the job \(Remark\)/);
    expect(conflict.items[0]!.changes).toEqual([{ field: 'remark', before: 'edited later', after: was.a }]);
    const update = await h.api.getPlanRows({ planId: plan.planId, filter: 'update', offset: 0, limit: 5 });
    expect(update.items[0]).toMatchObject({ userId: b!.userid });

    const forced = await h.api.planUndo({ jobId: job.jobId, force: true });
    expect(forced.counts).toMatchObject({ update: 2, invalid: 0 });
    expect(forced.undo).toMatchObject({ conflicts: 1, force: true });
    const { jobId, backup } = await h.api.applyUndo({ planId: forced.planId, confirmCount: 0 });
    expect(backup).toBeUndefined();
    const s = await finished(jobId);
    // Named for what it undid, not by a job id.
    const undone = job.summary.source;
    expect(undone).toBeTruthy();
    expect(s).toMatchObject({ kind: 'undo', state: 'finished', ok: 2, source: `undo of ${undone}` });
    expect(await remark(a!.userid)).toBe(was.a);
    expect(await remark(b!.userid)).toBe(was.b);
    expect((await h.api.listJobs()).find((j) => j.jobId === jobId)).toMatchObject({ kind: 'undo' });
    // A plan is applied once.
    await expect(h.api.applyUndo({ planId: forced.planId, confirmCount: 0 })).rejects.toMatchObject({
      info: { kind: 'not-found' },
    });
  });

  it('undoes a delete (re-created, new userids); the undo of that undo deletes them after a typed confirmation', async () => {
    const some = await h.api.queryContacts({ query: '', offset: 5, limit: 2 });
    const ids = some.items.map((c) => c.userid);
    const del = await h.api.planContactEdit({ selection: { userIds: ids }, action: { delete: true } });
    const d = await h.api.applyDelete({ planId: del.planId, confirmCount: 2 });
    await finished(d.jobId);
    const size = (await h.api.getContactIndex()).size;

    const plan = await h.api.planUndo({ jobId: d.jobId });
    expect(plan.counts).toMatchObject({ create: 2, invalid: 0 });
    const u = await h.api.applyUndo({ planId: plan.planId, confirmCount: 0 });
    expect(await finished(u.jobId)).toMatchObject({ kind: 'undo', ok: 2 });
    expect((await h.api.getContactIndex()).size).toBe(size + 2);
    const back = await h.api.queryContacts({ query: some.items[0]!.name, offset: 0, limit: 10 });
    const again = back.items.find((c) => c.mobile === some.items[0]!.mobile)!;
    expect(again.userid).not.toBe(some.items[0]!.userid);
    expect(again.labels.sort()).toEqual([...some.items[0]!.labels].sort());

    // Undoing the undo deletes the re-created contacts: the typed count must match.
    const redo = await h.api.planUndo({ jobId: u.jobId });
    expect(redo.counts).toMatchObject({ delete: 2 });
    await expect(h.api.applyUndo({ planId: redo.planId, confirmCount: 1 })).rejects.toMatchObject({
      info: { kind: 'conflict' },
    });
    const r = await h.api.applyUndo({ planId: redo.planId, confirmCount: 2 });
    expect(r.backup?.name).toMatch(/delete-backup/);
    expect(await finished(r.jobId)).toMatchObject({ kind: 'undo', ok: 2 });
    expect((await h.api.getContactIndex()).size).toBe(size);
  });

  it('refuses what cannot be undone, explained', async () => {
    await expect(h.api.planUndo({ jobId: 'no-such-job' })).rejects.toMatchObject({
      info: { kind: 'conflict', meaning: expect.stringContaining('No job "no-such-job"') },
    });
    await expect(h.api.planUndo({ jobId: 'x', force: 'yes' as never })).rejects.toMatchObject({
      info: { kind: 'bad-request' },
    });
  });
});
