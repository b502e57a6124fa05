// Any valid OOXML package reads as other readers read it: namespace prefixes (Open XML SDK), a workbook part
// found through _rels/.rels, CDATA, Strict OOXML, entities decoded once. Each file is also read by SheetJS and
// the row counts compared.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { inline, num, shared, xlsxPackage } from '../fixtures/ooxml';
import { readAll, tempDir } from './helpers';

const PEOPLE = (p: string) =>
  `<${p}row r="1">${inline(p, 'A1', '姓名')}${inline(p, 'B1', '公司')}${inline(p, 'C1', '手机')}</${p}row>` +
  `<${p}row r="2">${inline(p, 'A2', '张三')}${inline(p, 'B2', 'AT&amp;amp;T')}${num(p, 'C2', '13800138000')}</${p}row>` +
  `<${p}row r="3">${inline(p, 'A3', '李四')}${inline(p, 'B3', '&lt;b&gt; &#x4E2D;')}${num(p, 'C3', '13900139000')}</${p}row>`;
const PEOPLE_ROWS = [
  { row: 2, cells: ['张三', 'AT&amp;T', '13800138000'] },
  { row: 3, cells: ['李四', '<b> 中', '13900139000'] },
];

async function written(name: string, data: Buffer): Promise<string> {
  const path = join(await tempDir(), name);
  await writeFile(path, data);
  return path;
}

/** Non-blank rows SheetJS finds in the first sheet. */
function sheetJsRows(path: string): number {
  const wb = XLSX.read(readFileSync(path));
  const ws = wb.Sheets[wb.SheetNames[0]!]!;
  return XLSX.utils.sheet_to_json(ws, { header: 1, blankrows: false }).length;
}

async function expectPeople(path: string) {
  const { info, rows } = await readAll(path);
  expect(info.headers).toEqual(['姓名', '公司', '手机']);
  expect(rows).toEqual(PEOPLE_ROWS);
  expect(sheetJsRows(path)).toBe(rows.length + 1);
}

describe('OOXML packages', () => {
  it('text exactly as typed: entities decoded once', async () => {
    await expectPeople(await written('plain.xlsx', xlsxPackage({ rows: PEOPLE })));
  });

  it('Open XML SDK output with a namespace prefix (<x:worksheet>)', async () => {
    await expectPeople(await written('prefixed.xlsx', xlsxPackage({ prefix: 'x', rows: PEOPLE })));
  });

  it('a workbook part found through _rels/.rels, not at xl/workbook.xml', async () => {
    await expectPeople(await written('moved.xlsx', xlsxPackage({ workbook: 'data/book.xml', rows: PEOPLE })));
  });

  it('Strict OOXML', async () => {
    await expectPeople(await written('strict.xlsx', xlsxPackage({ strict: true, rows: PEOPLE })));
  });

  it('CDATA and rich text in shared strings; phonetic guides dropped', async () => {
    const path = await written(
      'cdata.xlsx',
      xlsxPackage({
        prefix: 'x',
        shared: (p) =>
          `<${p}si><${p}t>姓名</${p}t></${p}si><${p}si><${p}t>手机</${p}t></${p}si>` +
          `<${p}si><${p}t><![CDATA[R&D <一部>]]></${p}t></${p}si>` +
          `<${p}si><${p}r><${p}t>欧阳</${p}t></${p}r><${p}r><${p}rPr><${p}b/></${p}rPr><${p}t xml:space="preserve">娜娜 </${p}t></${p}r>` +
          `<${p}rPh sb="0" eb="2"><${p}t>ouyang</${p}t></${p}rPh></${p}si>`,
        rows: (p) =>
          `<${p}row r="1">${shared(p, 'A1', 0)}${shared(p, 'B1', 1)}</${p}row>` +
          `<${p}row r="2">${shared(p, 'A2', 2)}${num(p, 'B2', '13800138000')}</${p}row>` +
          `<${p}row r="3">${shared(p, 'A3', 3)}${num(p, 'B3', '13900139000')}</${p}row>`,
      }),
    );
    const { rows } = await readAll(path);
    expect(rows).toEqual([
      { row: 2, cells: ['R&D <一部>', '13800138000'] },
      { row: 3, cells: ['欧阳娜娜 ', '13900139000'] },
    ]);
    expect(sheetJsRows(path)).toBe(3);
  });

  it('rows and cells without r attributes count on from the previous one', async () => {
    const path = await written(
      'no-refs.xlsx',
      xlsxPackage({
        rows: (p) =>
          `<${p}row><${p}c t="inlineStr"><${p}is><${p}t>a</${p}t></${p}is></${p}c><${p}c t="inlineStr"><${p}is><${p}t>b</${p}t></${p}is></${p}c></${p}row>` +
          `<${p}row><${p}c><${p}v>1</${p}v></${p}c><${p}c r="B2"><${p}v>2</${p}v></${p}c></${p}row>`,
      }),
    );
    expect((await readAll(path)).rows).toEqual([{ row: 2, cells: ['1', '2'] }]);
    expect(sheetJsRows(path)).toBe(2);
  });
});

describe('merged cells', () => {
  const company = (p: string) =>
    `<${p}row r="1">${inline(p, 'A1', '姓名')}${inline(p, 'B1', '公司')}${inline(p, 'C1', '手机')}</${p}row>` +
    `<${p}row r="2">${inline(p, 'A2', '张三')}${inline(p, 'B2', '钉钉')}${num(p, 'C2', '13800138000')}</${p}row>` +
    `<${p}row r="3">${inline(p, 'A3', '李四')}<${p}c r="B3" s="0"/>${num(p, 'C3', '13900139000')}</${p}row>` +
    `<${p}row r="4">${inline(p, 'A4', '王五')}${num(p, 'C4', '13700137000')}</${p}row>`;

  it('fill every row of their region with the region value', async () => {
    const path = await written('merged.xlsx', xlsxPackage({ prefix: 'x', rows: company, merges: ['B2:B4'] }));
    const { info, rows } = await readAll(path);
    expect(rows.map((r) => r.cells[1])).toEqual(['钉钉', '钉钉', '钉钉']);
    expect(info.mergedFilled).toEqual(['B2:B4']);
  });

  it('a merged header region is refused with one line naming the cells', async () => {
    const path = await written(
      'merged-header.xlsx',
      xlsxPackage({ rows: company, merges: ['A1:B1', 'C1:C2'] }),
    );
    const err = await readAll(path).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).toBe(
      `The header row of sheet "数据" in ${path} has merged cells A1:B1, C1:C2: unmerge them so each column has its own header`,
    );
  });
});
