// `--lang zh-CN|en` (issue 9 item 4): exports, templates, reports and messages in the admin's language,
// headers never API names, and each language's export imports back as 0 changes.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSheet } from '../../electron/core/sheets';
import { runCli } from '../cli/run-cli';

let dir: string;
let sb: string[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dtload-lang-'));
  sb = ['--sandbox', '--data-dir', dir];
});

async function headersOf(path: string): Promise<string[]> {
  return (await openSheet(path)).info.headers;
}

describe('export then import, in each language', () => {
  it.each([
    ['zh-CN', 'xlsx', '姓名', /更新 0，新建 0，无变化 \d+，无效 0。/],
    ['en', 'csv', 'Name', /0 to update, 0 to create, \d+ unchanged, 0 invalid\./],
    ['zh', 'csv', '姓名', /更新 0，新建 0，无变化 \d+，无效 0。/],
  ])(
    '--lang %s (%s): headers in that language, re-import plans 0 changes',
    async (lang, ext, name, summary) => {
      const out = join(dir, `export-${lang}.${ext}`);
      const exported = await runCli([...sb, '--lang', lang, 'export', out]);
      expect(exported.code).toBe(0);
      const headers = await headersOf(out);
      expect(headers).toContain(name);
      expect(headers.filter((h) => /^[a-z]+(_[a-z]+)+$|^name$|^mobile$|^title$/.test(h))).toEqual([]);
      const dry = await runCli([...sb, '--lang', lang, 'import', out]);
      expect(dry.code).toBe(0);
      expect(dry.out).toMatch(summary);
    },
  );

  it('writes the report in the chosen language, and the report imports again as it is', async () => {
    const out = join(dir, 'for-report.xlsx');
    expect((await runCli([...sb, '--lang', 'zh-CN', 'export', out])).code).toBe(0);
    const report = join(dir, 'report.xlsx');
    const dry = await runCli([...sb, '--lang', 'zh-CN', 'import', out, '--report', report]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('试运行：没有发送任何内容。');
    expect(dry.out).toContain('报告：');
    const headers = await headersOf(report);
    expect(headers.slice(-5)).toEqual(['操作', '状态', '错误码', '错误信息', '处理建议']);
    let first: string[] = [];
    for await (const row of (await openSheet(report)).rows()) {
      first = row.cells;
      break;
    }
    expect(first.slice(-5, -3)).toEqual(['无变化', '无变化']);
    // The report's own columns are recognised and ignored: it plans as the export did.
    const again = await runCli([...sb, '--lang', 'en', 'import', report]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/0 to update, 0 to create, \d+ unchanged, 0 invalid\./);
  });

  it('says a bad row and a bad option in the chosen language, and refuses an unknown language', async () => {
    const bad = join(dir, 'bad.csv');
    const { createSheetWriter } = await import('../../electron/core/sheets');
    const w = await createSheetWriter(bad, { headers: ['联系人ID', '手机号码(必填)', '邮箱'] });
    await w.addRow(['nobody', 'abc', 'x']);
    await w.close();
    const r = await runCli([...sb, '--lang', 'zh-CN', 'import', bad]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('第 2 行无效');
    expect(r.out).toContain(
      '第 2 行无效：手机号 "abc" 不是有效号码；邮箱 "x" 格式不正确；没有联系人ID为 "nobody" 的联系人',
    );
    const ext = await runCli([...sb, '--lang', 'zh-CN', 'export', join(dir, 'x.txt')]);
    expect(ext.code).toBe(2);
    expect(ext.err).toBe('dtload: “' + join(dir, 'x.txt') + '”：输出文件的扩展名必须是 .xlsx 或 .csv\n');
    const unknown = await runCli([...sb, '--lang', 'fr', 'export', join(dir, 'y.csv')]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--lang must be zh-CN or en');
  });

  it('says a missing file in the chosen language, with the path as the admin gave it', async () => {
    const given = join(dir, '客户 名单.xlsx');
    const zh = await runCli([...sb, '--lang', 'zh-CN', 'import', given]);
    expect(zh.code).toBe(2);
    expect(zh.err).toBe(`dtload: 找不到文件：${given}\n`);
    const en = await runCli([...sb, '--lang=en', 'import', given]);
    expect(en.err).toBe(`dtload: File not found: ${given}\n`);
    const folder = await runCli([...sb, '--lang', 'zh', 'import', dir]);
    expect(folder.err).toBe(`dtload: ${dir} 不是可读取的表格（这是文件夹）；请另存为 .xlsx 或 .csv 后重试\n`);
    const byLocale = await runCli(['--sandbox', '--data-dir', dir, 'import', given], {
      DTLOAD_LANG: undefined,
      LANG: 'zh_CN.UTF-8',
    });
    expect(byLocale.err).toBe(`dtload: 找不到文件：${given}\n`);
  });

  it('defaults to the OS locale (LANG) when no --lang is given', async () => {
    const out = join(dir, 'default.csv');
    const r = await runCli([...sb, 'export', out], { DTLOAD_LANG: undefined, LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('已从沙箱组织导出');
    expect(await headersOf(out)).toContain('负责人');
  });
});

describe('the template, for an admin', () => {
  async function template(lang: string): Promise<ExcelJS.Workbook> {
    const out = join(dir, `template-${lang}.xlsx`);
    const r = await runCli([...sb, '--lang', lang, 'template', out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    return wb;
  }
  const text = (ws: ExcelJS.Worksheet): string => {
    const out: string[] = [];
    ws.eachRow((row) => out.push((row.values as unknown[]).filter(Boolean).join(' | ')));
    return out.join('\n');
  };

  it('zh-CN: Chinese headers, instructions written for an admin, label lists that take several labels', async () => {
    const wb = await template('zh-CN');
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['联系人', 'visible'],
      ['填写说明', 'visible'],
      ['Lists', 'hidden'],
    ]);
    const sheet = wb.getWorksheet('联系人')!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(headers.slice(0, 3)).toEqual(['联系人ID', '姓名', '手机号']);
    const help = text(wb.getWorksheet('填写说明')!);
    expect(help).toContain('如何填写本表格');
    expect(help).toContain('创建找不到的联系人（需要手机号）');
    expect(help).toContain('姓名 | 必填');
    // For an admin: no command-line options, no API field names.
    expect(help).not.toMatch(/--[a-z]|user_id|follower_user_id/);
    // A label column: drop-down of its group's labels from the hidden sheet, several allowed.
    const col = headers.indexOf('Level') + 1;
    const letter = String.fromCharCode(64 + col);
    const dv = (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model[`${letter}2`]!;
    expect(dv.type).toBe('list');
    expect(dv.showErrorMessage).toBeFalsy();
    expect(dv.formulae[0]).toMatch(/^'Lists'!\$[A-Z]+\$1:\$[A-Z]+\$\d+$/);
  });

  it('en: English instructions with no command-line options', async () => {
    const wb = await template('en');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Contacts', 'How to fill in', 'Lists']);
    const help = text(wb.getWorksheet('How to fill in')!);
    expect(help).toContain('How to fill in this sheet');
    expect(help).toContain('Create contacts that are not found');
    expect(help).not.toMatch(/--[a-z]|user_id|follower_user_id/);
  });
});
