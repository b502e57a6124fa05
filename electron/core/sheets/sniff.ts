// What kind of file is this? Decided from the first bytes (and a zip's parts), not the extension, so a PDF
// renamed .xlsx or an old .xls renamed .csv gets a clear message or the right reader instead of a parser crash.
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { clip } from '../../../shared/clip';
import { LANGS, translate, type Localised } from '../../../shared/i18n';
import { notSpreadsheetText, sheetText, type SheetWhat } from './messages';
import { SheetError } from './sheet-error';

/** xlsx: the streaming reader; workbook: SheetJS (.xls, .et, .ods, .xlsb, .numbers…); csv: text. */
export type FileKind = 'xlsx' | 'workbook' | 'csv';

const SIGNATURES: { bytes: number[]; what: SheetWhat }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'pdf' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'png' },
  { bytes: [0xff, 0xd8, 0xff], what: 'jpeg' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'gif' },
  { bytes: [0x1f, 0x8b], what: 'gzip' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'rar' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'sevenZip' },
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: Excel 97-2003 .xls, WPS .et, or a password-protected (encrypted) xlsx. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
/** "Export to Excel" in many admin systems writes HTML tables or SpreadsheetML 2003 named .xls. */
const MARKUP = /^\uFEFF?\s*<(\?xml|!doctype html|html|table|head|meta)\b/i;
const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm']);
/** Extensions whose markup content SheetJS reads (HTML tables, SpreadsheetML 2003, flat ODS). */
const MARKUP_WORKBOOK_EXTENSIONS = new Set(['.xls', '.et', '.fods', '.xml']);

const startsWith = (head: Buffer, bytes: number[]): boolean => bytes.every((b, i) => head[i] === b);

export function notASpreadsheet(
  path: string,
  what: SheetWhat,
  params: Record<string, string> = {},
): SheetError {
  return new SheetError('not-a-spreadsheet', notSpreadsheetText(path, what, params));
}

/** "Cannot open {path}: …" in every language; the system's own words only as its error code. */
function cannotOpen(path: string, e: unknown): SheetError {
  const code = (e as NodeJS.ErrnoException).code;
  const locked = code === 'EBUSY' || code === 'EPERM' || code === 'EACCES';
  const text = Object.fromEntries(
    LANGS.map((lang) => [
      lang,
      translate(lang, 'sheet.cannotOpen', {
        path,
        why: locked
          ? translate(lang, 'sheet.why.locked')
          : translate(lang, 'sheet.why.system', { code: code ?? clip((e as Error).message, 60) }),
      }),
    ]),
  ) as Localised;
  return new SheetError('missing', text);
}

/** Checks the file exists and is non-empty, and tells a zip package (xlsx, ods…) or OLE file from text. */
export async function sniffFile(path: string): Promise<FileKind> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) {
      // A Numbers document can be a folder (a macOS package).
      throw notASpreadsheet(path, extname(path).toLowerCase() === '.numbers' ? 'numbers' : 'folder');
    }
    size = st.size;
  } catch (e) {
    if (e instanceof SheetError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new SheetError('missing', sheetText('fileNotFound', { path }));
    throw cannotOpen(path, e);
  }
  if (size === 0) throw new SheetError('empty', sheetText('isEmpty', { where: path }));

  const head = Buffer.alloc(512);
  let fh;
  try {
    fh = await open(path, 'r');
    await fh.read(head, 0, head.length, 0);
  } catch (e) {
    throw cannotOpen(path, e);
  } finally {
    await fh?.close();
  }

  if (startsWith(head, ZIP)) return 'xlsx';
  if (startsWith(head, OLE)) return 'workbook';
  const known = SIGNATURES.find((s) => startsWith(head, s.bytes));
  if (known) throw notASpreadsheet(path, known.what);
  // UTF-16 markup (a BOM, then "<\0h\0…"): past the BOM, its ASCII tags read once the NULs are dropped.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (MARKUP.test(new TextDecoder('utf-8').decode(utf16 ? head.subarray(2) : head).replace(/\0/g, ''))) {
    if (MARKUP_WORKBOOK_EXTENSIONS.has(extname(path).toLowerCase())) return 'workbook';
    throw notASpreadsheet(path, 'markup');
  }
  if (XLSX_EXTENSIONS.has(extname(path).toLowerCase())) throw notASpreadsheet(path, 'excelExtension');
  return 'csv';
}
