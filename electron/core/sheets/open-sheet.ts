// openSheet: one entry point for xlsx and CSV. Finds the sheet and header row with a short first pass, then
// every rows()/preview() call streams the file again from the start; nothing is held in memory.
import { basename, extname } from 'node:path';
import { csvRowBatches, detectCsvFormat } from './csv-reader';
import { HEADER_SCAN_ROWS, detectHeaderIndex, distinctHeaders, isBlank, trimTrailing } from './headers';
import { clip, listSome } from '../../../shared/clip';
import { cellName, columnLetters, rangeName, type CellRange } from './cell-ref';
import {
  LANGS,
  translate,
  type Lang,
  type Localised,
  type MessageKey,
  type Vars,
} from '../../../shared/i18n';
import { CellNotes, hiddenColumnsNote } from './cell-notes';
import { sheetText } from './messages';
import type { RawRow } from './raw-row';
import { SheetError, type SheetErrorCode } from './sheet-error';
import { otherSheetsWithData, sheetList, withOtherSheets, type SheetWithData } from './sheet-choice';
import { sniffFile } from './sniff';
import type { OpenOptions, SheetInfo, SheetRow, SheetSource } from './types';
import { workbookFormatOf, workbookRowBatches } from './workbook-reader';
import { packageKind, xlsxRowBatches, type XlsxMeta } from './xlsx-reader';

/**
 * Readers hand over rows in batches (a chunk's or a few hundred rows at a time): one await per batch
 * instead of a chain of async generators per row, which cost more than reading the rows.
 */
type RawBatches = AsyncIterable<RawRow[]>;
/** A fresh pass over the file; `full` keeps every column (preview), else rows are cut to the header's width. */
type RawPass = (full?: boolean) => RawBatches;

/** Reads non-blank rows until `enough` says stop (the underlying stream is closed on return). */
async function collect(batches: RawBatches, enough: (got: RawRow[]) => boolean): Promise<RawRow[]> {
  const got: RawRow[] = [];
  for await (const batch of batches) {
    for (const r of batch) {
      if (isBlank(r.cells)) continue;
      got.push(r);
      if (enough(got)) return got;
    }
  }
  return got;
}

const align = (cells: string[], width: number): string[] =>
  cells.length === width ? cells : Array.from({ length: width }, (_, i) => cells[i] ?? '');

/**
 * Merged ranges that cover the header row (refused) and those below it that readers fill down. A two-row
 * header's column name merged down onto the header row (姓名 over A2:A3, beside 联系方式 over 手机 | 邮箱) is
 * that column's header: readers fill it down, and it is not refused.
 */
function mergedAround(merges: CellRange[], headerRow: number): { header: string[]; filled: string[] } {
  const header: string[] = [];
  const filled: string[] = [];
  for (const m of merges) {
    const namesColumn = m.c1 === m.c2 && m.r2 === headerRow;
    if (m.r1 <= headerRow && m.r2 >= headerRow && (m.r2 > m.r1 || m.c2 > m.c1) && !namesColumn)
      header.push(rangeName(m));
    else if (m.r1 > headerRow && m.r2 > m.r1) filled.push(rangeName(m));
  }
  return { header, filled };
}

/** The 'values without a header' note, replaced on each full pass. */
function noteUnnamed(info: SheetInfo, firstValue: Map<number, number>): void {
  info.notes = info.notes.filter((n) => n.code !== 'empty-header-values');
  if (firstValue.size === 0) return;
  const cols = [...firstValue].sort((a, b) => a[0] - b[0]);
  const text = Object.fromEntries(
    LANGS.map((lang) => {
      const each = cols.map(([c, row]) =>
        translate(lang, 'sheet.valuesWithoutHeaderAt', {
          column: columnLetters(c + 1),
          cell: cellName(row, c + 1),
        }),
      );
      return [lang, translate(lang, 'sheet.valuesWithoutHeader', { columns: listSome(each, lang, 5) })];
    }),
  ) as Localised;
  info.notes.push({ code: 'empty-header-values', text });
}

/**
 * The sheet to import. Without a `sheet`, the first visible sheet with data, except that a first sheet whose
 * header row holds fewer than two known headers (an instructions sheet such as 填写说明 before the data, whose
 * "字段 | 说明" or "姓名 | 必填…" rows name a field or two) gives way to the next visible sheet whose header
 * holds more.
 */
export async function openSheet(path: string, opts: OpenOptions = {}): Promise<SheetSource> {
  const first = await openOneSheet(path, opts);
  const known = opts.isKnownHeader;
  if (opts.sheet !== undefined || !known || first.info.format === 'csv') return first;
  const knownIn = (s: SheetSource): number => s.info.headers.filter((h) => known(h)).length;
  const most = knownIn(first);
  if (most >= 2) return first;
  const hidden = new Set(first.info.hiddenSheets ?? []);
  for (const name of first.info.sheets) {
    if (name === first.info.sheet || hidden.has(name)) continue;
    try {
      const other = await openOneSheet(path, { ...opts, sheet: name });
      if (knownIn(other) > most) return other;
    } catch {
      // That sheet is empty or has only a header: not the data either.
    }
  }
  return first;
}

async function openOneSheet(path: string, opts: OpenOptions): Promise<SheetSource> {
  let kind = await sniffFile(path);
  if (kind === 'xlsx') kind = await packageKind(path);
  let raw: RawPass;
  // Set once the header is found; until then readers keep every column (the head is a few dozen rows).
  const cut: { width?: number } = {};
  let merges: CellRange[] = [];
  let info: Omit<SheetInfo, 'headerRow' | 'headers'>;
  /** Workbooks: the other sheets that hold data, for messages about the sheet read. */
  let sheetsOthers: ((except: string) => Promise<SheetWithData[]>) | undefined;
  let head: RawRow[];
  let hiddenColumns: number[] = [];
  const wanted = Number.isInteger(opts.headerRow) && opts.headerRow! >= 1 ? opts.headerRow : undefined;
  // Enough rows to detect (or find) the header plus one row after it, which proves there is data.
  const enough = (got: RawRow[]): boolean =>
    wanted !== undefined ? got.some((r) => r.row > wanted) : got.length > HEADER_SCAN_ROWS;

  if (kind === 'csv') {
    const format = await detectCsvFormat(path, opts.encoding);
    raw = () => csvRowBatches(path, format);
    const name = basename(path, extname(path));
    if (opts.sheet !== undefined && opts.sheet !== name) {
      throw new SheetError('no-sheet', sheetText('csvOneSheet', { path, name, want: clip(opts.sheet, 40) }));
    }
    info = {
      format: 'csv',
      sheets: [name],
      sheet: name,
      encoding: format.encoding,
      encodingSource: format.choice.how,
      delimiter: format.delimiter,
      notes: format.choice.doubt ? [{ code: 'encoding-guess', text: format.choice.doubt }] : [],
    };
    head = await collect(raw(), enough);
  } else {
    const read = kind === 'xlsx' ? xlsxRowBatches : workbookRowBatches;
    const meta: XlsxMeta = { sheets: [] };
    const others = (except: string): Promise<SheetWithData[]> =>
      otherSheetsWithData(meta.sheets, meta.hidden ?? [], except, (name) => read(path, name, { sheets: [] }));
    head = await collect(read(path, opts.sheet, meta), enough).catch(async (e: unknown) => {
      if (!(e instanceof SheetError) || e.code !== 'no-sheet' || meta.sheets.length === 0) throw e;
      // A sheet name the workbook lacks: list its sheets (hidden marked) and those that hold data.
      const listed = (lang: Lang): string =>
        sheetList(
          meta.sheets.map((name) => ({ name, hidden: meta.hidden?.includes(name) ?? false })),
          lang,
        );
      const text = Object.fromEntries(
        LANGS.map((lang) => [
          lang,
          translate(lang, 'sheet.noSheetNamed', {
            path,
            want: clip(opts.sheet ?? '', 40),
            sheets: listed(lang),
          }),
        ]),
      ) as Localised;
      throw new SheetError('no-sheet', withOtherSheets(text, await others(''), 1));
    });
    sheetsOthers = others;
    hiddenColumns = meta.hiddenColumns ?? [];
    const sheet = meta.sheet ?? opts.sheet ?? meta.sheets[0] ?? '';
    merges = meta.merges ?? [];
    const book = meta.book;
    // Data rows are read again once the header is known: keep only its width per row, and reuse the merges.
    raw = (full) => read(path, sheet, { sheets: [] }, { width: full ? undefined : cut.width, merges, book });
    info = {
      format: kind === 'xlsx' ? 'xlsx' : await workbookFormatOf(path),
      sheets: meta.sheets,
      sheet,
      notes: [],
    };
    if (meta.hidden?.length) info.hiddenSheets = meta.hidden;
    if (head.length === 0 && opts.sheet === undefined && meta.hidden?.length) {
      // Nothing visible: say which hidden sheets have data, and how to read one.
      const withData: string[] = [];
      for (const name of meta.hidden.slice(0, 20)) {
        const rows = await collect(read(path, name, { sheets: [] }), (got) => got.length > 0).catch(() => []);
        if (rows.length > 0) withData.push(name);
      }
      if (withData.length > 0) {
        const text = Object.fromEntries(
          LANGS.map((lang) => [
            lang,
            translate(lang, 'sheet.hiddenOnly', {
              path,
              sheets: listSome(withData, lang, 5, (n) => `"${n}"`),
              first: clip(withData[0]!, 40),
            }),
          ]),
        ) as Localised;
        throw new SheetError('empty', text);
      }
    }
  }

  const csv = info.format === 'csv';
  const where = (lang: Lang): string =>
    csv ? path : translate(lang, 'sheet.where', { sheet: clip(info.sheet, 40), path });
  /** A problem with the sheet read: named, with the workbook's other sheets that hold data. */
  const sheetProblem = async (
    code: SheetErrorCode,
    key: MessageKey,
    vars: Vars = {},
  ): Promise<SheetError> => {
    const text = Object.fromEntries(
      LANGS.map((lang) => [lang, translate(lang, key, { ...vars, where: where(lang), path })]),
    ) as Localised;
    if (csv || !sheetsOthers) return new SheetError(code, text);
    return new SheetError(code, withOtherSheets(text, await sheetsOthers(info.sheet), info.sheets.length));
  };
  if (head.length === 0) {
    throw !csv && opts.sheet === undefined
      ? new SheetError('empty', sheetText('noDataAnySheet', { path }))
      : await sheetProblem('empty', 'sheet.isEmpty');
  }

  let headerIndex: number;
  if (wanted !== undefined) {
    headerIndex = head.findIndex((r) => r.row === wanted);
    if (headerIndex < 0) {
      const last = head[head.length - 1]!.row;
      throw wanted > last
        ? await sheetProblem('header-only', 'sheet.noRowsAfter', { last, wanted })
        : await sheetProblem('empty', 'sheet.headerRowBlank', { wanted });
    }
  } else {
    headerIndex = detectHeaderIndex(
      head.map((r) => r.cells),
      opts.isKnownHeader,
    );
  }
  const headerRow = head[headerIndex]!;
  const headers = distinctHeaders(trimTrailing(headerRow.cells));
  if (headerIndex === head.length - 1) {
    throw await sheetProblem('header-only', 'sheet.headerOnly', { row: headerRow.row });
  }

  const merged = mergedAround(merges, headerRow.row);
  if (merged.header.length > 0) {
    throw new SheetError(
      'merged-header',
      sheetText('mergedHeader', { path, sheet: info.sheet, cells: listSome(merged.header, 'en', 5) }),
    );
  }
  const fullInfo: SheetInfo = { ...info, headerRow: headerRow.row, headers };
  if (merged.filled.length > 0) {
    fullInfo.mergedFilled = merged.filled;
    fullInfo.notes.push({
      code: 'merged-cells',
      text: {
        en: sheetText('mergedFilled', { cells: listSome(merged.filled, 'en', 5) }).en,
        'zh-CN': sheetText('mergedFilled', { cells: listSome(merged.filled, 'zh-CN', 5) })['zh-CN'],
      },
    });
  }
  const hiddenNote = hiddenColumnsNote(hiddenColumns, headers);
  if (hiddenNote) fullInfo.notes.push(hiddenNote);
  const width = headers.length;
  cut.width = width;
  // Columns whose header cell is empty: their values are not imported, and the admin is told so.
  const unnamed: number[] = [];
  for (let i = 0; i < width; i++) if ((headerRow.cells[i] ?? '').trim() === '') unnamed.push(i);

  async function* batches(): AsyncGenerator<SheetRow[]> {
    const flagged = new CellNotes();
    const firstValue = new Map<number, number>();
    const seen = (col: number, row: number): void => {
      if (!firstValue.has(col) && firstValue.size < 50) firstValue.set(col, row);
    };
    for await (const batch of raw()) {
      const out: SheetRow[] = [];
      for (const r of batch) {
        if (r.row <= headerRow.row) continue;
        for (const i of unnamed) if ((r.cells[i] ?? '').trim() !== '') seen(i, r.row);
        for (let i = width; i < r.cells.length; i++) if (r.cells[i]!.trim() !== '') seen(i, r.row);
        // Cells right of the header that the reader kept apart (xlsx, workbooks: rows cut to the header's width).
        if (r.outside) for (const o of r.outside) if (o.text.trim() !== '') seen(o.col - 1, r.row);
        const cells = align(r.cells, width);
        if (isBlank(cells)) continue;
        const flags = r.hidden || r.noResult || r.scientific;
        if (flags) flagged.see(r, width);
        // A row hands on its row number and cells only (not the reader's flags or cells kept apart).
        out.push(r.cells === cells && !flags && !r.outside ? r : { row: r.row, cells });
      }
      if (out.length > 0) yield out;
    }
    noteUnnamed(fullInfo, firstValue);
    flagged.apply(fullInfo);
  }

  return {
    info: fullInfo,
    batches,
    async *rows(): AsyncGenerator<SheetRow> {
      for await (const batch of batches()) yield* batch;
    },
    otherSheets: () => (sheetsOthers ? sheetsOthers(fullInfo.sheet) : Promise.resolve([])),
    async preview(n: number): Promise<SheetRow[]> {
      if (n <= 0) return [];
      const rows = await collect(raw(true), (got) => got.length >= n);
      const widest = Math.max(0, ...rows.map((r) => trimTrailing(r.cells).length));
      return rows.map((r) => ({ row: r.row, cells: align(r.cells, widest) }));
    },
  };
}
