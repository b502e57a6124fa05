// A plan applied longer after it was made than the freshness window (injected short here) re-reads its
// contacts before writing: other admins' edits stay, a field changed to a third value is a conflict, a
// deleted contact fails with why; a plan applied at once costs no extra reads. Imports and bulk edits alike.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Contact } from '../../shared/domain';
import { fieldLabel, translator } from '../../shared/i18n';
import { createDingTalkClient, type DingTalkClient } from '../../electron/core/dingtalk';
import { planImport, readLabelGroups } from '../../electron/core/import';
import { bodyOf } from '../../electron/core/import/remerge';
import { planEdit, resolveEdit } from '../../electron/core/contacts/edit-plan';
import { jobReportArgs, jobView, startPlannedJob } from '../../electron/core/jobs';
import { buildJsonReport } from '../../electron/core/reports';
import { openSheet } from '../../electron/core/sheets';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox';
import { createBackend } from '../../electron/core/app';
import { memorySecretStore } from '../../electron/core/app/secret-store';

let sandbox: SandboxHandle;
let client: DingTalkClient;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, contacts: 60 });
  client = createDingTalkClient({
    baseUrl: sandbox.baseUrl,
    appKey: sandbox.appKey,
    appSecret: sandbox.appSecret,
  });
});
afterAll(() => sandbox.close());

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Another admin's edit, through the API as any other client would make it. */
async function otherAdmin(userId: string, change: Partial<Contact>): Promise<void> {
  const c = await client.getContact(userId);
  await client.updateContact({ ...bodyOf(c), ...change });
}

async function sheetFor(contacts: Contact[], title: (i: number) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dtload-stale-'));
  const path = join(dir, 'sheet.csv');
  await writeFile(path, ['user_id,title', ...contacts.map((c, i) => `${c.userid},${title(i)}`)].join('\n'));
  return path;
}

const writesTo = (from: number, ids: string[]): number =>
  sandbox.writeLog.slice(from).filter((w) => ids.includes(w.userId ?? '')).length;

it('re-reads an import planned longer ago than the window and re-merges it', async () => {
  const targets = sandbox.contacts().slice(0, 10);
  const [, kept, clash, gone, same] = targets.map((c) => c.userid) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const path = await sheetFor(targets, (i) => `Sheet title ${i}`);
  const plan = await planImport({ source: await openSheet(path), client, options: { language: 'en' } });
  expect(plan.summary.update).toBe(10);
  expect(plan.plannedAt).toBeDefined();

  await otherAdmin(kept, { remark: 'set by another admin' });
  await otherAdmin(clash, { title: 'Title by another admin' });
  await client.deleteContact(gone);
  await otherAdmin(same, { title: 'Sheet title 4' });
  await wait(80);

  const dataDir = await mkdtemp(join(tmpdir(), 'dtload-stale-job-'));
  const calls = sandbox.callCounts();
  const logFrom = sandbox.writeLog.length;
  const out = await startPlannedJob({
    plan,
    kind: 'import',
    source: 'sheet.csv',
    client,
    dataDir,
    maxQps: 1000,
    freshWindowMs: 50,
  }).done;
  const after = sandbox.callCounts();
  const rereadCalls = after.list - calls.list + (after.get - calls.get);
  console.log(
    `stale import: rows ${plan.summary.rows}, written ${writesTo(
      logFrom,
      targets.map((c) => c.userid),
    )}, ` +
      `conflicts ${out.reread.conflicts}, gone ${out.reread.gone}, re-read ${out.reread.rows} rows in ${rereadCalls} calls`,
  );
  expect(out.reread).toMatchObject({ rows: 10, conflicts: 1, gone: 1 });
  expect(out.reread.list + out.reread.get).toBe(rereadCalls);
  expect(out.state).toBe('finished-with-failures');

  expect(sandbox.getContactById(kept)).toMatchObject({
    remark: 'set by another admin',
    title: 'Sheet title 1',
  });
  expect(sandbox.getContactById(clash)?.title).toBe('Title by another admin');
  expect(writesTo(logFrom, [clash, gone, same])).toBe(0);
  expect(
    writesTo(
      logFrom,
      targets.map((c) => c.userid),
    ),
  ).toBe(7);

  const view = await jobView(dataDir, out.jobId);
  expect(view).toMatchObject({ rows: 10, update: 10, ok: 8, failed: 1, conflicts: 1, notSent: 0 });
  const args = await jobReportArgs(dataDir, out.jobId);
  for (const lang of ['en', 'zh-CN'] as const) {
    const rows = buildJsonReport({ ...args, lang }).rows;
    const conflict = rows.find((r) => r.userId === clash)!;
    expect(conflict).toMatchObject({ status: 'conflict', errcode: 'conflict' });
    expect(conflict.errmsg).toContain(fieldLabel(translator(lang), 'title'));
    expect(conflict.hint).toBeTruthy();
    const deleted = rows.find((r) => r.userId === gone)!;
    expect(deleted).toMatchObject({ status: 'failed', errcode: 'gone' });
    expect(deleted.errmsg).toMatch(lang === 'en' ? /deleted/ : /删除/);
  }
  // The app's job report lists the conflict with why.
  const app = createBackend({ dataDir, secrets: memorySecretStore(), emit: () => {}, host: 'web' });
  try {
    await app.ready;
    const page = await app.getReportRows({ jobId: out.jobId, filter: 'conflict', offset: 0, limit: 10 });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ userId: clash, errcode: 'conflict', retryable: false });
    expect(page.items[0]!.errmsg).toContain('Job title');
  } finally {
    await app.close();
  }
});

it('applies a fresh plan without re-reading', async () => {
  const targets = sandbox.contacts().slice(20, 25);
  const path = await sheetFor(targets, (i) => `Fresh ${i}`);
  const plan = await planImport({ source: await openSheet(path), client, options: { language: 'en' } });
  const dataDir = await mkdtemp(join(tmpdir(), 'dtload-fresh-job-'));
  const out = await startPlannedJob({ plan, kind: 'import', source: 'f.csv', client, dataDir, maxQps: 1000 })
    .done;
  expect(out.state).toBe('finished');
  expect(out.reread).toMatchObject({ rows: 0, get: 0, list: 0 });
});

it('re-reads a bulk edit planned longer ago than the window', async () => {
  const [a, b, c] = sandbox
    .contacts()
    .slice(30, 33)
    .map((x) => x.userid) as [string, string, string];
  const groups = await readLabelGroups(client);
  const action = resolveEdit({ set: { company_name: 'Edited Co' } }, groups, undefined);
  const plan = await planEdit({ userIds: [a, b, c], action, client, groups });
  expect(plan.ops).toHaveLength(3);
  await otherAdmin(a, { remark: 'kept remark' });
  await otherAdmin(b, { company_name: 'Renamed meanwhile' });
  await wait(80);
  const dataDir = await mkdtemp(join(tmpdir(), 'dtload-stale-edit-'));
  const logFrom = sandbox.writeLog.length;
  const out = await startPlannedJob({
    plan,
    kind: 'import',
    source: 'edit',
    client,
    dataDir,
    maxQps: 1000,
    freshWindowMs: 50,
  }).done;
  expect(out.reread).toMatchObject({ rows: 3, conflicts: 1 });
  expect(sandbox.getContactById(a)).toMatchObject({ remark: 'kept remark', company_name: 'Edited Co' });
  expect(sandbox.getContactById(b)?.company_name).toBe('Renamed meanwhile');
  expect(sandbox.getContactById(c)?.company_name).toBe('Edited Co');
  expect(writesTo(logFrom, [b])).toBe(0);
});

it('reads batch after batch ahead of the writes, deciding every row once', async () => {
  const targets = sandbox.contacts().slice(34, 58);
  const path = await sheetFor(targets, (i) => `Batched ${i}`);
  const plan = await planImport({ source: await openSheet(path), client, options: { language: 'en' } });
  expect(plan.summary.update).toBe(24);
  const kept = targets[15]!.userid;
  const clash = targets[22]!.userid;
  await otherAdmin(kept, { remark: 'batched remark' });
  await otherAdmin(clash, { title: 'Batched clash' });
  await wait(60);
  const dataDir = await mkdtemp(join(tmpdir(), 'dtload-batched-'));
  const calls = sandbox.callCounts();
  const logFrom = sandbox.writeLog.length;
  // A 20 ms window at 1000 calls/s: batches of 10 rows, the next read while the last is written.
  const out = await startPlannedJob({
    plan,
    kind: 'import',
    source: 'b.csv',
    client,
    dataDir,
    maxQps: 1000,
    freshWindowMs: 20,
  }).done;
  const after = sandbox.callCounts();
  expect(out.reread).toMatchObject({ rows: 24, conflicts: 1, gone: 0 });
  expect(out.reread.list).toBeGreaterThanOrEqual(3);
  expect(out.reread.list + out.reread.get).toBe(after.list - calls.list + (after.get - calls.get));
  expect(sandbox.getContactById(kept)).toMatchObject({ remark: 'batched remark', title: 'Batched 15' });
  expect(sandbox.getContactById(clash)?.title).toBe('Batched clash');
  expect(
    writesTo(
      logFrom,
      targets.map((c) => c.userid),
    ),
  ).toBe(23);
});
