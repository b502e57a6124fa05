// `dtload duplicates --report` in zh-CN: the file's headers, its "kept" mark and sheet name read in Chinese;
// English keeps the column names scripts already read.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openSheet } from '../../electron/core/sheets';
import { runCli } from '../cli/run-cli';

async function read(path: string): Promise<{ sheet: string; headers: string[]; rows: string[][] }> {
  const s = await openSheet(path);
  const rows: string[][] = [];
  for await (const r of s.rows()) rows.push(r.cells);
  return { sheet: s.info.sheet, headers: s.info.headers, rows };
}

it('writes the duplicates report in the chosen language', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dtload-dup-lang-'));
  const sb = ['--sandbox', '--data-dir', dir];
  const zh = join(dir, 'dup-zh.xlsx');
  expect((await runCli([...sb, '--lang', 'zh-CN', 'duplicates', '--report', zh])).code).toBe(0);
  const z = await read(zh);
  expect(z.sheet).toBe('重复联系人');
  expect(z.headers).toEqual(['组', '原因', '保留', '联系人ID', '姓名', '企业名称', '手机号', '负责人ID']);
  expect(z.rows.length).toBeGreaterThan(0);
  expect(z.rows.filter((r) => r[2] !== '').every((r) => r[2] === '是')).toBe(true);
  expect(z.rows.some((r) => r[2] === '是')).toBe(true);

  const en = join(dir, 'dup-en.csv');
  expect((await runCli([...sb, '--lang', 'en', 'duplicates', '--report', en])).code).toBe(0);
  const e = await read(en);
  expect(e.headers).toEqual([
    'group',
    'reason',
    'keep',
    'user_id',
    'name',
    'company_name',
    'mobile',
    'follower_user_id',
  ]);
  expect(e.rows.some((r) => r[2] === 'yes')).toBe(true);
});
