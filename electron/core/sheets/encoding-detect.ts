// Which encoding is this CSV in? A BOM decides; else a file that is valid UTF-8 throughout is UTF-8; else
// jschardet (a port of Python's chardet) ranks the legacy encodings admins' tools write, judged on the lines
// that hold non-ASCII bytes, and the best one that reads those lines cleanly wins. Never the whole file in
// memory: one streamed pass, stopped early once a sample is collected.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { detectAll } from 'jschardet';
import type { Localised } from '../../../shared/i18n';
import { clip } from '../../../shared/clip';
import { sheetText } from './messages';
import { SheetError } from './sheet-error';
import {
  canonicalEncoding,
  decodeWhole,
  encodingLabel,
  firstBadByte,
  hasReplacement,
  looksBinary,
} from './text-encodings';
import type { TextEncoding } from './types';

export const HEAD_BYTES = 64 * 1024;
/** Bytes of non-ASCII lines the detector judges (more adds time, not accuracy). */
const DETECT_BYTES = 64 * 1024;

export interface EncodingChoice {
  encoding: TextEncoding;
  /** How it was chosen: a byte-order mark, valid UTF-8 throughout, a detector's guess, or --encoding. */
  how: 'bom' | 'utf-8' | 'detected' | 'given';
  /** A guess that a close runner-up could have won: the admin should look at the text. */
  doubt?: Localised;
}

/** What jschardet may answer: what admins' tools write. Others (EBCDIC, DOS code pages) only mislead. */
const CANDIDATES = [
  'utf-8',
  'gb18030',
  'big5',
  'cp932',
  'shift_jis',
  'cp949',
  'euc-kr',
  'euc-jp',
  'windows-1252',
  'iso-8859-1',
  'iso-8859-15',
  'windows-1250',
  'windows-1251',
  'windows-1253',
  'windows-1254',
  'windows-1257',
];
/** Always tried, in this order, when the detector's own answers fail (and named when all fail). */
const FALLBACKS: TextEncoding[] = ['utf-8', 'gb18030', 'big5', 'shift_jis', 'euc-kr', 'windows-1252'];
const SINGLE_BYTE = /^(windows-125\d|iso-8859-\d+)$/;
/** Detector answers scoring under this share of the best are not worth trying (only the fallbacks are). */
const PLAUSIBLE = 0.5;
/** C1 control characters: what ISO-8859 code pages make of bytes 0x80–0x9F, never text. */
const C1 = /[\u0080-\u009f]/;
/** Western Excel's "CSV (Comma delimited)": among single-byte code pages it wins unless clearly beaten. */
const WESTERN = 'windows-1252';
const WESTERN_MARGIN = 0.7;
/** A runner-up scoring this close to the winner, and reading the text differently, makes the guess doubtful. */
const DOUBT_MARGIN = 0.6;

async function readHead(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** UTF-16 without a BOM shows up as ASCII interleaved with zero bytes. */
function guessBomlessUtf16(sample: Buffer): TextEncoding | undefined {
  let evenZeros = 0;
  let oddZeros = 0;
  const n = sample.length - (sample.length % 2);
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (pairs === 0) return undefined;
  if (oddZeros / pairs > 0.3 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (evenZeros / pairs > 0.3 && oddZeros / pairs < 0.05) return 'utf-16be';
  return undefined;
}

/** Lines of the file holding non-ASCII bytes, with where each came from (to name a bad byte's offset). */
interface Sample {
  bytes: Buffer;
  /** [offset in bytes, offset in the file] of each line, in order. */
  at: [number, number][];
}

/**
 * One pass: is the whole file valid UTF-8? If not, collect up to DETECT_BYTES of its non-ASCII lines from
 * where UTF-8 failed on (and stop there).
 */
async function scan(path: string): Promise<{ utf8: boolean; sample: Sample }> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let valid = true;
  let size = 0;
  const parts: Buffer[] = [];
  const at: [number, number][] = [];
  let offset = 0;
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (valid) {
        try {
          utf8.decode(chunk, { stream: true });
        } catch {
          valid = false;
        }
      }
      if (!valid) {
        for (let i = 0; i < chunk.length && size < DETECT_BYTES; i++) {
          if (chunk[i]! < 0x80) continue;
          const start = chunk.lastIndexOf(0x0a, i) + 1;
          const nl = chunk.indexOf(0x0a, i);
          const end = Math.min(nl < 0 ? chunk.length : nl + 1, start + (DETECT_BYTES - size));
          at.push([size, offset + start]);
          parts.push(chunk.subarray(start, end));
          size += end - start;
          i = end - 1;
        }
        if (size >= DETECT_BYTES) break;
      }
      offset += chunk.length;
    }
    if (valid) {
      try {
        utf8.decode();
      } catch {
        valid = false;
      }
    }
  } finally {
    stream.destroy();
  }
  return { utf8: valid, sample: { bytes: Buffer.concat(parts), at } };
}

/** The file offset of byte `i` of the sample. */
function fileOffset(sample: Sample, i: number): number {
  let line = sample.at[0] ?? [0, 0];
  for (const a of sample.at) {
    if (a[0] > i) break;
    line = a;
  }
  return line[1] + (i - line[0]);
}

/** Offset of the first control byte (binary data), for the message. */
function firstControl(bytes: Buffer): number {
  const i = bytes.findIndex((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c);
  return Math.max(0, i);
}

interface Ranked {
  encoding: TextEncoding;
  score: number;
}

/** Non-ASCII characters that are neither letters nor punctuation Western text uses: a code page misread. */
const ODD = /[^\p{ASCII}\p{L}\u2018-\u201e\u2013\u2014\u2026\u20ac\u00a0\u00b0\u00b7\u00ab\u00bb]/gu;
const oddCount = (text: string): number => text.match(ODD)?.length ?? 0;
const ODD_ONE = new RegExp(ODD.source, 'u');

/** Accented letters of the big Western European languages (not Icelandic Ð Þ Ý, which other pages' letters become). */
const WESTERN_LETTERS = /^[àáâãäåæçèéêëìíîïñòóôõöøùúûüÿœšžßÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜŸŒŠŽ]$/;
/**
 * Reads as Western text: every accented character a common Western letter or punctuation, and accented letters
 * a minority of the words holding them ("Müller", "Núñez"), unlike Cyrillic or Greek read as 1252 ("Èâàí").
 */
function commonWestern(text: string): boolean {
  const chars = [...text.replace(/\p{ASCII}/gu, '')];
  if (!chars.every((ch) => (/\p{L}/u.test(ch) ? WESTERN_LETTERS.test(ch) : !ODD_ONE.test(ch)))) return false;
  let accented = 0;
  let letters = 0;
  for (const word of text.match(/\p{L}*\P{ASCII}\p{L}*/gu) ?? []) {
    letters += word.length;
    accented += word.replace(/[a-zA-Z]/g, '').length;
  }
  return accented * 2 <= letters;
}
/** Fewer non-ASCII bytes than this: too little text for jschardet's language models to tell pages apart. */
const SHORT = 64;
const isShort = (sample: Buffer): boolean => {
  let n = 0;
  for (const b of sample) if (b >= 0x80 && ++n >= SHORT) return false;
  return true;
};

/**
 * Short Western text scores as Hungarian or Turkish as easily as French (jschardet's single-byte models need
 * more text than three names), so a single-byte winner gives way to Windows-1252, the code page Western
 * Excel writes, when both read the bytes as the same text (ü, é, ë are the same bytes in 1250 and 1252),
 * when 1252 reads them as letters where the winner reads symbols, or when it scores close enough anyway.
 */
function preferWestern(out: Ranked[], sample: Buffer): void {
  const top = out[0];
  const western = out.find((r) => r.encoding === WESTERN);
  if (!top || !western || top === western || !SINGLE_BYTE.test(top.encoding)) return;
  const topText = decodeWhole(sample, top.encoding);
  const westernText = decodeWhole(sample, WESTERN);
  const [topOdd, westernOdd] = [oddCount(topText), oddCount(westernText)];
  const wins =
    westernText === topText ||
    westernOdd < topOdd ||
    (westernOdd === topOdd &&
      (western.score >= top.score * WESTERN_MARGIN || (isShort(sample) && commonWestern(westernText))));
  if (!wins) return;
  out.splice(out.indexOf(western), 1);
  out.unshift(western);
}

/** The detector's candidates in order of preference, each named once, the fallbacks after them. */
function rank(sample: Buffer): Ranked[] {
  const out: Ranked[] = [];
  const seen = new Set<string>();
  const results = detectAll(sample, { minimumThreshold: 0, detectEncodings: CANDIDATES });
  const best = results[0]?.confidence ?? 0;
  for (const r of results) {
    const encoding = r.encoding && canonicalEncoding(r.encoding);
    if (!encoding || seen.has(encoding) || r.confidence < best * PLAUSIBLE) continue;
    seen.add(encoding);
    out.push({ encoding, score: r.confidence });
  }
  for (const encoding of FALLBACKS) if (!seen.has(encoding)) out.push({ encoding, score: 0 });
  preferWestern(out, sample);
  return out;
}

/** Around the first non-ASCII character of the decoded sample: what the admin should check. */
function sampleAround(text: string): string {
  const i = text.search(/[^\x20-\x7e\t\r\n]/);
  const lineStart = text.lastIndexOf('\n', i) + 1;
  const lineEnd = text.indexOf('\n', i);
  return clip(text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim(), 60);
}

export async function detectEncoding(path: string): Promise<EncodingChoice> {
  const head = await readHead(path);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8-bom', how: 'bom' };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', how: 'bom' };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', how: 'bom' };
  if (head.includes(0)) {
    const utf16 = guessBomlessUtf16(head);
    if (utf16) return { encoding: utf16, how: 'detected' };
    throw notText(path, head.indexOf(0), ['UTF-8', 'UTF-16']);
  }
  const { utf8, sample } = await scan(path);
  if (utf8) {
    if (looksBinary(decodeWhole(head, 'utf-8'))) throw notText(path, firstControl(head), ['UTF-8']);
    return { encoding: 'utf-8', how: 'utf-8' };
  }

  const ranked = rank(sample.bytes);
  const clean: { encoding: TextEncoding; score: number; text: string }[] = [];
  let firstFailure = -1;
  for (const r of ranked) {
    const text = decodeWhole(sample.bytes, r.encoding);
    if (hasReplacement(text) || C1.test(text)) {
      if (firstFailure < 0)
        firstFailure = fileOffset(
          sample,
          Math.max(0, firstBadByte(sample.bytes, r.encoding, /[\ufffd\u0080-\u009f]/)),
        );
      continue;
    }
    if (looksBinary(text) || looksBinary(decodeWhole(head, r.encoding))) {
      if (firstFailure < 0) firstFailure = firstControl(head);
      continue;
    }
    clean.push({ ...r, text });
  }
  const best = clean[0];
  if (!best)
    throw notText(
      path,
      firstFailure,
      ranked.map((r) => encodingLabel(r.encoding)),
    );

  // Doubtful: another encoding scored close and reads the same bytes as different text.
  const rival = clean.find(
    (c) => c.text !== best.text && c.score >= best.score * DOUBT_MARGIN && c.score > 0,
  );
  const doubt = rival
    ? sheetText('encodingGuess', {
        encoding: encodingLabel(best.encoding),
        other: encodingLabel(rival.encoding),
        sample: sampleAround(best.text),
      })
    : undefined;
  return { encoding: best.encoding, how: 'detected', ...(doubt ? { doubt } : {}) };
}

function notText(path: string, offset: number, tried: string[]): SheetError {
  const shown = [...new Set(tried)];
  const list = shown.length > 1 ? `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}` : (shown[0] ?? '');
  const msg = sheetText('notText', { path, offset: Math.max(0, offset), tried: list });
  return new SheetError('encoding', { ...msg, 'zh-CN': msg['zh-CN'].replace(list, shown.join('、')) });
}

/** --encoding NAME, checked: unknown names are bad input. */
export function givenEncoding(name: string): EncodingChoice {
  const encoding = canonicalEncoding(name);
  if (!encoding) throw new SheetError('encoding', sheetText('unknownEncoding', { name: clip(name, 40) }));
  return { encoding, how: 'given' };
}
