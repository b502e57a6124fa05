// How planning reads current state (list, get, list then get) and what the report files hold.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJob } from '../../electron/core/engine';
import { planImport } from '../../electron/core/import';
import { writeReport } from '../../electron/core/reports';
import { openSheet } from '../../electron/core/sheets';
import { startOrg, type Org } from './org';

let org: Org;
let dir: string;
beforeAll(async () => {
  org = await startOrg(1000);
  dir = await mkdtemp(join(tmpdir(), 'dtload-import-reads-'));
});
afterAll(() => org.sandbox.close());

const calls = () => ({ ...org.sandbox.callCounts() });

describe('reading current state', () => {
  it('a few ids far down a large organisation: a few list pages, then get', async () => {
    const ids = org.sandbox
      .contacts()
      .slice(-3)
      .map((c) => c.userid);
    const path = join(dir, 'few.csv');
    await writeFile(path, ['user_id,remark', ...ids.map((id) => `${id},x`)].join('\n') + '\n');
    const before = calls();
    const plan = await planImport({ source: await openSheet(path), client: org.client });
    const after = calls();
    expect(plan.summary).toMatchObject({ update: 3, invalid: 0 });
    expect(plan.reads).toEqual({ strategy: 'list+get', listContacts: 3, get: 3 });
    expect([after.list - before.list, after.get - before.get]).toEqual([3, 3]);
  });

  it('reads ahead while the pass certainly goes on, never for a sheet that may switch to get', async () => {
    /** The order of `list` calls sent and pages merged (each merged page reports its progress). */
    const traced = async (path: string): Promise<string[]> => {
      const events: string[] = [];
      const client = org.client.withScheduler({
        run(endpoint, attempt) {
          if (endpoint === 'list') events.push('call');
          return attempt();
        },
      });
      await planImport({
        source: await openSheet(path),
        client,
        onProgress: (p) => void (p.phase === 'fetching' && events.push('merged')),
      });
      return events;
    };
    const ids = org.sandbox.contacts().map((c) => c.userid);
    const all = join(dir, 'all.csv');
    await writeFile(all, ['user_id,remark', ...ids.map((id, i) => `${id},r${i}`)].join('\n') + '\n');
    const before = calls();
    const full = await traced(all);
    // Page 2 is asked for before page 1 is merged, and so on.
    expect(full.slice(0, 4)).toEqual(['call', 'call', 'merged', 'call']);
    // Still the 10 pages of reading page by page: the pass ends once every id is found, no 11th asked for.
    expect(calls().list - before.list).toBe(10);

    // A few ids far down: the pass may switch to get after any page, so no page is read ahead.
    const few = join(dir, 'few-ahead.csv');
    await writeFile(few, ['user_id,remark', ...ids.slice(-3).map((id) => `${id},x`)].join('\n') + '\n');
    expect((await traced(few)).slice(0, 4)).toEqual(['call', 'merged', 'call', 'merged']);
  });

  it('by mobile always lists', async () => {
    const c = org.sandbox.contacts()[5]!;
    const path = join(dir, 'mobile.csv');
    await writeFile(path, `mobile,remark\n${c.mobile},y\n`);
    const before = calls();
    const plan = await planImport({
      source: await openSheet(path),
      client: org.client,
      options: { match: 'mobile' },
    });
    expect(plan.rows[0]!.userId).toBe(c.userid);
    expect(calls().list - before.list).toBe(11);
    expect(plan.reads).toEqual({ strategy: 'list', listContacts: 11, get: 0 });
  });
});

describe('--blank clear against DingTalk', () => {
  it('clears an optional field by sending it empty', async () => {
    const c = org.sandbox.contacts().find((x) => x.remark && x.title)!;
    const path = join(dir, 'clear.csv');
    await writeFile(path, `user_id,remark\n${c.userid},\n`);
    const keep = await planImport({ source: await openSheet(path), client: org.client });
    expect(keep.summary.unchanged).toBe(1);
    const plan = await planImport({
      source: await openSheet(path),
      client: org.client,
      options: { blank: 'clear' },
    });
    expect(plan.rows[0]!.changes).toEqual([{ field: 'remark', before: c.remark, after: '' }]);
    const meta = { kind: 'import' as const, source: path, mode: 'apply', options: {}, createdAt: '' };
    const done = await startJob({ client: org.client, dataDir: dir, plan: plan.ops, meta, maxQps: 100 }).done;
    expect(done.summary.ok).toBe(1);
    const now = org.sandbox.getContactById(c.userid)!;
    expect(now.remark).toBeUndefined();
    expect(now.title).toBe(c.title);
  });
});

describe('report files', () => {
  it('xlsx and csv reports hold the original cells, then action, status, errcode, errmsg and hint', async () => {
    const [a, b] = org.sandbox.contacts().slice(100, 102);
    const path = join(dir, 'report-src.csv');
    await writeFile(
      path,
      `user_id,Owner,Note\n${a!.userid},lina02,first\n${b!.userid},李娜,second\nzzz,lina02,third\n`,
    );
    const plan = await planImport({ source: await openSheet(path), client: org.client });
    const meta = { kind: 'import' as const, source: path, mode: 'apply', options: {}, createdAt: '' };
    // DingTalk refuses b's update (as for an owner who left between the dry run and the write).
    org.sandbox.setFaults({
      errcodes: [{ errcode: 60121, rate: 1, endpoints: ['update'], userIds: [b!.userid] }],
    });
    const outcome = await startJob({
      client: org.client,
      dataDir: dir,
      plan: plan.ops,
      meta,
      maxQps: 100,
    }).done.finally(() => org.sandbox.setFaults({}));
    for (const ext of ['xlsx', 'csv']) {
      const out = join(dir, `report.${ext}`);
      await writeReport(out, { plan, mode: 'apply', jobId: outcome.jobId, results: outcome.results });
      const sheet = await openSheet(out);
      expect(sheet.info.headers).toEqual([
        'user_id',
        'Owner',
        'Note',
        'action',
        'status',
        'errcode',
        'errmsg',
        'hint',
      ]);
      const rows: string[][] = [];
      for await (const r of sheet.rows()) rows.push(r.cells);
      expect(rows[0]!.slice(0, 6)).toEqual([a!.userid, 'lina02', 'first', 'update', 'ok', '']);
      expect(rows[1]!.slice(0, 6)).toEqual([b!.userid, '李娜', 'second', 'update', 'failed', '60121']);
      expect(rows[1]![7]).toContain('Check whether the user information is correct.');
      expect(rows[2]!.slice(0, 5)).toEqual(['zzz', 'lina02', 'third', 'invalid', 'skipped']);
      expect(rows[2]![6]).toBe('no contact has user_id "zzz"');
    }
  });
});
