// The text of a markup workbook (an HTML table or SpreadsheetML 2003 named .xls, as systems' "export to Excel"
// write them), decoded as the file says (byte-order mark, <meta charset>, <?xml encoding>) or else detected as a
// csv's encoding is. SheetJS handed the bytes reads them as UTF-8: a GBK export came out as mojibake and a
// UTF-16 one as nothing.
import { detectEncoding } from './encoding-detect';
import { canonicalEncoding, decodeWhole, hasReplacement } from './text-encodings';
import type { TextEncoding } from './types';

const DECLARED = [
  /<meta\b[^>]*\bcharset\s*=\s*["']?\s*([\w.:-]+)/i,
  /<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)/i,
];

function bomEncoding(data: Buffer): TextEncoding | undefined {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return 'utf-8-bom';
  if (data[0] === 0xff && data[1] === 0xfe) return 'utf-16le';
  if (data[0] === 0xfe && data[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The file's text when it is markup (its first character, past white space, is "<"); undefined otherwise. */
export async function markupText(path: string, data: Buffer): Promise<string | undefined> {
  const bom = bomEncoding(data);
  const head = bom ? decodeWhole(data.subarray(0, 4096), bom) : data.subarray(0, 4096).toString('latin1');
  if (!/^\uFEFF?\s*</.test(head)) return undefined;
  if (bom) return decodeWhole(data, bom);
  for (const pattern of DECLARED) {
    const declared = canonicalEncoding(pattern.exec(head)?.[1] ?? '');
    if (!declared) continue;
    const text = decodeWhole(data, declared);
    // A declaration that does not match the bytes (an export that says utf-8 and writes GBK) is not trusted.
    if (!hasReplacement(text)) return text;
  }
  return decodeWhole(data, (await detectEncoding(path)).encoding);
}
