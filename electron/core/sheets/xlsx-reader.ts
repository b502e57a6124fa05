// xlsx → raw rows with exceljs' streaming reader: rows are parsed and handed on one at a time.
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Row } from 'exceljs';
import { cellText } from './cell-text';
import { restoreNeutralised } from './formula-guard';
import { isBlank } from './headers';
import type { RawRow } from './raw-row';
import { SheetError } from './sheet-error';
import { notASpreadsheet } from './sniff';

/** Filled in by xlsxRows as it learns about the workbook. */
export interface XlsxMeta {
  /** Sheet names in workbook order. */
  sheets: string[];
  /** The sheet whose rows were yielded. */
  sheet?: string;
}

// The parts of exceljs' streaming reader that its typings leave out.
interface StyleManagerLike {
  model?: { styles?: { numFmtId?: number }[] };
  getStyleModel(id: number): Record<string, unknown> | null;
  dtloadPatched?: boolean;
}
interface WorkbookReaderLike {
  model?: { sheets?: { name: string; state?: string }[] };
  properties?: { model?: { date1904?: boolean } };
  styles: StyleManagerLike;
}
interface WorksheetReaderLike extends AsyncIterable<Row> {
  name: string;
  state?: string;
  iterator?: { destroy?: () => void };
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

function rowCells(row: Row, date1904: boolean): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const style = cell.style as { numFmtId?: number } | undefined;
    const text = cellText(cell.value, { id: style?.numFmtId, code: cell.numFmt }, date1904);
    cells[col - 1] = restoreNeutralised(text);
  });
  for (let i = 0; i < cells.length; i++) cells[i] ??= '';
  return cells;
}

const isHidden = (ws: WorksheetReaderLike): boolean => ws.state === 'hidden' || ws.state === 'veryHidden';

/**
 * Rows of one sheet: `want` by name, or else the first visible sheet with a non-blank row (whose name is
 * then recorded in meta.sheet). Returns without rows when no sheet has data; throws 'no-sheet' when `want`
 * does not exist.
 */
export async function* xlsxRows(
  path: string,
  want: string | undefined,
  meta: XlsxMeta,
): AsyncGenerator<RawRow> {
  const input = createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookReaderLike & AsyncIterable<WorksheetReaderLike>;
  let sawSheet = false;
  let current: WorksheetReaderLike | undefined;
  try {
    for await (const ws of reader) {
      current = ws;
      if (!sawSheet) {
        sawSheet = true;
        meta.sheets = (reader.model?.sheets ?? []).map((s) => s.name);
        keepNumFmtIds(reader.styles);
        if (want !== undefined && meta.sheets.length > 0 && !meta.sheets.includes(want)) break;
      }
      if (!meta.sheets.includes(ws.name)) meta.sheets.push(ws.name);
      if (want !== undefined ? ws.name !== want : isHidden(ws)) continue;
      const date1904 = reader.properties?.model?.date1904 === true;
      let found = want !== undefined;
      if (found) meta.sheet = ws.name;
      for await (const row of ws) {
        const cells = rowCells(row, date1904);
        if (!found) {
          if (isBlank(cells)) continue;
          found = true;
          meta.sheet = ws.name;
        }
        yield { row: row.number, cells };
      }
      if (found) return;
    }
  } catch (e) {
    if (e instanceof SheetError) throw e;
    throw notASpreadsheet(path, 'it is damaged or not an Excel workbook');
  } finally {
    current?.iterator?.destroy?.();
    input.destroy();
  }
  if (!sawSheet) throw notASpreadsheet(path, 'it is a zip file but not an Excel workbook');
  if (want !== undefined) {
    throw new SheetError(
      'no-sheet',
      `${path} has no sheet named "${want}" (sheets: ${meta.sheets.join(', ')})`,
    );
  }
}
