import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readZip, writeZip } from '../fixtures/zip';
import { openSheet, SheetError } from '../../electron/core/sheets';
import { makeFixtures, QUIRKS, type Fixtures } from '../fixtures/make-fixtures';
import { expectSheetError, readAll, tempDir } from './helpers';

let fx: Fixtures;
beforeAll(async () => {
  fx = await makeFixtures(await tempDir());
});

describe('xlsx reader', () => {
  it('reads every quirk as the admin sees it', async () => {
    const { info, rows } = await readAll(fx.quirksXlsx);
    expect(info).toEqual({
      format: 'xlsx',
      sheets: QUIRKS.sheets,
      sheet: QUIRKS.sheet,
      headerRow: QUIRKS.headerRow,
      headers: QUIRKS.headers,
      hiddenSheets: ['隐藏'],
      // The value under the empty header "Column 9" is not imported: the admin is told where it is.
      notes: [
        {
          code: 'empty-header-values',
          text: {
            en: 'Values in columns without a header are not imported: column I (first in I4). Give such a column a header to import it',
            'zh-CN': '没有表头的列中的值不会导入：第 I 列（首个在 I4）。如需导入，请为该列填写表头',
          },
        },
      ],
    });
    expect(rows).toEqual(QUIRKS.rows);
  });

  it('never prints ids or phone numbers with an exponent', async () => {
    const { rows } = await readAll(fx.quirksXlsx);
    for (const r of rows) for (const c of r.cells) expect(c).not.toMatch(/^\d(\.\d+)?e[+-]?\d+$/i);
  });

  it('reads a sheet by name', async () => {
    const { info, rows } = await readAll(fx.quirksXlsx, { sheet: '其他' });
    expect(info.sheet).toBe('其他');
    expect(info.headerRow).toBe(1);
    expect(info.headers).toEqual(QUIRKS.other.headers);
    expect(rows).toEqual(QUIRKS.other.rows);
  });

  it('reads a hidden sheet only when asked by name, and names the sheets that have data', async () => {
    await expectSheetError(
      fx.quirksXlsx,
      'header-only',
      `sheet "隐藏" of ${fx.quirksXlsx} has a header row (row 1) but no data rows. Sheets with data: "客户", "其他"; to read one, name it with --sheet (for example --sheet "客户")`,
      { sheet: '隐藏' },
    );
    const err = await openSheet(fx.quirksXlsx, { sheet: '隐藏' }).catch((e: SheetError) => e);
    expect((err as SheetError).in('zh-CN')).toBe(
      `${fx.quirksXlsx} 的工作表 "隐藏" 只有表头（第 1 行），没有数据行。有数据的工作表："客户"、"其他"；如需读取，请用 --sheet 指定（例如 --sheet "客户"）`,
    );
  });

  it('an empty sheet read names the sheets with data, hidden ones marked, in en and zh-CN', async () => {
    const path = join(await tempDir(), 'hidden-data.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('空白').addRow([]);
    wb.addWorksheet('旧数据', { state: 'hidden' }).addRows([
      ['姓名', '手机'],
      ['张三', '13800138000'],
    ]);
    wb.addWorksheet('客户').addRows([
      ['姓名', '手机'],
      ['李四', '13900139000'],
    ]);
    await wb.xlsx.writeFile(path);
    await expectSheetError(
      path,
      'empty',
      `sheet "空白" of ${path} is empty. Sheets with data: "旧数据" (hidden), "客户"; to read one, name it with --sheet (for example --sheet "旧数据")`,
      { sheet: '空白' },
    );
    const err = await openSheet(path, { sheet: '空白' }).catch((e: SheetError) => e);
    expect((err as SheetError).in('zh-CN')).toBe(
      `${path} 的工作表 "空白" 是空的。有数据的工作表："旧数据"（隐藏）、"客户"；如需读取，请用 --sheet 指定（例如 --sheet "旧数据"）`,
    );
  });

  it('says which sheets exist (hidden marked) and which have data when the named one does not', async () => {
    await expectSheetError(
      fx.quirksXlsx,
      'no-sheet',
      `${fx.quirksXlsx} has no sheet named "Sheet1" (sheets: "封面", "隐藏" (hidden), "客户", "其他"). Sheets with data: "客户", "其他"; to read one, name it with --sheet (for example --sheet "客户")`,
      { sheet: 'Sheet1' },
    );
    const err = await openSheet(fx.quirksXlsx, { sheet: 'Sheet1' }).catch((e: SheetError) => e);
    expect((err as SheetError).in('zh-CN')).toContain(
      '中没有名为 "Sheet1" 的工作表（现有工作表："封面"、"隐藏"（隐藏）、"客户"、"其他"）。有数据的工作表：',
    );
  });

  it('lets the caller override the header row', async () => {
    const { info, rows } = await readAll(fx.quirksXlsx, { headerRow: 4 });
    expect(info.headerRow).toBe(4);
    expect(info.headers.slice(0, 4)).toEqual(['张三', '13800138000', '110101199003077777', '阿里巴巴']);
    expect(rows.map((r) => r.row)).toEqual([6, 7, 10]);
  });

  it('previews the rows above and at the header, with their row numbers', async () => {
    const source = await openSheet(fx.quirksXlsx);
    const preview = await source.preview(3);
    expect(preview.map((r) => r.row)).toEqual([1, 3, 4]);
    expect(preview[0]!.cells[0]).toBe('2024 客户名单');
    expect(preview[1]!.cells.slice(0, 3)).toEqual(['姓名', '手机', '证件号']);
    for (const r of preview) expect(r.cells).toHaveLength(preview[1]!.cells.length);
  });

  it('streams afresh on every rows() call and survives an early break', async () => {
    const source = await openSheet(fx.quirksXlsx);
    for await (const r of source.rows()) {
      expect(r.row).toBe(4);
      break;
    }
    const again: number[] = [];
    for await (const r of source.rows()) again.push(r.row);
    expect(again).toEqual([4, 6, 7, 10]);
  });

  it('reads workbooks in exceljs order too (workbook and strings before or after sheets)', async () => {
    const dir = await tempDir();
    const path = join(dir, 'plain.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['姓名', '手机']);
    ws.addRow(['张三', 13800138000]);
    ws.addRow(['李四', '013900139000']);
    ws.addRow(['Excel 换行', 'line1_x000D_\nline2 _x005F_x0041_']);
    wb.addWorksheet('第二页').addRow(['x', 'y']);
    await wb.xlsx.writeFile(path);
    for (let i = 0; i < 5; i++) {
      const { info, rows } = await readAll(path);
      expect(info.sheets).toEqual(['名单', '第二页']);
      expect(rows).toEqual([
        { row: 2, cells: ['张三', '13800138000'] },
        { row: 3, cells: ['李四', '013900139000'] },
        { row: 4, cells: ['Excel 换行', 'line1\r\nline2 _x0041_'] },
      ]);
    }
  });
});

describe('sheet order', () => {
  it('follows the workbook, not the file names inside the zip', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Alpha').addRows([
      ['a', 'b'],
      ['1', '2'],
    ]);
    wb.addWorksheet('Beta').addRows([
      ['c', 'd'],
      ['3', '4'],
    ]);
    const entries = readZip(Buffer.from(await wb.xlsx.writeBuffer())).map(
      ([name, data]): [string, Buffer] => {
        if (name !== 'xl/workbook.xml') return [name, data];
        const xml = data.toString('utf8');
        const sheets = xml.match(/<sheet [^>]*\/>/g)!;
        expect(sheets).toHaveLength(2);
        return [name, Buffer.from(xml.replace(sheets.join(''), `${sheets[1]}${sheets[0]}`))];
      },
    );
    const path = join(await tempDir(), 'reordered.xlsx');
    await writeFile(path, writeZip(entries));
    const { info, rows } = await readAll(path);
    expect(info.sheets).toEqual(['Beta', 'Alpha']);
    expect(info.sheet).toBe('Beta');
    expect(rows).toEqual([{ row: 2, cells: ['3', '4'] }]);
    expect((await readAll(path, { sheet: 'Alpha' })).rows).toEqual([{ row: 2, cells: ['1', '2'] }]);
  });
});

describe('inline rich strings', () => {
  it('read whole from a workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['姓名', '手机']);
    ws.addRow([1, 13800138000]);
    const entries = readZip(Buffer.from(await wb.xlsx.writeBuffer())).map(
      ([name, data]): [string, Buffer] => {
        if (name !== 'xl/worksheets/sheet1.xml') return [name, data];
        const xml = data
          .toString('utf8')
          .replace(
            /<c r="A2"[^>]*>.*?<\/c>/,
            '<c r="A2" t="inlineStr"><is><r><t>欧阳</t></r><r><rPr><b/></rPr><t>娜娜</t></r></is></c>',
          );
        expect(xml).toContain('欧阳');
        return [name, Buffer.from(xml)];
      },
    );
    const path = join(await tempDir(), 'inline.xlsx');
    await writeFile(path, writeZip(entries));
    expect((await readAll(path)).rows).toEqual([{ row: 2, cells: ['欧阳娜娜', '13800138000'] }]);
  });
});
