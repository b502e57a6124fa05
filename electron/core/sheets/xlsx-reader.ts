// xlsx → raw rows, streamed: yauzl opens the package (every offset and length checked), saxes parses its parts
// (xlsx-workbook.ts, xlsx-sheet.ts). Rows are parsed and handed on a chunk at a time.
import type { CellRange } from './cell-ref';
import { MAX_PART_BYTES, MAX_RATIO, MAX_SHARED_STRINGS_BYTES } from './limits';
import { sheetText, notSpreadsheetText } from './messages';
import type { RawRow } from './raw-row';
import { SheetError } from './sheet-error';
import { isBlank } from './headers';
import { listSome } from '../../../shared/clip';
import { readMerges } from './xlsx-merges';
import { SheetLimitError, sheetRowBatches } from './xlsx-sheet';
import { findWorkbookPart, readWorkbook, type Workbook } from './xlsx-workbook';
import { ZipArchive, ZipError } from './zip-archive';

/** Filled in by xlsxRows as it learns about the workbook. */
export interface XlsxMeta {
  /** Sheet names in workbook order. */
  sheets: string[];
  /** The names of the hidden (and very hidden) sheets. */
  hidden?: string[];
  /** The sheet whose rows were yielded. */
  sheet?: string;
  /** Merged ranges of that sheet (pass them back in XlsxReadOptions to read it again without a search). */
  merges?: CellRange[];
  /** Hidden columns of that sheet (1-based). */
  hiddenColumns?: number[];
  /** The parsed workbook parts (pass back in XlsxReadOptions: the next pass skips shared strings and styles). */
  book?: KeptBook;
}

/** A parsed workbook kept between passes over the same, unchanged file. */
export interface KeptBook {
  wb: Workbook;
  size: number;
  mtimeMs: number;
}

export interface XlsxReadOptions {
  /** Keep at most this many columns per row; cells further right go to RawRow.outside. */
  width?: number;
  /** The sheet's merged ranges, when a previous read found them. */
  merges?: CellRange[];
  /** The workbook a previous pass parsed (used when the file has not changed since). */
  book?: KeptBook;
}

const mb = (bytes: number): string => `${Math.round(bytes / 1024 ** 2).toLocaleString('en-US')} MB`;

/** A failure of the zip layer or a part's XML as the admin's one line. */
export function zipFailure(path: string, e: unknown, sheet?: string): SheetError {
  if (e instanceof SheetError) return e;
  if (e instanceof ZipError) {
    if (e.reason === 'too-big') {
      const limit = /sharedStrings/i.test(e.part) ? MAX_SHARED_STRINGS_BYTES : MAX_PART_BYTES;
      return new SheetError('too-large', sheetText('zipTooBig', { path, limit: mb(limit) }));
    }
    if (e.reason === 'ratio') {
      return new SheetError(
        'too-large',
        sheetText('zipRatio', {
          path,
          part: e.part,
          ratio: Math.max(e.ratio, MAX_RATIO).toLocaleString('en-US'),
        }),
      );
    }
    if (e.reason === 'encrypted')
      return new SheetError('not-a-spreadsheet', notSpreadsheetText(path, 'encrypted'));
  }
  return new SheetError(
    'not-a-spreadsheet',
    sheet === undefined
      ? notSpreadsheetText(path, 'damaged')
      : notSpreadsheetText(path, 'sheetDamaged', { sheet }),
  );
}

function limitFailure(path: string, sheet: string, e: SheetLimitError): SheetError {
  const key = e.limit === 'cell' ? 'cellTooLong' : e.limit === 'rows' ? 'tooManyRows' : 'tooManyColumns';
  return new SheetError('too-large', sheetText(key, { path, sheet, cell: e.cell }));
}

/** Opens the package and its workbook part; the caller closes the archive. */
export async function openWorkbook(
  path: string,
  kept?: KeptBook,
): Promise<{ zip: ZipArchive; wb: Workbook; book: KeptBook }> {
  let zip: ZipArchive;
  try {
    zip = await ZipArchive.open(path);
  } catch (e) {
    throw zipFailure(path, e);
  }
  const { size, mtimeMs } = zip.stat;
  if (kept && kept.size === size && kept.mtimeMs === mtimeMs) return { zip, wb: kept.wb, book: kept };
  try {
    const part = await findWorkbookPart(zip);
    if (!part) throw new SheetError('not-a-spreadsheet', notSpreadsheetText(path, 'zipNotWorkbook'));
    const wb = await readWorkbook(zip, part);
    if (wb.sheets.length === 0)
      throw new SheetError('not-a-spreadsheet', notSpreadsheetText(path, 'zipNotWorkbook'));
    return { zip, wb, book: { wb, size, mtimeMs } };
  } catch (e) {
    zip.close();
    throw zipFailure(path, e);
  }
}

/** Which reader a zip package needs: xlsx (streamed here) or another format SheetJS reads (.ods, .xlsb, Numbers). */
export async function packageKind(path: string): Promise<'xlsx' | 'workbook'> {
  let zip: ZipArchive;
  try {
    zip = await ZipArchive.open(path);
  } catch (e) {
    throw zipFailure(path, e);
  }
  try {
    if (zip.has('mimetype') || zip.has('content.xml')) return 'workbook';
    // Numbers: Index/ at the root, or under the package folder when a .numbers folder was zipped whole.
    if (zip.names().some((n) => /(^|\/)(Index\/Document\.iwa|Index\.zip)$/.test(n))) return 'workbook';
    const part = await findWorkbookPart(zip).catch(() => undefined);
    return part?.toLowerCase().endsWith('.bin') ? 'workbook' : 'xlsx';
  } finally {
    zip.close();
  }
}

const isHidden = (state: string): boolean => state === 'hidden' || state === 'veryHidden';

/**
 * Rows of one sheet, in batches: `want` by name, or else the first visible sheet with a non-blank row (whose name is
 * then recorded in meta.sheet). Returns without rows when no sheet has data; throws 'no-sheet' when `want`
 * does not exist.
 */
export async function* xlsxRowBatches(
  path: string,
  want: string | undefined,
  meta: XlsxMeta,
  opts: XlsxReadOptions = {},
): AsyncGenerator<RawRow[]> {
  const { zip, wb, book } = await openWorkbook(path, opts.book);
  meta.book = book;
  try {
    meta.sheets = wb.sheets.map((s) => s.name);
    meta.hidden = wb.sheets.filter((s) => isHidden(s.state)).map((s) => s.name);
    if (want !== undefined && !meta.sheets.includes(want)) {
      throw new SheetError(
        'no-sheet',
        sheetText('noSheetNamed', { path, want, sheets: listSome(meta.sheets, 'en', 8) }),
      );
    }
    for (const sheet of wb.sheets) {
      if (want !== undefined ? sheet.name !== want : isHidden(sheet.state)) continue;
      let found = want !== undefined;
      try {
        const merges = want !== undefined && opts.merges ? opts.merges : await readMerges(zip, sheet.part);
        const hiddenColumns: number[] = [];
        if (found) {
          meta.sheet = sheet.name;
          meta.merges = merges;
          meta.hiddenColumns = hiddenColumns;
        }
        const read = { width: opts.width, merges, hiddenColumns };
        for await (const batch of sheetRowBatches(zip, wb, sheet.part, read)) {
          if (!found) {
            const first = batch.findIndex((r) => !isBlank(r.cells));
            if (first < 0) continue;
            found = true;
            meta.sheet = sheet.name;
            meta.merges = merges;
            meta.hiddenColumns = hiddenColumns;
            yield first === 0 ? batch : batch.slice(first);
          } else yield batch;
        }
      } catch (e) {
        if (e instanceof SheetLimitError) throw limitFailure(path, sheet.name, e);
        throw zipFailure(path, e, sheet.name);
      }
      if (found) return;
    }
  } finally {
    zip.close();
  }
}
