// One worksheet part → raw rows, streamed: saxes events drive a small state machine over <row>, <c>, <v>
// and <is>; rows are handed on in batches, one per inflated chunk. Limits (Excel's rows, columns and cell
// length) are checked as the XML arrives.
import { cellName, columnOf, type CellRange } from './cell-ref';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS } from './limits';
import { formatNumber } from './number-format';
import { dateText } from './number-text';
import type { RawRow } from './raw-row';
import { standalone } from './standalone';
import { decodeXmlEscapes } from './xml-escapes';
import { xmlParser } from './xml-stream';
import type { Workbook } from './xlsx-workbook';
import type { ZipArchive } from './zip-archive';

/** A limit passed inside the sheet; the reader turns it into a SheetError naming the file and sheet. */
export class SheetLimitError extends Error {
  constructor(
    readonly limit: 'cell' | 'rows' | 'columns',
    readonly cell: string,
  ) {
    super(limit);
  }
}

export interface SheetReadOptions {
  /** Keep at most this many columns in `cells`; non-empty cells further right go to `outside`. */
  width?: number;
  /** Merged ranges: each covered row takes the top-left value in the range's first column. */
  merges?: CellRange[];
  /** Filled with the hidden columns (1-based) as the sheet's <cols> arrive, before its rows. */
  hiddenColumns?: number[];
}

function cellValue(type: string, v: string, inline: string | undefined, style: number, wb: Workbook): string {
  switch (type) {
    case 's': {
      const i = Number(v);
      return Number.isInteger(i) ? (wb.shared[i] ?? '') : '';
    }
    case 'inlineStr':
      return decodeXmlEscapes(inline ?? '');
    case 'str':
      return decodeXmlEscapes(v);
    case 'b':
      return v.trim() === '1' || v.trim() === 'true' ? 'TRUE' : v.trim() === '' ? '' : 'FALSE';
    case 'e':
      return v;
    case 'd': {
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
      return Number.isNaN(d.getTime()) ? v : dateText(d);
    }
    default: {
      if (inline !== undefined && v === '') return decodeXmlEscapes(inline);
      if (v.trim() === '') return '';
      const n = Number(v);
      return Number.isNaN(n) ? v : formatNumber(n, wb.styles[style] ?? {}, wb.date1904);
    }
  }
}

/** Rows of one sheet part in batches. Throws SheetLimitError, or any error when the XML is malformed. */
export async function* sheetRowBatches(
  zip: ZipArchive,
  wb: Workbook,
  part: string,
  opts: SheetReadOptions = {},
): AsyncGenerator<RawRow[]> {
  const width = opts.width ?? MAX_COLUMNS;
  // Merges by their first row; `filling` holds the ranges whose value is being carried down, by column.
  const startsAt = new Map<number, CellRange[]>();
  for (const m of opts.merges ?? []) {
    if (m.r2 === m.r1) continue;
    const list = startsAt.get(m.r1);
    if (list) list.push(m);
    else startsAt.set(m.r1, [m]);
  }
  const filling = new Map<number, { value: string; until: number }>();

  let batch: RawRow[] = [];
  let rowNo = 0;
  let cols: number[] = [];
  let texts: string[] = [];
  let col = 0;
  let type = '';
  let style = 0;
  let v = '';
  let inline: string | undefined;
  let inV = false;
  let inT = false;
  let inPhonetic = false;
  let inRow = false;
  let ended = false;
  let formula = false;
  let rowHidden = false;
  let noResult: number[] | undefined;

  const tooLong = (s: string): void => {
    if (s.length > MAX_CELL_CHARS) throw new SheetLimitError('cell', cellName(rowNo, col));
  };

  const endRow = (): void => {
    inRow = false;
    if (startsAt.size > 0 || filling.size > 0) fillMerged();
    if (cols.length === 0) return;
    let last = 0;
    for (const c of cols) if (c > last) last = c;
    const cells = new Array<string>(Math.min(last, width)).fill('');
    let outside: { col: number; text: string }[] | undefined;
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i]!;
      if (c <= width) cells[c - 1] = standalone(texts[i]!);
      else (outside ??= []).push({ col: c, text: standalone(texts[i]!) });
    }
    const row: RawRow = outside ? { row: rowNo, cells, outside } : { row: rowNo, cells };
    if (rowHidden) row.hidden = true;
    if (noResult) row.noResult = noResult;
    batch.push(row);
  };

  const fillMerged = (): void => {
    for (const [c, f] of filling) if (f.until < rowNo) filling.delete(c);
    for (const [c, f] of filling) {
      const i = cols.indexOf(c);
      // Excel shows the range's value over the whole range, whatever a covered cell still holds.
      if (i < 0) {
        cols.push(c);
        texts.push(f.value);
      } else texts[i] = f.value;
    }
    for (const m of startsAt.get(rowNo) ?? []) {
      const i = cols.indexOf(m.c1);
      const value = i < 0 ? '' : texts[i]!;
      if (value !== '') filling.set(m.c1, { value, until: m.r2 });
    }
  };

  const p = xmlParser({
    open(name, a) {
      if (ended) return;
      switch (name) {
        case 'row': {
          const r = Number(a.r);
          rowNo = Number.isInteger(r) && r > rowNo ? r : rowNo + 1;
          if (rowNo > MAX_ROWS) throw new SheetLimitError('rows', String(rowNo));
          cols = [];
          texts = [];
          col = 0;
          inRow = true;
          rowHidden = a.hidden === '1' || a.hidden === 'true';
          noResult = undefined;
          break;
        }
        case 'c': {
          const ref = a.r;
          const c = ref ? columnOf(ref) : 0;
          col = c > 0 ? c : col + 1;
          if (col > MAX_COLUMNS) throw new SheetLimitError('columns', ref ?? cellName(rowNo, col));
          type = a.t ?? 'n';
          style = a.s ? Number(a.s) : 0;
          v = '';
          inline = undefined;
          formula = false;
          break;
        }
        case 'f':
          formula = true;
          break;
        case 'v':
          inV = true;
          break;
        case 'is':
          inline = '';
          break;
        case 't':
          inT = inline !== undefined && !inPhonetic;
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 'col':
          if (opts.hiddenColumns && (a.hidden === '1' || a.hidden === 'true')) {
            const max = Math.min(Number(a.max), MAX_COLUMNS);
            for (let c = Number(a.min); c <= max; c++) opts.hiddenColumns.push(c);
          }
          break;
      }
    },
    close(name) {
      if (ended) return;
      switch (name) {
        case 'v':
          inV = false;
          break;
        case 't':
          inT = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c': {
          if (!inRow) break;
          // A formula with no saved result (empty, or a placeholder where the writer did not calculate)
          // reads as empty, and the row says which cell, for the admin's note.
          if (formula && (wb.uncalculated || (v === '' && type !== 'str'))) {
            (noResult ??= []).push(col);
            break;
          }
          const text = cellValue(type, v, inline, style, wb);
          if (text !== '') {
            tooLong(text);
            cols.push(col);
            texts.push(text);
          }
          break;
        }
        case 'row':
          endRow();
          break;
        case 'sheetData':
          // Everything after the rows (merges, formatting, page setup) is not data.
          ended = true;
          break;
      }
    },
    text(t) {
      if (inV) {
        v += t;
        tooLong(v);
      } else if (inT) {
        inline += t;
        tooLong(inline!);
      }
    },
  });

  for await (const chunk of zip.text(part)) {
    p.write(chunk);
    if (batch.length > 0) {
      const out = batch;
      batch = [];
      yield out;
    }
    if (ended) return;
  }
  p.close();
  if (batch.length > 0) yield batch;
}
