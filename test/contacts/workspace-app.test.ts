// The Contacts workspace through the contract, as the renderer calls it in web mode (WebSocket to the
// backend, the sandbox over loopback HTTP): index load with progress, query pages (sorted, bad queries
// pointed at), the label overview, a bulk edit as a dry-run plan applied by the engine, the index and
// the contact's history following the job, export of a selection, duplicates and their merge plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobFinished } from '../../shared/contract';
import { download, startHarness, type Harness } from '../web/helpers';

describe('contacts workspace over the contract (web mode, sandbox)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.api.connectSandbox();
  });
  afterAll(async () => h.close());

  it('loads the index with progress, then pages, sorts and filters it', async () => {
    expect((await h.api.getContactIndex()).loaded).toBe(false);
    const info = await h.api.refreshContactIndex();
    expect(info).toMatchObject({ loaded: true, size: 40 });
    await h.waitFor('contacts:progress', (p) => p.phase === 'done');

    const all = await h.api.queryContacts({
      query: '',
      offset: 0,
      limit: 500,
      sort: { key: 'name', descending: false },
    });
    expect(all.total).toBe(40);
    const names = all.items.map((c) => c.name);
    const collator = new Intl.Collator(['zh-CN', 'en'], { sensitivity: 'base', numeric: true });
    expect(names).toEqual([...names].sort(collator.compare));
    const page2 = await h.api.queryContacts({
      query: '',
      offset: 10,
      limit: 5,
      sort: { key: 'name', descending: false },
    });
    expect(page2.items.map((c) => c.name)).toEqual(names.slice(10, 15));

    const bad = await h.api.queryContacts({ query: 'acme label:Lsot', offset: 0, limit: 10 });
    expect(bad.error).toMatchObject({ term: 'label:Lsot', start: 5, end: 15 });
    expect(bad.error!.message).toMatch(/"Lost"/);
  });

  it('the label overview counts contacts per label and group, and those missing a group', async () => {
    const o = await h.api.getLabelOverview();
    expect(o.total).toBe(40);
    const level = o.groups.find((g) => g.name === 'Level')!;
    const noLevel = await h.api.queryContacts({ query: '-group:Level', offset: 0, limit: 1 });
    expect(level.missing).toBe(noLevel.total);
    expect(level.withAny + level.missing).toBe(40);
    const core = level.labels.find((l) => l.name === 'Core')!;
    expect(core.count).toBe((await h.api.queryContacts({ query: 'label:Core', offset: 0, limit: 1 })).total);
  });

  it('a bulk edit is a dry-run plan; applied, the index and the history follow the job', async () => {
    const target = await h.api.queryContacts({ query: '-label:Core', offset: 0, limit: 500 });
    expect(target.total).toBeGreaterThan(0);
    const plan = await h.api.planContactEdit({
      selection: { query: '-label:Core' },
      action: { addLabels: ['Core'] },
    });
    expect(plan.source).toBe('-label:Core');
    expect(plan.counts.update).toBe(target.total);
    const rows = await h.api.getPlanRows({ planId: plan.planId, filter: 'changed', offset: 0, limit: 5 });
    expect(rows.items[0]!.changes[0]!.field).toBe('labels');

    await expect(
      h.api.planContactEdit({ selection: { query: '' }, action: { addLabels: ['Imprtant'] } }),
    ).rejects.toMatchObject({
      info: { kind: 'input', meaning: expect.stringMatching(/"Imprtant".*"Important"/) },
    });

    const { jobId } = await h.api.applyPlan({ planId: plan.planId });
    const fin: JobFinished = await h.waitFor('job:finished', (f) => f.jobId === jobId);
    expect(fin.summary.failed).toBe(0);
    // No refresh: the job's writes are in the index.
    expect((await h.api.queryContacts({ query: '-label:Core', offset: 0, limit: 1 })).total).toBe(0);
    const detail = await h.api.getContactDetail({ userid: target.items[0]!.userid });
    expect(detail.history[0]).toMatchObject({ jobId, kind: 'update' });
  });

  it('exports a selection, and a bulk delete is a delete plan applied with a backup', async () => {
    const some = await h.api.queryContacts({ query: '', offset: 0, limit: 3 });
    const ids = some.items.map((c) => c.userid);
    const file = await h.api.exportSelection({ selection: { userIds: ids }, format: 'csv' });
    const text = await (await download(h, file.fileId)).text();
    for (const id of ids) expect(text).toContain(id);
    expect(text.trim().split('\n')).toHaveLength(4);

    const plan = await h.api.planContactEdit({
      selection: { userIds: ids.slice(0, 2) },
      action: { delete: true },
    });
    expect(plan.kind).toBe('delete');
    expect(plan.counts.delete).toBe(2);
    const { jobId, backup } = await h.api.applyDelete({ planId: plan.planId, confirmCount: 2 });
    expect(backup.name).toMatch(/delete-backup/);
    await h.waitFor('job:finished', (f) => f.jobId === jobId);
    expect((await h.api.getContactIndex()).size).toBe(38);
  });

  it('finds duplicates and plans their merge', async () => {
    const d = await h.api.findDuplicates();
    expect(d.total).toBe(38);
    for (const g of d.groups) expect(g.contacts.length).toBeGreaterThan(1);
    if (d.groups.length > 0) {
      const plan = await h.api.planMergeDuplicates({ groupIds: [d.groups[0]!.id] });
      expect(plan.counts.delete).toBe(d.groups[0]!.contacts.length - 1);
    }
  });
});
