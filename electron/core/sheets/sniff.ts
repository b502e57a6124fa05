// What kind of file is this? Decided from the first bytes, not the extension, so a PDF renamed .xlsx or an
// old .xls renamed .csv gets a clear message instead of a parser crash.
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { SheetError } from './sheet-error';

export type FileKind = 'xlsx' | 'csv';

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel 97-2003 (.xls) or encrypted workbook' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** "Export to Excel" in many admin systems writes HTML tables or SpreadsheetML 2003 named .xls. */
const MARKUP = /^\uFEFF?\s*<(\?xml|!doctype html|html|table|head|meta)\b/i;
const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm']);

const startsWith = (head: Buffer, bytes: number[]): boolean => bytes.every((b, i) => head[i] === b);

export function notASpreadsheet(path: string, what: string): SheetError {
  return new SheetError(
    'not-a-spreadsheet',
    `${path} is not a spreadsheet (${what}); save it as .xlsx or .csv and try again`,
  );
}

function cannotOpen(path: string, e: unknown): SheetError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
      ? 'it is locked by another program or you may not read it'
      : (e as Error).message.split('\n')[0];
  return new SheetError('missing', `Cannot open ${path}: ${why}`);
}

/** Checks the file exists and is non-empty, and tells xlsx (a zip) from CSV (text). */
export async function sniffFile(path: string): Promise<FileKind> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw notASpreadsheet(path, 'it is a folder');
    size = st.size;
  } catch (e) {
    if (e instanceof SheetError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new SheetError('missing', `File not found: ${path}`);
    throw cannotOpen(path, e);
  }
  if (size === 0) throw new SheetError('empty', `${path} is empty`);

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
  const known = SIGNATURES.find((s) => startsWith(head, s.bytes));
  if (known) throw notASpreadsheet(path, `it is ${known.what}`);
  if (MARKUP.test(new TextDecoder('utf-8').decode(head).replace(/\0/g, ''))) {
    throw notASpreadsheet(path, 'it is an HTML or XML file');
  }
  if (XLSX_EXTENSIONS.has(extname(path).toLowerCase())) {
    throw notASpreadsheet(path, 'it has an Excel extension but is not an Excel workbook');
  }
  return 'csv';
}
