import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createSheetWriter, type SheetCell } from '../../electron/core/sheets';
import { ZipArchive } from '../../electron/core/sheets/zip-archive';
import { readAll, tempDir } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

const HEADERS = ['姓名', '手机', '备注', '数量'];
const ROWS: SheetCell[][] = [
  ['张三', '13800138000', '=HYPERLINK("http://evil","点我")', 3],
  ['李四', 13800138000, '+86 138 0013 8000', -12],
  ['王五', '+8613800138000', '-12', 0.5],
  ['赵六', '110101199003077777', "'=already quoted", 1.3e10],
  ['欧阳', '', '@SUM(A1)', null],
  ['多行', undefined, '第一行\r\n第二行, "引号"', 123456789012345],
  ['制表', '\tx', '-', -0.25],
  ['转义', '_x0041_', 'a\rb\u0001c', 1e-7],
];
/** What the reader returns for ROWS: every cell as text, formulas restored, numbers plain. */
const EXPECTED = [
  ['张三', '13800138000', '=HYPERLINK("http://evil","点我")', '3'],
  ['李四', '13800138000', '+86 138 0013 8000', '-12'],
  ['王五', '+8613800138000', '-12', '0.5'],
  ['赵六', '110101199003077777', "'=already quoted", '13000000000'],
  ['欧阳', '', '@SUM(A1)', ''],
  ['多行', '', '第一行\r\n第二行, "引号"', '123456789012345'],
  ['制表', '\tx', '-', '-0.25'],
  ['转义', '_x0041_', 'a\rb\u0001c', '0.0000001'],
];

/** The first sheet's XML of an xlsx file. */
async function sheetXml(path: string): Promise<string> {
  const zip = await ZipArchive.open(path);
  try {
    let xml = '';
    for await (const t of zip.text('xl/worksheets/sheet1.xml')) xml += t;
    return xml;
  } finally {
    zip.close();
  }
}

async function write(path: string, opts: Partial<Parameters<typeof createSheetWriter>[1]> = {}) {
  const w = await createSheetWriter(path, { headers: HEADERS, ...opts });
  for (const r of ROWS) await w.addRow(r);
  await w.close();
}

describe.each(['xlsx', 'csv'])('%s writer', (ext) => {
  it('round-trips Chinese, formula-looking strings and numbers exactly', async () => {
    const path = join(dir, `round-trip.${ext}`);
    await write(path);
    const { info, rows } = await readAll(path);
    expect(info.format).toBe(ext);
    expect(info.headers).toEqual(HEADERS);
    expect(rows).toEqual(EXPECTED.map((cells, i) => ({ row: i + 2, cells })));
  });
});

describe('xlsx writer', () => {
  it('stores text exactly as typed in string cells (never formulas) and numbers as numbers', async () => {
    const path = join(dir, 'raw.xlsx');
    await write(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('C2').value).toBe('=HYPERLINK("http://evil","点我")');
    expect(ws.getCell('C3').value).toBe('+86 138 0013 8000');
    expect(ws.getCell('C4').value).toBe('-12');
    expect(ws.getCell('C5').value).toBe("'=already quoted");
    expect(ws.getCell('C6').value).toBe('@SUM(A1)');
    expect(ws.getCell('B3').value).toBe(13800138000);
    expect(ws.getCell('B2').value).toBe('13800138000');
    expect(ws.getCell('D4').value).toBe(0.5);
    expect(ws.getCell('D6').value).toBeNull();
    // In the XML: string cells, no formula element anywhere.
    const xml = await sheetXml(path);
    expect(xml).not.toContain('<f>');
    expect(xml).toMatch(/<c r="C2" t="(str|s|inlineStr)"/);
  });

  it('freezes, filters and bolds the header and applies widths', async () => {
    const path = join(dir, 'styled.xlsx');
    await write(path, { sheetName: '联系人', columnWidths: [12, 16, 40, 8] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('联系人')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:D1');
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getColumn(3).width).toBe(40);
  });

  it('can leave the header unfrozen and unfiltered', async () => {
    const path = join(dir, 'plain.xlsx');
    await write(path, { freezeHeader: false, autoFilter: false });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    expect((ws.views ?? []).some((v) => v.state === 'frozen')).toBe(false);
    expect(ws.autoFilter).toBeUndefined();
  });

  it('cleans sheet names Excel would reject', async () => {
    const path = join(dir, 'names.xlsx');
    await write(path, { sheetName: 'a/b:c*d?[e]-2024 very long name for a sheet' });
    const { info } = await readAll(path);
    expect(info.sheet).toBe('a b c d  e -2024 very long name');
  });
});

describe('names that look like formulas', () => {
  const NAMES = ['-Lee', '+86 138 0013 8000', '=SUM(1)', '@x', "'quoted", '-', '=1+1'];

  it('xlsx shows them exactly as typed, and reads them back the same', async () => {
    const path = join(dir, 'names.xlsx');
    const w = await createSheetWriter(path, { headers: ['Name'] });
    for (const n of NAMES) await w.addRow([n]);
    await w.close();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(NAMES.map((_, i) => wb.worksheets[0]!.getCell(`A${i + 2}`).value)).toEqual(NAMES);
    expect((await readAll(path)).rows.map((r) => r.cells[0])).toEqual(NAMES);
  });

  it("csv keeps the neutralising ' in the file, and the reader strips it on re-import", async () => {
    const path = join(dir, 'names.csv');
    const w = await createSheetWriter(path, { headers: ['Name'] });
    for (const n of NAMES) await w.addRow([n]);
    await w.close();
    const lines = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(1, 1 + NAMES.length)).toEqual([
      "'-Lee",
      "'+86 138 0013 8000",
      "'=SUM(1)",
      "'@x",
      "'quoted",
      "'-",
      "'=1+1",
    ]);
    expect((await readAll(path)).rows.map((r) => r.cells[0])).toEqual(NAMES);
  });
});

describe('csv writer', () => {
  it('writes UTF-8 with BOM, CRLF and RFC 4180 quoting', async () => {
    const path = join(dir, 'raw.csv');
    await write(path);
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('姓名,手机,备注,数量');
    expect(lines[1]).toBe(`张三,13800138000,"'=HYPERLINK(""http://evil"",""点我"")",3`);
    expect(lines[2]).toBe("李四,13800138000,'+86 138 0013 8000,-12");
    expect(lines[3]).toBe('王五,+8613800138000,-12,0.5');
    expect(lines[4]).toBe("赵六,110101199003077777,''=already quoted,13000000000");
    expect(text).toContain('"第一行\r\n第二行, ""引号"""');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/(?<!第一行)\n/);
  });

  it('honours an explicit format over the extension', async () => {
    const path = join(dir, 'export.dat');
    await write(path, { format: 'csv' });
    expect([...(await readFile(path)).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('writer lifecycle', () => {
  it.each(['xlsx', 'csv'])('close() is idempotent and rows after it are refused (%s)', async (ext) => {
    const path = join(dir, `closed.${ext}`);
    const w = await createSheetWriter(path, { headers: ['a'] });
    await w.addRow(['1']);
    await Promise.all([w.close(), w.close()]);
    await expect(async () => w.addRow(['2'])).rejects.toThrow(
      `Cannot add a row to ${path}: the writer is closed`,
    );
    expect((await readAll(path)).rows).toEqual([{ row: 2, cells: ['1'] }]);
  });

  it('sizes columns to their headers by default', async () => {
    const path = join(dir, 'widths.xlsx');
    const w = await createSheetWriter(path, { headers: ['id', '外部联系人ID（必填）', 'x'.repeat(60)] });
    await w.close();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([10, 24, 40]);
  });
});

describe('write failures', () => {
  it.each(['xlsx', 'csv'])('a missing folder is one clear line (%s)', async (ext) => {
    const path = join(dir, 'no-such-folder', `out.${ext}`);
    await expect(createSheetWriter(path, { headers: ['a'] })).rejects.toThrow(
      `Cannot write ${path}: the folder does not exist`,
    );
  });
});
