// writeTemplate: a blank import workbook. Drop-downs read their values from a hidden "Lists" sheet because
// inline list validations are capped at 255 characters (a few dozen label names).
import ExcelJS from 'exceljs';
import { writeFailure } from './open-output';
import type { TemplateInstructions, TemplateOptions } from './types';
import { defaultWidth, safeSheetName } from './xlsx-writer';

/** Rows 2..TEMPLATE_ROWS of a list column get the drop-down. */
export const TEMPLATE_ROWS = 5000;
export const LISTS_SHEET = 'Lists';
export const INSTRUCTIONS_SHEET = 'Instructions';

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** exceljs supports range validations (one sqref, not 5000 cells) but its typings only expose per-cell ones. */
const rangeValidations = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;

/** A sheet an admin reads before filling in: a title, a few paragraphs, then one row per column. */
function writeInstructions(workbook: ExcelJS.Workbook, ins: TemplateInstructions): void {
  const sheet = workbook.addWorksheet(safeSheetName(ins.sheetName, INSTRUCTIONS_SHEET));
  sheet.columns = [{ width: 22 }, { width: 14 }, { width: 70 }, { width: 26 }];
  const title = sheet.addRow([ins.title]);
  title.font = { bold: true, size: 14 };
  for (const p of ins.paragraphs) {
    const row = sheet.addRow([p]);
    sheet.mergeCells(row.number, 1, row.number, 4);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    // Merged cells do not grow with their text: give long paragraphs the lines they need.
    row.height = 16 * Math.max(1, Math.ceil(p.length / 60));
  }
  sheet.addRow([]);
  sheet.addRow(ins.tableHeader).font = { bold: true };
  for (const r of ins.rows) {
    const row = sheet.addRow(r);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
}

export async function writeTemplate(path: string, opts: TemplateOptions): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheetName = safeSheetName(opts.sheetName, 'Contacts');
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  sheet.columns = opts.headers.map((h) => ({ width: Math.max(12, defaultWidth(h)) }));
  const header = sheet.addRow(opts.headers);
  header.font = { bold: true };
  const notes = opts.notes ?? {};
  opts.headers.forEach((h, i) => {
    if (notes[h]) header.getCell(i + 1).note = notes[h];
  });

  if (opts.instructions) writeInstructions(workbook, opts.instructions);
  else {
    const instructions = workbook.addWorksheet(INSTRUCTIONS_SHEET);
    instructions.columns = [{ width: 24 }, { width: 80 }];
    instructions.addRow(['Column', 'How to fill it']).font = { bold: true };
    for (const h of opts.headers) instructions.addRow([h, notes[h] ?? '']);
    instructions.addRow([]);
    instructions.addRow([
      `Fill in "${sheetName}" from row 2. Columns with a drop-down only accept listed values.`,
    ]);
  }

  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  opts.lists.forEach((list, i) => {
    const col = opts.headers.indexOf(list.header) + 1;
    if (col === 0) throw new Error(`writeTemplate: list for unknown header "${list.header}"`);
    if (list.values.length === 0) return;
    const listCol = columnLetter(i + 1);
    list.values.forEach((v, r) => {
      lists.getCell(`${listCol}${r + 1}`).value = v;
    });
    const letter = columnLetter(col);
    rangeValidations(sheet).add(`${letter}2:${letter}${TEMPLATE_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${LISTS_SHEET}'!$${listCol}$1:$${listCol}$${list.values.length}`],
      // Several values in one cell are typed, not picked: Excel must not refuse them.
      showErrorMessage: !list.multiple,
      errorStyle: 'error',
      errorTitle: list.header,
      error: opts.listError ?? 'Pick a value from the list.',
      ...(list.prompt
        ? { showInputMessage: true, promptTitle: list.header.slice(0, 32), prompt: list.prompt.slice(0, 255) }
        : {}),
    });
  });

  try {
    await workbook.xlsx.writeFile(path);
  } catch (e) {
    throw writeFailure(path, e);
  }
}
