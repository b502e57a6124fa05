// Workbooks in the other spreadsheet formats admins keep — Excel 97-2003 .xls, WPS .et, LibreOffice .ods,
// Excel .xlsb, SpreadsheetML 2003 / HTML tables named .xls, Apple Numbers — read with SheetJS Community
// Edition (@e965/xlsx, the registry republication of 0.20.3). These formats are read whole (SheetJS has no
// streaming reader), so their size is capped; rows then go through the same sheet source as xlsx and csv.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type * as XLSX from '@e965/xlsx';
import { listSome } from '../../../shared/clip';
import { cellName, type CellRange } from './cell-ref';
import { isBlank } from './headers';
import { MAX_CELL_CHARS, MAX_WHOLE_FILE_BYTES } from './limits';
import { notSpreadsheetText, sheetText } from './messages';
import { markupText } from './markup-text';
import { formatNumber } from './number-format';
import { odsHidden, type OdsHidden } from './ods-hidden';
import { dateText } from './number-text';
import type { RawRow } from './raw-row';
import { SheetError } from './sheet-error';
import type { XlsxMeta, XlsxReadOptions } from './xlsx-reader';

/** SheetJS, loaded on first use: xlsx and csv reads (and the CLI's start) do not pay for it. */
let sheetjs: Promise<typeof XLSX> | undefined;
const loadSheetJs = (): Promise<typeof XLSX> =>
  (sheetjs ??= Promise.all([import('@e965/xlsx'), import('@e965/xlsx/dist/cpexcel.full.mjs')]).then(
    ([lib, cptable]) => {
      // Code pages for BIFF5 and older .xls (GBK 936, Big5 950…), which store text in the writer's ANSI code page.
      lib.set_cptable(cptable);
      return lib;
    },
  ));

/**
 * SheetJS reports records it skips in a damaged .xls on console.error ("Missing Info for XLS Record …"); the
 * admin gets one line from us instead. XLSX.read is synchronous, so nothing else logs meanwhile.
 */
function quietly<T>(read: () => T): T {
  const error = console.error;
  console.error = () => undefined;
  try {
    return read();
  } finally {
    console.error = error;
  }
}

/** What a file's format is called in messages. */
export function workbookFormatName(path: string, bookType?: string): string {
  const t = (bookType ?? extname(path).slice(1)).toLowerCase();
  if (t === 'et') return 'WPS (.et)';
  if (t === 'ods' || t === 'fods') return 'OpenDocument (.ods)';
  if (t === 'xlsb') return 'Excel binary (.xlsb)';
  if (t === 'numbers') return 'Apple Numbers';
  return 'Excel 97-2003 (.xls)';
}

const books = new Map<string, { mtimeMs: number; size: number; wb: XLSX.WorkBook }>();

/** Reads (and keeps, for the next pass over the same unchanged file) the workbook. */
async function loadBook(path: string): Promise<XLSX.WorkBook> {
  const st = await stat(path);
  const kept = books.get(path);
  if (kept && kept.mtimeMs === st.mtimeMs && kept.size === st.size) return kept.wb;
  if (st.size > MAX_WHOLE_FILE_BYTES) {
    throw new SheetError(
      'too-large',
      sheetText('zipTooBig', { path, limit: `${MAX_WHOLE_FILE_BYTES / 1024 ** 2} MB` }),
    );
  }
  const data = await readFile(path);
  const lib = await loadSheetJs();
  // A markup "xls" (an HTML table, SpreadsheetML 2003) goes in as decoded text, each cell read as written:
  // SheetJS otherwise guesses numbers and dates in an HTML table (013800138000 lost its zero, an 18-digit id its
  // last digits, 000123 read 123). raw changes only how text formats are parsed.
  const text = await markupText(path, data);
  let wb: XLSX.WorkBook;
  try {
    wb = quietly(() =>
      lib.read(text ?? data, {
        type: text === undefined ? 'buffer' : 'string',
        dense: true,
        cellNF: true,
        cellDates: false,
        cellHTML: false,
        raw: text !== undefined,
      }),
    );
  } catch (e) {
    const why = String((e as Error)?.message ?? e);
    if (/password|encrypt/i.test(why))
      throw new SheetError('not-a-spreadsheet', notSpreadsheetText(path, 'encrypted'));
    if (/numbers/i.test(why) || extname(path).toLowerCase() === '.numbers')
      throw new SheetError('not-a-spreadsheet', notSpreadsheetText(path, 'numbers'));
    throw new SheetError(
      'not-a-spreadsheet',
      notSpreadsheetText(path, 'legacyDamaged', { format: workbookFormatName(path) }),
    );
  }
  // Keep one workbook: the sheet source reads the same file a few times in a row.
  books.clear();
  books.set(path, { mtimeMs: st.mtimeMs, size: st.size, wb });
  return wb;
}

function cellText(cell: XLSX.CellObject | undefined, date1904: boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return cell?.w ?? '';
  switch (cell.t) {
    case 's':
      return String(cell.v);
    case 'n':
      return formatNumber(
        cell.v as number,
        { code: typeof cell.z === 'string' ? cell.z : undefined },
        date1904,
      );
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'd':
      return cell.v instanceof Date ? dateText(cell.v) : String(cell.v);
    case 'e':
      return cell.w ?? '';
    default:
      return String(cell.v);
  }
}

export type WorkbookFormat = 'xls' | 'ods' | 'xlsb' | 'numbers' | 'xml' | 'html';

/** The format of a workbook SheetJS read (the file is read already: this is the kept copy). */
export async function workbookFormatOf(path: string): Promise<WorkbookFormat> {
  const t = (await loadBook(path)).bookType as string | undefined;
  if (t === 'ods' || t === 'fods') return 'ods';
  if (t === 'xlsb' || t === 'numbers' || t === 'html') return t;
  if (t === 'xlml') return 'xml';
  return 'xls';
}

const isHidden = (hidden: number | undefined): boolean => hidden === 1 || hidden === 2;

/** .ods hidden sheets and rows, read once per kept workbook (SheetJS does not report them for this format). */
const odsHiddenOf = new WeakMap<XLSX.WorkBook, Promise<OdsHidden>>();
function odsHiddenIn(path: string, wb: XLSX.WorkBook): Promise<OdsHidden> {
  let hidden = odsHiddenOf.get(wb);
  if (!hidden) odsHiddenOf.set(wb, (hidden = odsHidden(path)));
  return hidden;
}

/** The same contract as xlsxRowBatches, for a workbook SheetJS reads. */
export async function* workbookRowBatches(
  path: string,
  want: string | undefined,
  meta: XlsxMeta,
  opts: XlsxReadOptions = {},
): AsyncGenerator<RawRow[]> {
  const wb = await loadBook(path);
  const props = wb.Workbook?.Sheets ?? [];
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  meta.sheets = [...wb.SheetNames];
  meta.hidden = wb.SheetNames.filter((_, i) => isHidden(props[i]?.Hidden));
  const ods = wb.bookType === 'ods' ? await odsHiddenIn(path, wb) : undefined;
  if (ods) meta.hidden = ods.sheets;
  if (want !== undefined && !meta.sheets.includes(want)) {
    throw new SheetError(
      'no-sheet',
      sheetText('noSheetNamed', { path, want, sheets: listSome(meta.sheets, 'en', 8) }),
    );
  }
  const width = opts.width ?? Infinity;
  const hidden = new Set(meta.hidden);
  for (const name of wb.SheetNames) {
    if (want !== undefined ? name !== want : hidden.has(name)) continue;
    const ws = wb.Sheets[name];
    const data = (ws?.['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
    const merges: CellRange[] = (ws?.['!merges'] ?? []).map((m) => ({
      r1: m.s.r + 1,
      c1: m.s.c + 1,
      r2: m.e.r + 1,
      c2: m.e.c + 1,
    }));
    // Each merged range's value fills its first column down, by row: a covered cell SheetJS leaves out at the
    // end of a row is filled too, as the xlsx reader does.
    const fills = new Map<number, Map<number, string>>();
    for (const m of merges) {
      if (m.r2 === m.r1) continue;
      const top = cellText(data[m.r1 - 1]?.[m.c1 - 1], date1904);
      if (top === '') continue;
      for (let r = m.r1 + 1; r <= m.r2; r++) {
        const row = fills.get(r) ?? new Map<number, string>();
        fills.set(r, row.set(m.c1, top));
      }
    }
    // Hidden rows (.xls, .xlsb; .ods from its content) and columns where SheetJS reports them without cellStyles.
    const rowProps = ws?.['!rows'];
    const odsRows = ods?.rows.get(name);
    const hiddenColumns: number[] = [];
    (ws?.['!cols'] ?? []).forEach((col, i) => {
      if (col?.hidden) hiddenColumns.push(i + 1);
    });
    let found = want !== undefined;
    let batch: RawRow[] = [];
    for (let r = 0; r < data.length; r++) {
      const rowCells = data[r];
      if (!rowCells) continue;
      const fill = fills.get(r + 1);
      let length = rowCells.length;
      if (fill) for (const c of fill.keys()) length = Math.max(length, c);
      const cells: string[] = [];
      let outside: { col: number; text: string }[] | undefined;
      for (let c = 0; c < length; c++) {
        let text = cellText(rowCells[c], date1904);
        if (fill) text = fill.get(c + 1) ?? text;
        if (text.length > MAX_CELL_CHARS) {
          throw new SheetError(
            'too-large',
            sheetText('cellTooLong', { path, sheet: name, cell: cellName(r + 1, c + 1) }),
          );
        }
        if (c < width) cells[c] = text;
        else if (text !== '') (outside ??= []).push({ col: c + 1, text });
      }
      for (let c = 0; c < cells.length; c++) cells[c] ??= '';
      if (!found) {
        if (isBlank(cells)) continue;
        found = true;
      }
      if (found && meta.sheet === undefined) {
        meta.sheet = name;
        meta.merges = merges;
        meta.hiddenColumns = hiddenColumns;
      }
      const row: RawRow = outside ? { row: r + 1, cells, outside } : { row: r + 1, cells };
      if (rowProps?.[r]?.hidden || odsRows?.has(r + 1)) row.hidden = true;
      batch.push(row);
      if (batch.length >= 500) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    if (found) {
      meta.sheet = name;
      meta.merges = merges;
      meta.hiddenColumns = hiddenColumns;
      return;
    }
  }
}
