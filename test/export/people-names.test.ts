// Export writes owners, shared staff and shared departments as names an import resolves back alone
// (issue 9, item 3): re-importing an unchanged export plans 0 updates and 0 invalid rows; `--ids` keeps
// raw ids for scripts; without the directory permission the export still works, with ids, and says why.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDingTalkClient } from '../../electron/core/dingtalk';
import { createScheduler } from '../../electron/core/engine';
import { exportContacts } from '../../electron/core/export';
import { planImport } from '../../electron/core/import';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox';
import { openSheet } from '../../electron/core/sheets';
import { runCli } from '../cli/run-cli';

let sb: SandboxHandle;
let dir: string;
beforeAll(async () => {
  sb = await startSandbox({ contacts: 300 });
  dir = await mkdtemp(join(tmpdir(), 'dtload-export-names-'));
});
afterAll(() => sb.close());

const clientOf = (s: SandboxHandle) =>
  createDingTalkClient({ baseUrl: s.baseUrl, appKey: s.appKey, appSecret: s.appSecret }).withScheduler(
    createScheduler({ maxQps: 500 }),
  );

async function table(path: string): Promise<Record<string, string>[]> {
  const sheet = await openSheet(path);
  const out: Record<string, string>[] = [];
  for await (const r of sheet.rows())
    out.push(Object.fromEntries(sheet.info.headers.map((h, i) => [h, r.cells[i] ?? ''])));
  return out;
}

describe('export: people by name', () => {
  it.each(['xlsx', 'csv'])(
    'writes names (%s) and an unchanged re-import plans 0 updates, 0 invalid',
    async (ext) => {
      const path = join(dir, `names.${ext}`);
      const res = await exportContacts({ client: clientOf(sb), path });
      expect(res).toMatchObject({ contacts: 300, people: 'names' });
      const rows = await table(path);
      const headers = Object.keys(rows[0]!);
      const cellsOf = (field: string): string[] => rows.map((r) => r[headerFor(headers, field)]!);
      const owners = new Set(cellsOf('follower_user_id'));
      // Names, never ids: 张伟 twice in the directory, so each 张伟 is written with his department.
      expect(owners).toContain('张伟（华北销售）');
      expect(owners).toContain('李娜');
      for (const id of ['zhangwei01', 'lina02', 'manager4220', 'sales_lead'])
        expect(owners).not.toContain(id);
      const depts = new Set(cellsOf('share_dept_ids').flatMap((c) => c.split(', ')));
      expect(depts).toContain('销售部/客服');
      expect(depts).toContain('技术部/客服');
      expect(depts).toContain('钉钉沙箱科技');
      expect([...depts].filter((d) => /^\d+$/.test(d))).toEqual([]);
      const shared = new Set(cellsOf('share_user_ids').flatMap((c) => c.split(', ')));
      expect(shared).toContain('王芳');

      const writes = sb.writeLog.length;
      const plan = await planImport({ source: await openSheet(path), client: clientOf(sb) });
      expect(plan.summary).toMatchObject({ rows: 300, update: 0, invalid: 0, unchanged: 300 });
      expect(sb.writeLog.length).toBe(writes);
    },
  );

  it('dtload export --ids writes raw ids, which import back unchanged too', async () => {
    const path = join(dir, 'ids.csv');
    const r = await runCli(['--base-url', sb.baseUrl, '--data-dir', dir, 'export', path, '--ids'], {
      DTLOAD_APP_KEY: sb.appKey,
      DTLOAD_APP_SECRET: sb.appSecret,
    });
    expect(r.code).toBe(0);
    const rows = await table(path);
    const headers = Object.keys(rows[0]!);
    const owners = new Set(rows.map((x) => x[headerFor(headers, 'follower_user_id')]!));
    expect(owners).toContain('zhangwei01');
    expect(owners).not.toContain('李娜');
    const plan = await planImport({ source: await openSheet(path), client: clientOf(sb) });
    expect(plan.summary).toMatchObject({ update: 0, invalid: 0, unchanged: 300 });
  });

  it('without 通讯录只读权限 the export writes ids and says why on stderr', async () => {
    const denied = await startSandbox({
      contacts: 5,
      faults: { deniedEndpoints: ['listsub'], deniedErrcode: 60011 },
    });
    try {
      const path = join(dir, 'denied.csv');
      const r = await runCli(['--base-url', denied.baseUrl, '--data-dir', dir, 'export', path], {
        DTLOAD_APP_KEY: denied.appKey,
        DTLOAD_APP_SECRET: denied.appSecret,
      });
      expect(r.code).toBe(0);
      expect(r.err).toContain('通讯录只读权限');
      const rows = await table(path);
      expect(rows).toHaveLength(5);
    } finally {
      await denied.close();
    }
  });
});

/** The column of a field, whether headed by its API name or (once localised) its admin name. */
function headerFor(headers: string[], field: string): string {
  const names: Record<string, RegExp> = {
    follower_user_id: /^(follower_user_id|Owner|负责人)$/,
    share_user_ids: /^(share_user_ids|Shared with users|共享给员工)$/,
    share_dept_ids: /^(share_dept_ids|Shared with departments|共享给部门)$/,
  };
  const h = headers.find((x) => names[field]!.test(x));
  if (!h) throw new Error(`no ${field} column in ${headers.join(', ')}`);
  return h;
}
