// Header rows as admins' own sheets have them: under a title and an info row, after an instructions sheet, in
// hidden sheets, with a line break; values under an empty header are reported with their column letter.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isKnownHeader } from '../../electron/core/import';
import { SheetError } from '../../electron/core/sheets';
import { detectHeaderIndex } from '../../electron/core/sheets/headers';
import { readAll, tempDir } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('dtload-header-row-');
});

describe('header detection', () => {
  it('prefers the row of known headers to a short info row under a title', () => {
    const rows = [
      ['客户名单'],
      ['导出时间：2026-11-30', '导出人：张三'],
      ['姓名', '手机', '公司', '备注'],
      ['张三', '13800138000', '阿里', ''],
    ];
    expect(detectHeaderIndex(rows, isKnownHeader)).toBe(2);
    // Without known headers to go by, "label：value" cells still mark the info row.
    expect(detectHeaderIndex(rows)).toBe(2);
  });

  it('keeps the width rule when no row holds known headers', () => {
    expect(detectHeaderIndex([['Title'], ['a', 'b', 'c'], ['1', '2', '3']], isKnownHeader)).toBe(1);
  });

  it('reads a csv under a title and an info row, the header on one line', async () => {
    const path = join(dir, 'titled.csv');
    await writeFile(
      path,
      '2026 客户名单,,,\r\n导出时间：2026-11-30,导出人：张三,,\r\n"姓名\r\n(必填)",手机,公司,备注\r\n张三,13800138000,阿里,x\r\n',
    );
    const { info, rows } = await readAll(path, { isKnownHeader });
    expect(info.headerRow).toBe(3);
    expect(info.headers).toEqual(['姓名 (必填)', '手机', '公司', '备注']);
    expect(rows).toEqual([{ row: 4, cells: ['张三', '13800138000', '阿里', 'x'] }]);
  });
});

describe('values under an empty header', () => {
  it('are a note naming their column letter and first cell', async () => {
    const path = join(dir, 'unnamed.csv');
    await writeFile(path, 'name,,mobile\r\nA,,1\r\nB,oops,2\r\nC,,3,extra\r\n');
    const { info } = await readAll(path);
    const note = info.notes.find((n) => n.code === 'empty-header-values');
    expect(note?.text.en).toBe(
      'Values in columns without a header are not imported: column B (first in B3), column D (first in D4). Give such a column a header to import it',
    );
    expect(note?.text['zh-CN']).toContain('第 B 列（首个在 B3）');
  });

  it('no note when every value has a header', async () => {
    const path = join(dir, 'named.csv');
    await writeFile(path, 'name,,mobile\r\nA,,1\r\n');
    expect((await readAll(path)).info.notes).toEqual([]);
  });
});

async function workbook(name: string, sheets: { name: string; rows: string[][]; hidden?: boolean }[]) {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: 'hidden' } : {});
    for (const r of s.rows) ws.addRow(r);
  }
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('which sheet', () => {
  it('an instructions sheet first (填写说明) gives way to the sheet with the data', async () => {
    const path = await workbook('instructions.xlsx', [
      {
        name: '填写说明',
        rows: [['填写说明'], ['1. 手机号请填写 11 位', '2. 姓名必填'], ['3. 不要修改表头', '']],
      },
      {
        name: '客户',
        rows: [
          ['姓名', '手机', '公司'],
          ['张三', '13800138000', '阿里'],
        ],
      },
    ]);
    const { info, rows } = await readAll(path, { isKnownHeader });
    expect(info.sheet).toBe('客户');
    expect(rows).toEqual([{ row: 2, cells: ['张三', '13800138000', '阿里'] }]);
  });

  it('data only in hidden sheets: named, with the --sheet hint', async () => {
    const path = await workbook('hidden.xlsx', [
      { name: 'Cover', rows: [] },
      {
        name: '数据',
        rows: [
          ['姓名', '手机'],
          ['张三', '1'],
        ],
        hidden: true,
      },
    ]);
    const err = await readAll(path).then(
      () => undefined,
      (e: unknown) => e as SheetError,
    );
    expect(err).toBeInstanceOf(SheetError);
    expect(err!.message).toBe(
      `${path} has data only in hidden sheets: "数据". To read one, name it with --sheet (for example --sheet "数据")`,
    );
    expect(err!.in('zh-CN')).toContain('只有隐藏的工作表中有数据');
    expect((await readAll(path, { sheet: '数据' })).rows).toEqual([{ row: 2, cells: ['张三', '1'] }]);
  });
});
