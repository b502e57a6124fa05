// Writes the corpus files (test/corpus/files/) the way other producers write them, and prints what dtload reads
// from each (`npx tsx test/corpus/make-corpus.ts`; check the output by eye before copying it to expected.json).
// Producers: SheetJS CE writes the binary and XML formats as Excel/WPS/LibreOffice do (BIFF8 .xls and a WPS .et
// are the same format; .ods; .xlsb; SpreadsheetML 2003; an HTML
// table named .xls as "export to Excel" in admin systems writes it); exceljs writes xlsx as Excel; the OOXML
// builder writes Open XML SDK (x: prefix) and Strict packages.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import ExcelJS from 'exceljs';
import { inline, num, xlsxPackage } from '../fixtures/ooxml';
import { openSheet } from '../../electron/core/sheets';

XLSX.set_cptable(cptable);
const DIR = fileURLToPath(new URL('./files/', import.meta.url));

/** The table every producer writes: a title, an info row, the header, data with a company merged over 2 rows. */
const TITLE = '2026 客户名单';
const HEADER = ['姓名', '手机', '公司', '入职日期', '备注'];
const DATA: (string | number | Date)[][] = [
  ['张三', 13800138000, '阿里巴巴', new Date(Date.UTC(2024, 2, 5)), 'AT&T 代理'],
  ['李四', 13900139000, '', new Date(Date.UTC(2023, 11, 31)), '<VIP>'],
  ['王五', '013700137000', '腾讯科技', new Date(Date.UTC(2025, 0, 1)), ''],
];

function sheetJsBook(withInstructions = true): XLSX.WorkBook {
  const aoa = [[TITLE], ['导出时间：2026-11-30'], HEADER, ...DATA];
  const ws = XLSX.utils.aoa_to_sheet(aoa, { cellDates: true, dateNF: 'yyyy-mm-dd' });
  ws['!merges'] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 4 } },
    { s: { r: 3, c: 2 }, e: { r: 4, c: 2 } },
  ];
  const wb = XLSX.utils.book_new();
  if (!withInstructions) {
    XLSX.utils.book_append_sheet(wb, ws, '客户');
    return wb;
  }
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['填写说明'], ['请从第 3 行开始填写']]), '说明');
  XLSX.utils.book_append_sheet(wb, ws, '客户');
  // The instructions sheet has one column only; the reader must still pick 客户 (the first sheet with a table
  // is not assumed: the first visible sheet with data is read, so hide the instructions like many templates do).
  wb.Workbook = { Sheets: [{ Hidden: 1 }, { Hidden: 0 }] };
  return wb;
}

async function excelXlsx(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明', { state: 'hidden' }).addRows([['填写说明'], ['请从第 3 行开始填写']]);
  const ws = wb.addWorksheet('客户');
  ws.addRows([[TITLE], ['导出时间：2026-11-30'], HEADER, ...DATA]);
  ws.mergeCells('A1:E1');
  ws.mergeCells('C4:C5');
  ws.getColumn(4).numFmt = 'yyyy-mm-dd';
  await wb.xlsx.writeFile(path);
}

function openXmlSdk(strict: boolean): Buffer {
  return xlsxPackage({
    prefix: strict ? '' : 'x',
    strict,
    merges: ['C4:C5'],
    rows: (p) =>
      `<${p}row r="1">${inline(p, 'A1', TITLE)}</${p}row>` +
      `<${p}row r="3">${HEADER.map((h, i) => inline(p, `${'ABCDE'[i]}3`, h)).join('')}</${p}row>` +
      `<${p}row r="4">${inline(p, 'A4', '张三')}${num(p, 'B4', '13800138000')}${inline(p, 'C4', '阿里巴巴')}${inline(p, 'D4', '2024-03-05')}${inline(p, 'E4', 'AT&amp;T 代理')}</${p}row>` +
      `<${p}row r="5">${inline(p, 'A5', '李四')}${num(p, 'B5', '13900139000')}<${p}c r="C5"/>${inline(p, 'D5', '2023-12-31')}${inline(p, 'E5', '&lt;VIP&gt;')}</${p}row>`,
  });
}

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const wb = sheetJsBook();
  const out: Record<string, Buffer> = {
    'excel97.xls': XLSX.write(wb, { type: 'buffer', bookType: 'xls' }) as Buffer,
    'wps.et': XLSX.write(wb, { type: 'buffer', bookType: 'xls' }) as Buffer,
    // SheetJS's ODS writer keeps no hidden-sheet state: this one has the table only.
    'libreoffice.ods': XLSX.write(sheetJsBook(false), { type: 'buffer', bookType: 'ods' }) as Buffer,
    'excel-binary.xlsb': XLSX.write(wb, { type: 'buffer', bookType: 'xlsb' }) as Buffer,
    'spreadsheetml2003.xls': Buffer.from(XLSX.write(wb, { type: 'string', bookType: 'xlml' }) as string),
    'open-xml-sdk.xlsx': openXmlSdk(false),
    'strict.xlsx': openXmlSdk(true),
  };
  for (const [name, data] of Object.entries(out)) writeFileSync(join(DIR, name), data);
  await excelXlsx(join(DIR, 'excel.xlsx'));
  writeFileSync(
    join(DIR, 'system-export.xls'),
    '<html><head><meta charset="utf-8"></head><body><table>' +
      `<tr><td colspan="3">${TITLE}</td></tr>` +
      '<tr><td>姓名</td><td>手机</td><td>公司</td></tr>' +
      '<tr><td>张三</td><td>13800138000</td><td>AT&amp;T</td></tr>' +
      '<tr><td>李四</td><td>13900139000</td><td>钉钉</td></tr>' +
      '</table></body></html>',
  );
  const expected: Record<string, unknown> = {};
  for (const name of [...Object.keys(out), 'excel.xlsx', 'system-export.xls'].sort()) {
    const source = await openSheet(join(DIR, name));
    const rows = [];
    for await (const r of source.rows()) rows.push(r);
    const { format, sheet, headerRow, headers } = source.info;
    expected[name] = { format, sheet, headerRow, headers, rows };
  }
  console.log(JSON.stringify(expected, null, 2));
}

await main();
