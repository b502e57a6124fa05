// Export → import round trip, labels-only apply, a row DingTalk rejects, and the failed-rows file,
// all against the sandbox over loopback HTTP.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/domain';
import { startJob } from '../../electron/core/engine';
import { exportContacts } from '../../electron/core/export';
import { planImport } from '../../electron/core/import';
import { buildJsonReport, writeFailedRows, writeReport } from '../../electron/core/reports';
import { openSheet } from '../../electron/core/sheets';
import { startOrg, writes, type Org } from './org';

let org: Org;
let dir: string;
beforeAll(async () => {
  org = await startOrg(250);
  dir = await mkdtemp(join(tmpdir(), 'dtload-import-rt-'));
});
afterAll(() => org.sandbox.close());

const meta = {
  kind: 'import' as const,
  source: 'test',
  mode: 'apply',
  options: {},
  createdAt: new Date().toISOString(),
};
const apply = async (ops: Parameters<typeof startJob>[0]['plan']) =>
  startJob({ client: org.client, dataDir: dir, plan: ops, meta, maxQps: 200 }).done;

describe('round trip', () => {
  it.each(['xlsx', 'csv'])(
    'imports its own %s export as a dry run with 0 changes and no write',
    async (ext) => {
      const path = join(dir, `export.${ext}`);
      await exportContacts({ client: org.client, path });
      const before = { ...org.sandbox.callCounts() };
      const plan = await planImport({ source: await openSheet(path), client: org.client });
      expect(plan.mapping.unrecognised).toEqual([]);
      expect(plan.summary).toEqual({
        rows: 250,
        create: 0,
        update: 0,
        delete: 0,
        unchanged: 250,
        invalid: 0,
      });
      expect(plan.ops).toEqual([]);
      expect(writes(org)).toBe(0);
      // 250 rows of 250 contacts: three list pages beat 250 gets.
      const after = org.sandbox.callCounts();
      expect(after.list - before.list).toBe(3);
      expect(after.get - before.get).toBe(0);
      expect(plan.reads).toMatchObject({ strategy: 'list', listContacts: 3, get: 0 });
    },
  );

  it('reads a small sheet with get, not the whole list', async () => {
    const c = org.sandbox.contacts()[7]!;
    const path = join(dir, 'one.csv');
    await writeFile(path, `user_id,remark\n${c.userid},hello\n`);
    const before = { ...org.sandbox.callCounts() };
    const plan = await planImport({ source: await openSheet(path), client: org.client });
    expect(plan.rows[0]!.changes).toEqual([{ field: 'remark', before: c.remark ?? '', after: 'hello' }]);
    const after = org.sandbox.callCounts();
    expect([after.get - before.get, after.list - before.list]).toEqual([1, 0]);
    expect(writes(org)).toBe(0);
  });

  it('a labels-only sheet with --labels add changes labels and nothing else', async () => {
    const before = org.sandbox.contacts();
    const referral = org.sandbox
      .labelGroups()
      .flatMap((g) => g.labels)
      .find((l) => l.name === 'Referral')!;
    const targets = before.slice(20, 30);
    const path = join(dir, 'labels-add.csv');
    await writeFile(path, ['user_id,Tags', ...targets.map((c) => `${c.userid},Referral`)].join('\n') + '\n');
    const plan = await planImport({
      source: await openSheet(path),
      client: org.client,
      options: { labels: 'add' },
    });
    const already = targets.filter((c) => c.label_ids.includes(referral.id)).length;
    expect(plan.summary).toMatchObject({ update: 10 - already, unchanged: already, invalid: 0 });
    for (const r of plan.rows.filter((x) => x.action === 'update'))
      expect(r.changes.map((c) => c.field)).toEqual(['labels']);
    expect(writes(org)).toBe(0);

    const outcome = await apply(plan.ops);
    expect(outcome.summary).toMatchObject({ ok: 10 - already, failed: 0 });
    const after = new Map(org.sandbox.contacts().map((c) => [c.userid, c]));
    for (const c of before) {
      const now = after.get(c.userid)!;
      if (!targets.includes(c)) {
        expect(now).toEqual(c);
        continue;
      }
      const { label_ids: ids, ...rest } = now;
      const { label_ids: oldIds, ...oldRest } = c;
      expect(rest).toEqual(oldRest);
      expect([...ids].sort()).toEqual([...new Set([...oldIds, referral.id])].sort());
    }
  });

  it('a row DingTalk rejects ends failed with its errcode; the failed-rows file imports again', async () => {
    const contacts = org.sandbox.contacts();
    const [a, b] = [contacts[40]!, contacts[41]!];
    const newOwner = a.follower_user_id === 'lina02' ? 'chenjing05' : 'lina02';
    const path = join(dir, 'owners.csv');
    await writeFile(
      path,
      `user_id,Owner,Level\n${a.userid},${newOwner},\n${b.userid},${newOwner},\n,,Core\n`,
    );
    const plan = await planImport({ source: await openSheet(path), client: org.client });
    expect(plan.rows.map((r) => r.action)).toEqual(['update', 'update', 'invalid']);
    // DingTalk refuses b's update (as for an owner who left between the dry run and the write).
    org.sandbox.setFaults({
      errcodes: [{ errcode: 60121, rate: 1, endpoints: ['update'], userIds: [b.userid] }],
    });
    const outcome = await apply(plan.ops).finally(() => org.sandbox.setFaults({}));
    const report = buildJsonReport({ plan, mode: 'apply', jobId: outcome.jobId, results: outcome.results });
    expect(report.summary).toMatchObject({ rows: 3, update: 2, invalid: 1, ok: 1, failed: 1 });
    expect(report.rows[1]).toMatchObject({
      row: 3,
      userId: b.userid,
      action: 'update',
      status: 'failed',
      errcode: 60121,
    });
    expect(report.rows[1]!.hint).toContain('user information');
    expect(report.rows[2]).toMatchObject({ row: 4, action: 'invalid', status: 'skipped' });
    expect(org.sandbox.getContactById(a.userid)!.follower_user_id).toBe(newOwner);
    expect(org.sandbox.getContactById(b.userid)).toEqual(b);

    // The JSON report file has the contract's shape.
    const jsonPath = join(dir, 'owners.report.json');
    await writeReport(jsonPath, { plan, mode: 'apply', jobId: outcome.jobId, results: outcome.results });
    const json = JSON.parse(await readFile(jsonPath, 'utf8'));
    expect(Object.keys(json)).toEqual(['jobId', 'mode', 'summary', 'source', 'rows']);
    expect(Object.keys(json.rows[0]).sort()).toEqual(
      ['row', 'userId', 'action', 'status', 'errcode', 'errmsg', 'hint', 'attempts', 'changes'].sort(),
    );

    // The xlsx report imports again as it is: its trailing columns are ignored.
    const xlsxReport = join(dir, 'owners.report.xlsx');
    await writeReport(xlsxReport, { plan, mode: 'apply', jobId: outcome.jobId, results: outcome.results });
    const again = await planImport({ source: await openSheet(xlsxReport), client: org.client });
    expect(again.mapping.unrecognised).toEqual([]);
    expect(again.rows.map((r) => r.action)).toEqual(['unchanged', 'update', 'invalid']);

    const failedPath = join(dir, 'owners.failed.xlsx');
    expect(await writeFailedRows(failedPath, { plan, mode: 'apply', results: outcome.results })).toBe(2);
    const failed = await openSheet(failedPath);
    expect(failed.info.headers).toEqual(['user_id', 'Owner', 'Level', 'error']);
    const replan = await planImport({ source: failed, client: org.client });
    expect(replan.mapping.unrecognised).toEqual([]);
    expect(replan.rows.map((r) => [r.userId, r.action])).toEqual([
      [b.userid, 'update'],
      [undefined, 'invalid'],
    ]);
    expect(replan.rows[0]!.changes).toEqual([
      // The diff names people: the owner before and after by name, never a bare id.
      { field: 'follower_user_id', before: STAFF_NAMES[b.follower_user_id], after: STAFF_NAMES[newOwner] },
    ]);
  });
});

/** The seeded owners' labels (张伟 twice: each with their department). */
const STAFF_NAMES: Record<string, string> = {
  manager4220: '王强',
  '0423752': '赵敏',
  zhangwei01: '张伟（华北销售）',
  lina02: '李娜',
  wangfang03: '王芳',
  liuyang04: '刘洋',
  chenjing05: '陈静',
  sales_lead: 'Emma Wilson',
};

describe('--create with --match user_id', () => {
  it('creates rows without a user_id; a second row with the same mobile is invalid', async () => {
    const writesBefore = writes(org);
    const path = join(dir, 'create-by-id.csv');
    await writeFile(
      path,
      'user_id,name,mobile,Owner,Type\n,Ann,13322220001,lina02,Customer\n,Ann again,133 2222 0001,lina02,Customer\nno-such-id,Bo,13322220002,lina02,Customer\n',
    );
    const plan = await planImport({
      source: await openSheet(path),
      client: org.client,
      options: { create: true },
    });
    expect(plan.rows.map((r) => r.action)).toEqual(['create', 'invalid', 'invalid']);
    expect(plan.rows[1]!.errors).toEqual(['Mobile +86 13322220001 is also on row 2']);
    expect(plan.rows[2]!.errors).toEqual(['no contact has user_id "no-such-id"']);
    expect(writes(org)).toBe(writesBefore);
  });
});

describe('--create with --match mobile', () => {
  it('creates unmatched rows with a mobile and updates matched ones', async () => {
    const c: Contact = org.sandbox.contacts()[60]!;
    const path = join(dir, 'create.csv');
    await writeFile(
      path,
      `mobile,name,Owner,Type\n${c.mobile},${c.name},${c.follower_user_id},\n13311112222,New Person,lina02,Customer\n13311113333,,lina02,Customer\n`,
    );
    const plan = await planImport({
      source: await openSheet(path),
      client: org.client,
      options: { match: 'mobile', create: true },
    });
    expect(plan.rows.map((r) => r.action)).toEqual(['unchanged', 'create', 'invalid']);
    expect(plan.rows[2]!.errors).toEqual(['name is required']);
    const outcome = await apply(plan.ops);
    expect(outcome.summary).toMatchObject({ ok: 1, failed: 0 });
    const created = org.sandbox.contacts().find((x) => x.mobile === '13311112222')!;
    expect(created).toMatchObject({ name: 'New Person', follower_user_id: 'lina02', state_code: '86' });
  });
});

describe('checks before sending', () => {
  it('refuses a malformed +86 mobile and a mobile that already belongs to a contact, sending nothing', async () => {
    const taken: Contact = org.sandbox.contacts()[42]!;
    const writesBefore = writes(org);
    const path = join(dir, 'create-checks.csv');
    await writeFile(
      path,
      [
        'user_id,name,mobile,Owner,Type',
        ',Short,12345,lina02,Customer',
        ',Landline,02112345678,lina02,Customer',
        `,Twin,${taken.mobile},lina02,Customer`,
        ',Fine,13322229999,lina02,Customer',
        ',No owner,13322229998,,Customer',
        '',
      ].join('\n'),
    );
    const plan = await planImport({
      source: await openSheet(path),
      client: org.client,
      options: { create: true },
    });
    expect(plan.rows.map((r) => r.action)).toEqual(['invalid', 'invalid', 'invalid', 'create', 'invalid']);
    expect(plan.rows[0]!.errors[0]).toContain('not a mainland China mobile (5 digits');
    expect(plan.rows[1]!.errors[0]).toContain('not a mainland China mobile (11 digits');
    expect(plan.rows[2]!.errors).toEqual([
      `mobile +86 ${taken.mobile} already belongs to contact ${taken.name} (${taken.userid}): to update it, match by mobile (--match mobile)`,
    ]);
    expect(plan.rows[4]!.errors).toEqual(['follower_user_id (owner) is required']);
    expect(plan.ops).toHaveLength(1);
    expect(writes(org)).toBe(writesBefore);
    const zh = await planImport({
      source: await openSheet(path),
      client: org.client,
      options: { create: true, language: 'zh-CN' },
    });
    expect(zh.rows[0]!.errors[0]).toContain('不是中国大陆手机号');
    expect(zh.rows[2]!.errors[0]).toContain(`已属于联系人 ${taken.name}`);
  });
});
