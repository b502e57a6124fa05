// The contract end to end over web mode: the renderer's own web adapter (WebSocket + HTTP uploads and
// downloads) against the backend and the sandbox organisation over real HTTP on 127.0.0.1.
import Papa from 'papaparse';
import { startSandbox } from '../../electron/core/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userIdFor } from '../../electron/core/sandbox';
import { download, startHarness, type Harness } from './helpers';

let h: Harness;

beforeAll(async () => {
  // DingTalk refuses the update of the fourth contact (as for an owner who left after the dry run).
  h = await startHarness({
    sandbox: true,
    faults: { errcodes: [{ errcode: 60121, rate: 1, endpoints: ['update'], userIds: [userIdFor(3)] }] },
  });
});
afterAll(async () => {
  await h?.close();
});

/** Export → edit some cells → upload: the admin's round trip. */
async function editedExport(edit: (rows: Record<string, string>[]) => void): Promise<string> {
  const ref = await h.api.exportContacts({ format: 'csv' });
  const text = (await (await download(h, ref.fileId)).text()).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  edit(parsed.data);
  const csv = Papa.unparse(parsed.data, { columns: parsed.meta.fields });
  const up = await h.api.uploadFile({ name: 'edited contacts.csv', data: new TextEncoder().encode(csv) });
  return up.fileId;
}

describe('contract over WebSocket (web mode, sandbox)', () => {
  it('reports web capabilities: no native dialogs, secrets in memory only', async () => {
    const caps = await h.api.getCapabilities();
    expect(caps).toMatchObject({
      host: 'web',
      nativeDialogs: false,
      secretsPersist: false,
      sandboxAvailable: true,
    });
    expect(caps.secretsNote).toMatch(/memory/);
    expect(caps.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(caps.version).not.toBe('0.0.0');
  });

  it('is connected to the sandbox and summarises the organisation', async () => {
    const conn = await h.api.getConnection();
    expect(conn).toMatchObject({ connected: true, sandbox: true, region: 'sandbox' });
    expect(conn!.appKeyPrefix).toMatch(/…$/);
    const org = await h.api.getOrgSummary({ refresh: true });
    expect(org.contactCount).toBe(40);
    expect(org.labelGroups.length).toBeGreaterThan(0);
    for (const g of org.labelGroups) expect(g.colorHex).toMatch(/^#[0-9A-F]{6}$/);
  });

  it('rejects a bad payload with a clear bad-request error', async () => {
    const bad = h.api.getPlanRows({ planId: 'x', filter: 'everything' as never, offset: 0, limit: 10 });
    await expect(bad).rejects.toMatchObject({ name: 'ApiError' });
    await expect(bad).rejects.toMatchObject({ info: { kind: 'bad-request' } });
    await expect(bad).rejects.toThrow(/filter must be one of/);
    await expect(h.api.openSheet({ fileId: 'nope' })).rejects.toMatchObject({ info: { kind: 'not-found' } });
  });

  it('exports with progress events and downloads the file', async () => {
    const ref = await h.api.exportContacts({ format: 'xlsx' });
    expect(ref.name).toMatch(/\.xlsx$/);
    const res = await download(h, ref.fileId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBe(ref.size);
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
    const done = await h.waitFor('export:progress', (p) => p.phase === 'done');
    expect(done.done).toBe(40);
  });

  it('plans an edited sheet, pages the diff, applies it with progress, and reports failed rows', async () => {
    const fileId = await editedExport((rows) => {
      rows[0]!['Job title'] = 'Chief Tester';
      rows[1]!['Job title'] = 'Deputy Tester';
      rows[2]!.Remark = 'checked by the web-mode test';
      // A staff member the plan accepts; DingTalk (the sandbox's fault) refuses the row with 60121.
      rows[3]!.Remark = 'refused-by-dingtalk';
    });

    const preview = await h.api.openSheet({ fileId });
    expect(preview.headerRow).toBe(1);
    expect(preview.headers).toContain('Contact ID');
    expect(preview.rows[0]!.cells).toEqual(preview.headers);

    const mapping = await h.api.autoMap({ fileId });
    expect(mapping.mapping['Contact ID']).toBe('user_id');
    expect(mapping.targets.some((t) => t.kind === 'label-group')).toBe(true);

    const plan = await h.api.planImport({
      fileId,
      mapping: mapping.mapping,
      options: { match: 'user_id', labels: 'replace', blank: 'keep', create: false },
    });
    expect(plan.counts).toMatchObject({ rows: 40, update: 4, unchanged: 36, invalid: 0 });
    expect(h.events.some((e) => e.event === 'plan:progress')).toBe(true);

    const changed = await h.api.getPlanRows({ planId: plan.planId, filter: 'changed', offset: 0, limit: 2 });
    expect(changed.total).toBe(4);
    expect(changed.items).toHaveLength(2);
    expect(changed.items[0]!.changes).toContainEqual(
      expect.objectContaining({ field: 'title', after: 'Chief Tester' }),
    );
    const unchanged = await h.api.getPlanRows({
      planId: plan.planId,
      filter: 'unchanged',
      offset: 30,
      limit: 100,
    });
    expect(unchanged).toMatchObject({ total: 36, offset: 30 });
    expect(unchanged.items).toHaveLength(6);

    const { jobId } = await h.api.applyPlan({ planId: plan.planId });
    // Listed at once, even before its journal is on disk.
    expect(await h.api.getJob({ jobId })).toMatchObject({ jobId, kind: 'import', total: 4 });
    const finished = await h.waitFor('job:finished', (f) => f.jobId === jobId);
    expect(finished.state).toBe('finished-with-failures');
    expect(finished.summary).toMatchObject({ total: 4, ok: 3, failed: 1, unchanged: 36, rows: 40 });
    const last = h.events
      .filter((e) => e.event === 'job:progress')
      .map((e) => e.payload as { jobId: string; done: number });
    expect(last.filter((p) => p.jobId === jobId).at(-1)!.done).toBe(4);

    // Applied once: the same plan cannot be sent twice.
    await expect(h.api.applyPlan({ planId: plan.planId })).rejects.toMatchObject({
      info: { kind: 'not-found' },
    });

    const failed = await h.api.getReportRows({ jobId, filter: 'failed', offset: 0, limit: 50 });
    expect(failed.total).toBe(1);
    expect(failed.items[0]).toMatchObject({ row: 5, status: 'failed', errcode: 60121 });
    expect(failed.items[0]!.meaning).toBe('The corresponding user is not found');
    expect(failed.items[0]!.solution).toMatch(/user information/);

    const failedFile = await h.api.exportFailedRows({ jobId, format: 'csv' });
    const failedCsv = await (await download(h, failedFile.fileId)).text();
    expect(failedCsv).toContain('refused-by-dingtalk');
    expect(failedCsv.trim().split('\n')).toHaveLength(2);

    const report = await h.api.exportReport({ jobId, format: 'json' });
    const json = (await (await download(h, report.fileId)).json()) as {
      summary: { ok: number; failed: number };
    };
    expect(json.summary).toMatchObject({ failed: 1 });

    const jobs = await h.api.listJobs();
    expect(jobs.find((j) => j.jobId === jobId)).toMatchObject({
      kind: 'import',
      state: 'finished-with-failures',
      ok: 3,
      failed: 1,
      unchanged: 36,
    });

    // The row failed for good (40003: the owner is not staff): retrying would fail again, so it is
    // refused and the row is marked as one to fix.
    expect(failed.items[0]!.retryable).toBe(false);
    await expect(h.api.retryFailedRows({ jobId })).rejects.toMatchObject({ info: { kind: 'conflict' } });

    // The sandbox now holds the edits: the same sheet plans as unchanged, except the refused row.
    const replan = await h.api.planImport({
      fileId,
      mapping: mapping.mapping,
      options: { match: 'user_id', labels: 'replace', blank: 'keep', create: false },
    });
    expect(replan.counts).toMatchObject({ update: 1, unchanged: 39 });
  });

  it('shows the warning of a row whose only edit is a read-only field, and lists such rows apart', async () => {
    const fileId = await editedExport((rows) => {
      rows[5]!.Mobile = '13900000000';
    });
    const mapping = await h.api.autoMap({ fileId });
    const plan = await h.api.planImport({
      fileId,
      mapping: mapping.mapping,
      options: { match: 'user_id', labels: 'replace', blank: 'keep', create: false },
    });
    expect(plan.counts).toMatchObject({ rows: 40, update: 0, unchanged: 40 });
    expect(plan.warnings).toBe(1);
    const warned = await h.api.getPlanRows({ planId: plan.planId, filter: 'warnings', offset: 0, limit: 10 });
    expect(warned.total).toBe(1);
    expect(warned.items[0]).toMatchObject({ row: 7, action: 'unchanged' });
    expect(warned.items[0]!.warnings[0]).toMatch(/13900000000.*cannot be changed through update/);
  });

  it('deletes only after the count is confirmed, with a backup first', async () => {
    const fileId = await editedExport((rows) => rows.splice(2));
    const plan = await h.api.planDelete({ fileId });
    expect(plan.counts).toMatchObject({ rows: 2, delete: 2 });
    await expect(h.api.applyDelete({ planId: plan.planId, confirmCount: 3 })).rejects.toMatchObject({
      info: { kind: 'conflict' },
    });
    const res = await h.api.applyDelete({ planId: plan.planId, confirmCount: 2 });
    const backup = await (await download(h, res.backup.fileId)).arrayBuffer();
    expect(backup.byteLength).toBeGreaterThan(0);
    const finished = await h.waitFor('job:finished', (f) => f.jobId === res.jobId);
    expect(finished.summary).toMatchObject({ ok: 2, failed: 0 });
    expect((await h.api.getOrgSummary({ refresh: true })).contactCount).toBe(38);
  });

  it('keeps settings and validates their range', async () => {
    expect(await h.api.updateSettings({ language: 'zh-CN', maxQps: 15 })).toEqual({
      language: 'zh-CN',
      maxQps: 15,
      autoUpdate: false,
    });
    expect(await h.api.getSettings()).toEqual({ language: 'zh-CN', maxQps: 15, autoUpdate: false });
    // 'zh', the older name a client or settings file may still send, is read as zh-CN.
    await h.api.updateSettings({ language: 'en' });
    expect(await h.api.updateSettings({ language: 'zh' as 'zh-CN' })).toMatchObject({ language: 'zh-CN' });
    await expect(h.api.updateSettings({ maxQps: 400 })).rejects.toMatchObject({
      info: { kind: 'bad-request' },
    });
    // DingTalk errors are explained in the UI language.
    const conn = await h.api.getConnection();
    const zh = await h.api.testConnection({
      region: 'custom',
      baseUrl: conn!.baseUrl,
      appKey: 'k',
      appSecret: 'bad-secret',
    });
    expect(zh.error!.meaning).toMatch(/[\u4e00-\u9fff]/);
    await h.api.updateSettings({ language: 'en' });
  });

  it('explains refused credentials without echoing the secret', async () => {
    const secret = 'wrong-secret-0123456789abcdef';
    const conn = await h.api.getConnection();
    const res = await h.api.testConnection({
      region: 'custom',
      baseUrl: conn!.baseUrl,
      appKey: 'nobody',
      appSecret: secret,
    });
    expect(res.ok).toBe(false);
    expect(res.error).toMatchObject({ kind: 'dingtalk' });
    expect(res.error!.meaning.length).toBeGreaterThan(0);
    await expect(
      h.api.connect({
        region: 'custom',
        baseUrl: conn!.baseUrl,
        appKey: 'nobody',
        appSecret: secret,
        remember: false,
      }),
    ).rejects.toMatchObject({ info: { kind: 'dingtalk' } });
    expect(JSON.stringify(h.events)).not.toContain(secret);
    // Still connected to the sandbox: a failed connect does not drop the working connection.
    expect((await h.api.getConnection())?.sandbox).toBe(true);
  });

  it('never applies a dry run to another organisation than the one it was read from', async () => {
    const fileId = await editedExport((rows) => (rows[0]!['Job title'] = 'Elsewhere'));
    const mapping = await h.api.autoMap({ fileId });
    const plan = await h.api.planImport({
      fileId,
      mapping: mapping.mapping,
      options: { match: 'user_id', labels: 'replace', blank: 'keep', create: false },
    });
    const other = await startSandbox({ port: 0, contacts: 5, seed: 2 });
    try {
      await h.api.connect({
        region: 'custom',
        baseUrl: other.baseUrl,
        appKey: other.appKey,
        appSecret: other.appSecret,
        remember: false,
      });
      await expect(h.api.applyPlan({ planId: plan.planId })).rejects.toMatchObject({
        info: { kind: 'conflict' },
      });
      expect(other.writeLog).toHaveLength(0);
    } finally {
      await h.api.connectSandbox();
      await other.close();
    }
    // Back on the organisation it was read from, the same plan applies.
    const { jobId } = await h.api.applyPlan({ planId: plan.planId });
    expect((await h.waitFor('job:finished', (f) => f.jobId === jobId)).summary.ok).toBe(1);
  });
});
