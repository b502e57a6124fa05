import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeTemplate } from '../../electron/core/sheets';
import { tempDir } from './helpers';

let path: string;
const LABELS = Array.from({ length: 120 }, (_, i) => `标签${i + 1}-客户等级`);
const HEADERS = ['姓名', '手机', '标签', '负责人'];

beforeAll(async () => {
  path = join(await tempDir(), 'template.xlsx');
  await writeTemplate(path, {
    headers: HEADERS,
    notes: { 手机: '11 位手机号', 标签: '从下拉列表选择' },
    lists: [
      { header: '标签', values: LABELS },
      { header: '负责人', values: ['张三', '李四'] },
    ],
  });
});

async function load() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

type Validations = { model: Record<string, ExcelJS.DataValidation | undefined> };
const validations = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: Validations }).dataValidations.model;

describe('writeTemplate', () => {
  it('writes the header row frozen, with notes and an instructions sheet', async () => {
    const wb = await load();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Contacts', 'Instructions', 'Lists']);
    const ws = wb.getWorksheet('Contacts')!;
    expect(ws.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const note = ws.getCell('B1').note;
    const noteText = typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('');
    expect(noteText).toBe('11 位手机号');
    const help = wb.getWorksheet('Instructions')!;
    expect(help.getRow(4).values).toEqual([undefined, '标签', '从下拉列表选择']);
  });

  it('puts list values on a hidden sheet and drop-downs over rows 2..5000', async () => {
    const wb = await load();
    const lists = wb.getWorksheet('Lists')!;
    expect(lists.state).toBe('hidden');
    expect(lists.getColumn(1).values.slice(1)).toEqual(LABELS);
    expect(lists.getColumn(2).values.slice(1)).toEqual(['张三', '李四']);
    const dv = validations(wb.getWorksheet('Contacts')!);
    for (const cell of ['C2', 'C2500', 'C5000']) {
      expect(dv[cell]).toMatchObject({
        type: 'list',
        allowBlank: true,
        formulae: [`'Lists'!$A$1:$A$${LABELS.length}`],
      });
    }
    expect(dv.D2).toMatchObject({ type: 'list', formulae: ["'Lists'!$B$1:$B$2"] });
    expect(dv.C1).toBeUndefined();
    expect(dv.C5001).toBeUndefined();
    expect(dv.A2).toBeUndefined();
    // more than Excel's 255-character limit for inline lists
    expect(LABELS.join(',').length).toBeGreaterThan(255);
  });

  it('rejects a list for a header the template does not have', async () => {
    await expect(
      writeTemplate(join(await tempDir(), 't.xlsx'), {
        headers: ['a'],
        lists: [{ header: 'b', values: ['x'] }],
      }),
    ).rejects.toThrow('list for unknown header "b"');
  });
});
