// A dry run is applied once, even when two applies of it arrive together (a double click, a second
// dialog): the second finds it gone instead of starting a second job that sends every write again. A
// start that is refused (a wrong typed count) leaves the plan to be applied after all.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { userIdFor } from '../../electron/core/sandbox';
import { startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ sandbox: true });
});
afterAll(async () => {
  await h?.close();
});

const upload = async (name: string, lines: string[]) =>
  (await h.api.uploadFile({ name, data: new TextEncoder().encode(lines.join('\n') + '\n') })).fileId;

it('starts one job when an import plan is applied twice at once', async () => {
  const ids = [userIdFor(0), userIdFor(1)];
  const fileId = await upload('titles.csv', ['user_id,title', ...ids.map((id) => `${id},Applied once`)]);
  const { mapping } = await h.api.autoMap({ fileId });
  const plan = await h.api.planImport({
    fileId,
    mapping,
    options: { match: 'user_id', labels: 'replace', blank: 'keep', create: false },
  });
  expect(plan.counts.update).toBe(2);

  const both = await Promise.allSettled([
    h.api.applyPlan({ planId: plan.planId }),
    h.api.applyPlan({ planId: plan.planId }),
  ]);
  const started = both.flatMap((r) => (r.status === 'fulfilled' ? [r.value.jobId] : []));
  expect(started).toHaveLength(1);
  expect(both.find((r) => r.status === 'rejected')).toMatchObject({
    reason: { info: { kind: 'not-found' } },
  });
  const finished = await h.waitFor('job:finished', (f) => f.jobId === started[0]);
  expect(finished.summary).toMatchObject({ ok: 2, failed: 0 });
  expect((await h.api.listJobs()).map((j) => j.jobId)).toEqual(started);
});

it('keeps a delete plan whose confirmation was refused, and deletes once when confirmed twice', async () => {
  const ids = [userIdFor(30), userIdFor(31)];
  const fileId = await upload('delete.csv', ['user_id', ...ids]);
  const plan = await h.api.planDelete({ fileId });
  expect(plan.counts.delete).toBe(2);

  await expect(h.api.applyDelete({ planId: plan.planId, confirmCount: 3 })).rejects.toMatchObject({
    info: { kind: 'conflict' },
  });
  const both = await Promise.allSettled([
    h.api.applyDelete({ planId: plan.planId, confirmCount: 2 }),
    h.api.applyDelete({ planId: plan.planId, confirmCount: 2 }),
  ]);
  const started = both.flatMap((r) => (r.status === 'fulfilled' ? [r.value.jobId] : []));
  expect(started).toHaveLength(1);
  const finished = await h.waitFor('job:finished', (f) => f.jobId === started[0]);
  expect(finished.summary).toMatchObject({ ok: 2, failed: 0 });
  expect((await h.api.listJobs()).filter((j) => j.kind === 'delete').map((j) => j.jobId)).toEqual(started);
});
