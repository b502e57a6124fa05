// Owners, shared staff and shared departments written as an admin would (names, `name（department）`,
// mobiles, paths, ids), resolved through the staff directory over loopback HTTP (issue 9, item 2 and
// "Bad input"): nothing a name is ever sent as an id, ambiguous and unknown people make the row invalid
// with the candidates named, a missing permission stops before any write.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDingTalkClient } from '../../electron/core/dingtalk';
import { DirectoryError, DirectoryService } from '../../electron/core/directory';
import { createScheduler, startJob } from '../../electron/core/engine';
import { planImport } from '../../electron/core/import';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox';
import { openSheet } from '../../electron/core/sheets';
import type { Contact } from '../../shared/domain';
import { runCli } from '../cli/run-cli';

let sb: SandboxHandle;
let dir: string;
const LEAVER = 'left_2019';

const clientOf = (s: SandboxHandle) =>
  createDingTalkClient({ baseUrl: s.baseUrl, appKey: s.appKey, appSecret: s.appSecret }).withScheduler(
    createScheduler({ maxQps: 500 }),
  );

beforeAll(async () => {
  // 40 seeded contacts; the first is owned by someone who has left (not in the directory).
  const seeded = await startSandbox({ contacts: 40 });
  const state = seeded.state();
  await seeded.close();
  state.contacts[0]!.follower_user_id = LEAVER;
  sb = await startSandbox({ state });
  dir = await mkdtemp(join(tmpdir(), 'dtload-people-'));
});
afterAll(() => sb.close());

async function sheet(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const mobileOf = (userid: string): string => sb.directory().staff.find((s) => s.userid === userid)!.mobile;
const contact = (i: number): Contact => sb.contacts()[i]!;

describe('import: people and departments by name', () => {
  it('16 rows naming owners, shared staff and departments every way an admin would all end right', async () => {
    const lina = mobileOf('lina02');
    const wang = mobileOf('wangfang03');
    // cell text → the ids DingTalk must receive
    const cases: [owner: string, users: string, depts: string, want: Partial<Contact>][] = [
      ['李娜', '', '', { follower_user_id: 'lina02' }],
      ['张伟 (华北销售)', '', '', { follower_user_id: 'zhangwei01' }],
      ['张伟（销售部）', '', '', { follower_user_id: 'zhangwei09' }],
      [lina, '', '', { follower_user_id: 'lina02' }],
      [
        `+86 ${wang.slice(0, 3)} ${wang.slice(3, 7)} ${wang.slice(7)}`,
        '',
        '',
        { follower_user_id: 'wangfang03' },
      ],
      ['chenjing05', '', '', { follower_user_id: 'chenjing05' }],
      ['Emma Wilson', '王芳', '', { follower_user_id: 'sales_lead', share_user_ids: ['wangfang03'] }],
      ['王强', '李娜、陈静', '', { share_user_ids: ['lina02', 'chenjing05'] }],
      ['王强', '张伟（华北销售），赵敏', '', { share_user_ids: ['zhangwei01', '0423752'] }],
      ['王强', `${lina}; 刘洋`, '', { share_user_ids: ['lina02', 'liuyang04'] }],
      ['王强', 'sales_lead', '市场部', { share_user_ids: ['sales_lead'], share_dept_ids: [4] }],
      ['王强', '', '销售部/客服', { share_dept_ids: [42536] }],
      ['王强', '', '技术部/客服、华北销售', { share_dept_ids: [420606536, 21] }],
      ['王强', '', '42536', { share_dept_ids: [42536] }],
      ['王强', '', '钉钉沙箱科技', { share_dept_ids: [1] }],
      ['王强', '', '销售部/华北销售/北京一组/大客户', { share_dept_ids: [2111] }],
    ];
    const rows = cases.map(([o, u, d], i) => `${contact(i + 1).userid},${q(o)},${q(u)},${q(d)}`);
    const path = await sheet('names.csv', `user_id,负责人,共享给员工,共享给部门\n${rows.join('\n')}\n`);
    const client = clientOf(sb);
    const before = sb.callCounts().getbymobile;
    const plan = await planImport({ source: await openSheet(path), client });
    expect(plan.rows.flatMap((r) => r.errors)).toEqual([]);
    // Each mobile named is looked up once (lina's twice in the sheet).
    expect(sb.callCounts().getbymobile - before).toBe(2);
    const outcome = await startJob({
      client,
      dataDir: dir,
      plan: plan.ops,
      meta: { kind: 'import', source: path, mode: 'apply', options: {}, createdAt: '' },
      maxQps: 500,
    }).done;
    expect(outcome.results.filter((r) => r.status !== 'ok')).toEqual([]);
    cases.forEach(([, , , want], i) => expect(sb.getContactById(contact(i + 1).userid)).toMatchObject(want));
    // The diff names people, never ids.
    const zhang = plan.rows[1]!.changes.find((c) => c.field === 'follower_user_id')!;
    expect(zhang.after).toBe('张伟（华北销售）');
    const depts = plan.rows[12]!.changes.find((c) => c.field === 'share_dept_ids')!;
    expect(depts.after).toEqual(['技术部/客服', '华北销售']);
  });

  it('an ambiguous or unknown person or department makes the row invalid, naming the candidates; nothing is sent for it', async () => {
    const writes = sb.writeLog.length;
    const [a, b, c, d, e] = [contact(20), contact(21), contact(22), contact(23), contact(24)];
    const path = await sheet(
      'bad-names.csv',
      `user_id,Owner,Shared with users,Shared with departments\n` +
        `${a.userid},张伟,,\n${b.userid},former_colleague,,\n${c.userid},,王小二,\n${d.userid},,,客服\n` +
        `${e.userid},13900000000,,\n`,
    );
    const plan = await planImport({ source: await openSheet(path), client: clientOf(sb) });
    expect(plan.rows.map((r) => r.action)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid']);
    expect(plan.rows[0]!.errors).toEqual([
      'Owner: "张伟" matches 2 people: 张伟（销售部） / 张伟（华北销售）',
    ]);
    expect(plan.rows[1]!.errors[0]).toMatch(/"former_colleague" is not in the staff directory .*reassign/);
    expect(plan.rows[2]!.errors[0]).toContain('"王小二" is not in the staff directory');
    expect(plan.rows[3]!.errors).toEqual([
      'Shared with departments: "客服" matches 2 departments: 销售部/客服 / 技术部/客服; write the path',
    ]);
    expect(plan.rows[4]!.errors).toEqual(['Owner: no staff member has mobile 13900000000']);
    expect(plan.ops).toEqual([]);
    expect(sb.writeLog.length).toBe(writes);

    const zh = await planImport({
      source: await openSheet(path),
      client: clientOf(sb),
      options: { language: 'zh-CN' },
    });
    expect(zh.rows[0]!.errors).toEqual(['负责人："张伟" 对应 2 人：张伟（销售部） / 张伟（华北销售）']);
    expect(zh.rows[1]!.errors[0]).toContain('交接客户');
  });

  it('a blank owner keeps the owner; clearing it is invalid; a leaver already owning the contact is kept', async () => {
    const [a, b] = [contact(25), contact(26)];
    const leaverContact = contact(0);
    expect(leaverContact.follower_user_id).toBe(LEAVER);
    const path = await sheet(
      'blank.csv',
      `user_id,Owner,remark\n${a.userid},,kept owner\n${leaverContact.userid},${LEAVER},still theirs\n`,
    );
    const plan = await planImport({ source: await openSheet(path), client: clientOf(sb) });
    expect(plan.rows.map((r) => r.action)).toEqual(['update', 'update']);
    expect(plan.ops.map((o) => (o.kind === 'update' ? o.body.follower_user_id : ''))).toEqual([
      a.follower_user_id,
      LEAVER,
    ]);
    const cleared = await sheet('clear.csv', `user_id,Owner,remark\n${b.userid},,x\n`);
    const clear = await planImport({
      source: await openSheet(cleared),
      client: clientOf(sb),
      options: { blank: 'clear' },
    });
    expect(clear.rows[0]!.action).toBe('invalid');
    expect(clear.rows[0]!.errors.join()).toMatch(/cannot be cleared: DingTalk requires it/);
    // Handing the leaver's contact to someone else by name works; naming the leaver for another contact does not.
    const other = await sheet(
      'leaver.csv',
      `user_id,Owner\n${leaverContact.userid},李娜\n${a.userid},${LEAVER}\n`,
    );
    const moved = await planImport({ source: await openSheet(other), client: clientOf(sb) });
    expect(moved.rows.map((r) => r.action)).toEqual(['update', 'invalid']);
    expect(moved.rows[0]!.changes).toEqual([{ field: 'follower_user_id', before: LEAVER, after: '李娜' }]);
    expect(moved.rows[1]!.errors[0]).toContain('reassign');
  });

  it('a sheet without people cells reads no directory', async () => {
    const before = sb.callCounts();
    const path = await sheet('plain.csv', `user_id,remark,Owner\n${contact(27).userid},plain,\n`);
    await planImport({ source: await openSheet(path), client: clientOf(sb) });
    expect(sb.callCounts().listsub).toBe(before.listsub);
    expect(sb.callCounts().listsimple).toBe(before.listsimple);
  });

  it('a shared DirectoryService is read once for several plans (the app keeps one per connection)', async () => {
    const client = clientOf(sb);
    const service = new DirectoryService(client);
    const before = sb.callCounts().listsub;
    const path = await sheet('twice.csv', `user_id,Owner\n${contact(28).userid},李娜\n`);
    await planImport({ source: await openSheet(path), client, directory: service });
    await planImport({ source: await openSheet(path), client, directory: service });
    expect(sb.callCounts().listsub - before).toBe(sb.directory().departments.length + 1);
  });
});

describe('import: a directory that cannot be read', () => {
  it.each([43007, 60011] as const)(
    'permission missing (%s): planning stops before any read of contacts or any write, naming 通讯录只读权限',
    async (errcode) => {
      const denied = await startSandbox({
        contacts: 10,
        faults: { deniedEndpoints: ['listsimple'], deniedErrcode: errcode },
      });
      try {
        const c = denied.contacts()[1]!;
        const path = await sheet(`denied-${errcode}.csv`, `user_id,Owner\n${c.userid},李娜\n`);
        const err = await planImport({ source: await openSheet(path), client: clientOf(denied) }).catch(
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(DirectoryError);
        expect((err as Error).message).toContain('通讯录只读权限');
        expect(denied.callCounts().list + denied.callCounts().get).toBe(0);
        // The CLI: one line, exit 3, nothing sent, even with --apply.
        const r = await runCli(['--base-url', denied.baseUrl, '--data-dir', dir, 'import', path, '--apply'], {
          DTLOAD_APP_KEY: denied.appKey,
          DTLOAD_APP_SECRET: denied.appSecret,
        });
        expect(r.code).toBe(3);
        expect(r.err.trim().split('\n')).toHaveLength(1);
        expect(r.err).toContain('listsimple');
        expect(r.err).toContain('通讯录只读权限');
        expect(denied.writeLog).toEqual([]);
      } finally {
        await denied.close();
      }
    },
  );

  it('dtload import --apply reads the directory once for its dry run and its apply', async () => {
    const before = sb.callCounts();
    const path = await sheet(
      'cli-once.csv',
      `user_id,Owner\n${contact(30).userid},陈静\n${contact(31).userid},王芳\n`,
    );
    const r = await runCli(['--base-url', sb.baseUrl, '--data-dir', dir, 'import', path, '--apply'], {
      DTLOAD_APP_KEY: sb.appKey,
      DTLOAD_APP_SECRET: sb.appSecret,
    });
    expect(r.code).toBe(0);
    expect(sb.callCounts().listsub - before.listsub).toBe(sb.directory().departments.length + 1);
    expect(sb.getContactById(contact(30).userid)!.follower_user_id).toBe('chenjing05');
  });
});

/** A CSV cell, quoted when it holds a comma. */
function q(s: string): string {
  return /[,"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
