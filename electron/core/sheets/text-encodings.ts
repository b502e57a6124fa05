// Text encodings by name: what --encoding accepts, how each is shown, and how bytes become text (iconv-lite).
import iconv from 'iconv-lite';
import type { TextEncoding } from './types';

/** Names admins type (and detectors answer) → the name dtload reports. */
const ALIASES: Record<string, TextEncoding> = {
  utf8: 'utf-8',
  'utf-8-sig': 'utf-8-bom',
  utf8bom: 'utf-8-bom',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  'utf-16': 'utf-16le',
  ucs2: 'utf-16le',
  gb2312: 'gb18030',
  cp936: 'gbk',
  euccn: 'gb18030',
  'euc-cn': 'gb18030',
  cp950: 'big5',
  'big5-hkscs': 'big5',
  big5hkscs: 'big5',
  sjis: 'shift_jis',
  'shift-jis': 'shift_jis',
  shiftjis: 'shift_jis',
  cp932: 'shift_jis',
  'windows-31j': 'shift_jis',
  cp949: 'euc-kr',
  euckr: 'euc-kr',
  'ks_c_5601-1987': 'euc-kr',
  cp1252: 'windows-1252',
  cp1250: 'windows-1250',
  cp1251: 'windows-1251',
  latin1: 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
  latin9: 'iso-8859-15',
  'iso8859-15': 'iso-8859-15',
  'iso8859-2': 'iso-8859-2',
  macroman: 'macintosh',
  'mac-roman': 'macintosh',
};

/** How each common encoding is written for people; others are shown as named. */
const LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030',
  gbk: 'GBK',
  big5: 'Big5',
  shift_jis: 'Shift_JIS',
  'euc-kr': 'EUC-KR',
  'euc-jp': 'EUC-JP',
  macintosh: 'Mac Roman',
};

/** The encodings the app offers to choose from (the CLI takes any name iconv-lite knows). */
export const COMMON_ENCODINGS: readonly TextEncoding[] = [
  'utf-8',
  'gb18030',
  'big5',
  'shift_jis',
  'euc-kr',
  'windows-1252',
  'iso-8859-15',
  'windows-1250',
  'windows-1251',
  'utf-16le',
  'utf-16be',
];

/** `name` as dtload reports it, or undefined when iconv-lite cannot decode it. */
export function canonicalEncoding(name: string): TextEncoding | undefined {
  const key = name.trim().toLowerCase();
  if (!key) return undefined;
  const known = ALIASES[key] ?? ALIASES[key.replace(/[\s_]/g, '')];
  if (known) return known;
  if (key === 'utf-8-bom' || LABELS[key] || COMMON_ENCODINGS.includes(key)) return key;
  return iconv.encodingExists(key) ? key : undefined;
}

export const encodingLabel = (encoding: TextEncoding): string =>
  LABELS[encoding] ??
  encoding.replace(/^(windows|iso|cp|koi8)/, (p) => p.toUpperCase().replace('WINDOWS', 'Windows'));

/** The iconv-lite name that decodes `encoding` (a BOM is always dropped). */
export const decoderName = (encoding: TextEncoding): string =>
  encoding === 'utf-8-bom' ? 'utf-8' : encoding;

export type Decoder = ReturnType<typeof iconv.getDecoder>;

/** A streaming decoder: write() returns only whole characters, end() the rest. */
export const newDecoder = (encoding: TextEncoding): Decoder => iconv.getDecoder(decoderName(encoding));

/** U+FFFD: a byte the decoder could not read. */
export const hasReplacement = (text: string): boolean => text.includes('\ufffd');

/** Control characters other than tab/CR/LF/FF mean binary data, whatever decoder accepted it (a few are let be). */
export function looksBinary(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls > Math.max(2, text.length * 0.01);
}

/** The text of `bytes` up to its last whole character (a character cut at the end is left out). */
export const decodeWhole = (bytes: Uint8Array, encoding: TextEncoding): string =>
  newDecoder(encoding).write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/**
 * The offset in `bytes` of the first byte that does not decode (U+FFFD, or what `badChar` matches, in the
 * output), or -1. Binary search over
 * prefixes: a decoder emits only whole characters, so "the text of the first n bytes has a U+FFFD" only turns
 * from false to true as n grows.
 */
export function firstBadByte(bytes: Uint8Array, encoding: TextEncoding, badChar = /\ufffd/): number {
  const bad = (n: number): boolean => badChar.test(decodeWhole(bytes.subarray(0, n), encoding));
  if (!bad(bytes.length)) return -1;
  let lo = 0; // bad(lo) is false
  let hi = bytes.length; // bad(hi) is true
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (bad(mid)) hi = mid;
    else lo = mid;
  }
  // Byte `lo` is the one that made the text go bad.
  return lo;
}
