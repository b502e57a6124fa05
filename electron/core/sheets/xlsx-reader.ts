// xlsx → raw rows with exceljs' streaming reader: rows are parsed and handed on one at a time.
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Row } from 'exceljs';
import { cellText } from './cell-text';
import { restoreNeutralised } from './formula-guard';
import { isBlank } from './headers';
import type { RawRow } from './raw-row';
import { mergedInlineStrings, withoutPhonetics } from './xml-filters';
import { SheetError } from './sheet-error';
import { notASpreadsheet } from './sniff';
import { entryText, readZipDirectory, type ZipEntry } from './zip-entries';

/** Filled in by xlsxRows as it learns about the workbook. */
export interface XlsxMeta {
  /** Sheet names in workbook order. */
  sheets: string[];
  /** The sheet whose rows were yielded. */
  sheet?: string;
}

// The parts of exceljs' streaming reader that its typings leave out. We drive its parsers ourselves, feeding
// them entries read through the zip's central directory (see zip-entries.ts).
interface StyleManagerLike {
  model?: { styles?: { numFmtId?: number }[] };
  getStyleModel(id: number): Record<string, unknown> | null;
  dtloadPatched?: boolean;
}
interface WorksheetReaderLike {
  name: string;
  state?: string;
  /** The sheet's parse events, a chunk's worth at a time (its row iterator yields them one by one). */
  parse(): AsyncIterable<{ eventType: string; value: unknown }[]>;
}
interface WorkbookReaderLike {
  model?: { sheets?: { name: string; id: number; rId: string; state?: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  properties?: { model?: { date1904?: boolean } };
  styles: StyleManagerLike;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: number): Iterator<{ value: WorksheetReaderLike }>;
}

/**
 * exceljs resolves a cell's style to a format code but drops the numFmt id, and it has no code for the
 * locale-dependent built-ins (27–36, 50–58: the Chinese date formats). Keep the id on the style model.
 */
function keepNumFmtIds(styles: StyleManagerLike): void {
  if (styles.dtloadPatched) return;
  const original = styles.getStyleModel.bind(styles);
  styles.getStyleModel = (id: number) => {
    const model = original(id);
    if (model && model.numFmtId === undefined) model.numFmtId = styles.model?.styles?.[id]?.numFmtId;
    return model;
  };
  styles.dtloadPatched = true;
}

/**
 * A standalone copy of `s`. The XML parser hands out substrings of its (much larger) text chunks, and V8
 * keeps a whole chunk alive for as long as one such "sliced" substring lives: 100,000 kept rows held
 * ~230 MB of XML instead of ~56 MB of cell text. A JSON round trip gives a flat copy (a cheaper-looking
 * `(' ' + s).slice(1)` leaves a slice of the copy: 10% more heap). V8 copies strings under 13 characters anyway.
 */
const standalone = (s: string): string => (s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string));

function rowCells(row: Row, date1904: boolean): string[] {
  // Sized up front: an array grown cell by cell keeps spare capacity (41 slots for 20 cells), and planning
  // keeps every row's cells.
  const cells = new Array<string>(row.cellCount).fill('');
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const style = cell.style as { numFmtId?: number } | undefined;
    const text = cellText(cell.value, { id: style?.numFmtId, code: cell.numFmt }, date1904);
    cells[col - 1] = standalone(restoreNeutralised(text));
  });
  return cells;
}

const isHidden = (state: string | undefined): boolean => state === 'hidden' || state === 'veryHidden';

interface SheetEntry {
  name: string;
  state?: string;
  entry: ZipEntry;
}

/** Opens the workbook: parses rels, workbook, shared strings and styles; lists sheets in workbook order. */
async function openWorkbook(path: string): Promise<{ reader: WorkbookReaderLike; sheets: SheetEntry[] }> {
  let zip: Map<string, ZipEntry>;
  try {
    zip = await readZipDirectory(path, (await stat(path)).size);
  } catch {
    throw notASpreadsheet(path, 'it is damaged or not an Excel workbook');
  }
  const workbookEntry = zip.get('xl/workbook.xml');
  const relsEntry = zip.get('xl/_rels/workbook.xml.rels');
  if (!workbookEntry || !relsEntry) throw notASpreadsheet(path, 'it is a zip file but not an Excel workbook');

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookReaderLike;
  const stream = (entry: ZipEntry): Readable => Readable.from(entryText(path, entry));
  try {
    await reader._parseRels(stream(relsEntry));
    await reader._parseWorkbook(stream(workbookEntry));
    const shared = zip.get('xl/sharedStrings.xml');
    if (shared) {
      const text = Readable.from(withoutPhonetics(entryText(path, shared)));
      for await (const _ of reader._parseSharedStrings(text));
    }
    const styles = zip.get('xl/styles.xml');
    if (styles) await reader._parseStyles(stream(styles));
  } catch {
    throw notASpreadsheet(path, 'it is damaged or not an Excel workbook');
  }
  keepNumFmtIds(reader.styles);

  const sheets: SheetEntry[] = [];
  for (const sheet of reader.model?.sheets ?? []) {
    const target = reader.workbookRels?.find((r) => r.Id === sheet.rId)?.Target;
    if (!target) continue;
    const entryPath = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const entry = zip.get(entryPath);
    if (entry) sheets.push({ name: sheet.name, state: sheet.state, entry });
  }
  if (sheets.length === 0) throw notASpreadsheet(path, 'it is a zip file but not an Excel workbook');
  return { reader, sheets };
}

/**
 * Rows of one sheet, in batches: `want` by name, or else the first visible sheet with a non-blank row (whose name is
 * then recorded in meta.sheet). Returns without rows when no sheet has data; throws 'no-sheet' when `want`
 * does not exist.
 */
export async function* xlsxRowBatches(
  path: string,
  want: string | undefined,
  meta: XlsxMeta,
): AsyncGenerator<RawRow[]> {
  const { reader, sheets } = await openWorkbook(path);
  meta.sheets = sheets.map((s) => s.name);
  if (want !== undefined && !meta.sheets.includes(want)) {
    throw new SheetError(
      'no-sheet',
      `${path} has no sheet named "${want}" (sheets: ${meta.sheets.join(', ')})`,
    );
  }
  const date1904 = reader.properties?.model?.date1904 === true;
  for (const [i, sheet] of sheets.entries()) {
    if (want !== undefined ? sheet.name !== want : isHidden(sheet.state)) continue;
    const xml = mergedInlineStrings(entryText(path, sheet.entry));
    const ws = reader._parseWorksheet(xml, i + 1).next().value?.value;
    if (!ws) continue;
    let found = want !== undefined;
    if (found) meta.sheet = sheet.name;
    try {
      for await (const events of ws.parse()) {
        const batch: RawRow[] = [];
        for (const { eventType, value } of events) {
          if (eventType !== 'row') continue;
          const row = value as Row;
          const cells = rowCells(row, date1904);
          if (!found) {
            if (isBlank(cells)) continue;
            found = true;
            meta.sheet = sheet.name;
          }
          batch.push({ row: row.number, cells });
        }
        if (batch.length > 0) yield batch;
      }
    } catch (e) {
      if (e instanceof SheetError) throw e;
      throw notASpreadsheet(path, `sheet "${sheet.name}" is damaged`);
    }
    if (found) return;
  }
}
