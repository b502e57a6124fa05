// Merged cells are listed after a sheet's rows (<mergeCells> follows <sheetData>), but rows are streamed and
// handed on before the end: find the list first. A byte search over the inflated part finds the element (a
// literal "<" cannot occur in text or attribute values, so "<mergeCells" / "<x:mergeCells" is the element),
// and saxes parses it. Inflating without parsing costs a small part of parsing the sheet.
import { TextDecoder } from 'node:util';
import { parseRange, type CellRange } from './cell-ref';
import { attr, xmlParser } from './xml-stream';
import type { ZipArchive } from './zip-archive';

const NEEDLE = Buffer.from('mergeCells');
const CLOSE = Buffer.from('mergeCells>');
/** At most this much of the merge list is read (about a million merged ranges). */
const MAX_LIST_BYTES = 32 * 1024 * 1024;

/** Index of the "<" that opens the tag whose (possibly prefixed) name ends at `at`, or -1. */
function tagStart(buf: Buffer, at: number): number {
  for (let i = at - 1; i >= 0 && at - i <= 32; i--) {
    const b = buf[i]!;
    if (b === 0x3c) return i; // <
    // Name characters of a prefix (x:, ns0:) only.
    if (!(
      b === 0x3a ||
      b === 0x5f ||
      b === 0x2d ||
      (b >= 0x30 && b <= 0x39) ||
      ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a)
    ))
      return -1;
  }
  return -1;
}

export async function readMerges(zip: ZipArchive, part: string): Promise<CellRange[]> {
  let carry = Buffer.alloc(0);
  const list: Buffer[] = [];
  let listBytes = 0;
  for await (const chunk of zip.bytes(part)) {
    if (list.length > 0) {
      list.push(chunk);
      listBytes += chunk.length;
      if (chunk.includes(CLOSE) || listBytes > MAX_LIST_BYTES) break;
      continue;
    }
    const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    for (let i = buf.indexOf(NEEDLE); i >= 0; i = buf.indexOf(NEEDLE, i + 1)) {
      const start = tagStart(buf, i);
      if (start < 0) continue;
      const rest = buf.subarray(start);
      list.push(rest);
      listBytes = rest.length;
      break;
    }
    if (list.length > 0) {
      if (list[0]!.includes(CLOSE, NEEDLE.length + 2)) break;
      continue;
    }
    carry = Buffer.from(buf.subarray(Math.max(0, buf.length - 48)));
  }
  if (list.length === 0) return [];

  const merges: CellRange[] = [];
  let done = false;
  const p = xmlParser({
    open(name, a) {
      if (done || name !== 'mergeCell') return;
      const range = parseRange(attr(a, 'ref') ?? '');
      if (range) merges.push(range);
    },
    close(name) {
      if (name === 'mergeCells') done = true;
    },
  });
  const decoder = new TextDecoder('utf-8');
  try {
    for (const b of list) {
      p.write(decoder.decode(b, { stream: true }));
      if (done) break;
    }
  } catch {
    // What follows the list (</worksheet> without its start tag) is not for us; a broken list keeps what parsed.
  }
  return merges;
}
