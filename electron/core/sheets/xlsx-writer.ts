// xlsx writer: exceljs' streaming WorkbookWriter, each row committed as it is added, so exports of any size
// use constant memory. Bold, frozen, filterable header. Text goes in string cells exactly as given: a string
// cell cannot execute, so `=SUM(1)` or `-Lee` needs no apostrophe here (only CSV does, see csv-writer.ts).
import ExcelJS from 'exceljs';
import { encodeXmlEscapes } from './xml-escapes';
import { openOutput, writeFailure } from './open-output';
import type { SheetCell, SheetWriter, SheetWriterOptions } from './types';

/** Excel forbids : \ / ? * [ ] in sheet names and caps them at 31 characters. */
export function safeSheetName(name: string | undefined, fallback = 'Sheet1'): string {
  const cleaned = (name ?? '')
    .replace(/[:\\/?*[\]]/g, ' ')
    .trim()
    .slice(0, 31);
  return cleaned || fallback;
}

/** Wide enough for the header (CJK characters count double), within 10..40 characters. */
export function defaultWidth(header: string): number {
  const width = [...header].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
  return Math.min(40, Math.max(10, width + 4));
}

export function xlsxValue(value: SheetCell): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return encodeXmlEscapes(String(value));
}

export async function createXlsxWriter(path: string, opts: SheetWriterOptions): Promise<SheetWriter> {
  const out = await openOutput(path);
  let failure: Error | undefined;
  out.on('error', (e) => (failure ??= writeFailure(path, e)));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const n = opts.headers.length;
  const titles = opts.titleRows ?? [];
  const at = titles.length + 1; // the header's row
  const sheet = workbook.addWorksheet(safeSheetName(opts.sheetName), {
    views:
      opts.freezeHeader === false
        ? []
        : [{ state: 'frozen', xSplit: 0, ySplit: at, topLeftCell: `A${at + 1}`, activeCell: `A${at + 1}` }],
  });
  if (opts.autoFilter !== false && n > 0)
    sheet.autoFilter = { from: { row: at, column: 1 }, to: { row: at, column: n } };
  const widths = opts.columnWidths ?? opts.headers.map(defaultWidth);
  sheet.columns = widths.map((width) => ({ width }));
  for (const t of titles) sheet.addRow([xlsxValue(t)]).commit();
  const header = sheet.addRow(opts.headers.map((h) => xlsxValue(h)));
  header.font = { bold: true };
  header.commit();

  let closing: Promise<void> | undefined;
  const finish = async (): Promise<void> => {
    if (failure) throw failure;
    sheet.commit();
    try {
      await workbook.commit();
    } catch (e) {
      throw failure ?? writeFailure(path, e);
    }
    if (failure) throw failure;
  };
  return {
    addRow(cells) {
      if (closing) throw new Error(`Cannot add a row to ${path}: the writer is closed`);
      if (failure) throw failure;
      sheet.addRow(cells.map(xlsxValue)).commit();
    },
    close: () => (closing ??= finish()),
  };
}
