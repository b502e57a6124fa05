// Random access to the entries of a zip (xlsx) file through its central directory, each entry streamed and
// inflated on demand. exceljs' own streaming unzip (unzipper, one forward pass) intermittently drops the last
// entries of a workbook (exceljs issues #2790, #3064); reading by offset has no such race and lets us parse
// the workbook, shared strings and styles before any sheet, whatever order the producer stored them in.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { decodeChunks } from './csv-encoding';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const MAX_COMMENT = 0xffff;

export class ZipFormatError extends Error {}

async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, position);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Reads the central directory: name → entry. */
export async function readZipDirectory(path: string, fileSize: number): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(fileSize, 22 + MAX_COMMENT + 20);
  const tailStart = fileSize - tailLength;
  const tail = await readAt(path, tailStart, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  let count = tail.readUInt16LE(eocd + 10);
  let dirSize = tail.readUInt32LE(eocd + 12);
  let dirOffset = tail.readUInt32LE(eocd + 16);
  if (
    (count === 0xffff || dirOffset === 0xffffffff) &&
    eocd >= 20 &&
    tail.readUInt32LE(eocd - 20) === ZIP64_LOCATOR_SIGNATURE
  ) {
    const z64 = await readAt(path, Number(tail.readBigUInt64LE(eocd - 12)), 56);
    count = Number(z64.readBigUInt64LE(32));
    dirSize = Number(z64.readBigUInt64LE(40));
    dirOffset = Number(z64.readBigUInt64LE(48));
  }
  const dir = await readAt(path, dirOffset, dirSize);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL_SIGNATURE)
      throw new ZipFormatError('bad central directory');
    const nameLen = dir.readUInt16LE(p + 28);
    const extraLen = dir.readUInt16LE(p + 30);
    const commentLen = dir.readUInt16LE(p + 32);
    const name = dir.toString('utf8', p + 46, p + 46 + nameLen);
    let compressedSize = dir.readUInt32LE(p + 20);
    let localHeaderOffset = dir.readUInt32LE(p + 42);
    if (compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // zip64 extra field (id 1): the 0xffffffff fields in order uncompressed, compressed, offset.
      const extra = dir.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
      for (let e = 0; e + 4 <= extra.length; e += 4 + extra.readUInt16LE(e + 2)) {
        if (extra.readUInt16LE(e) !== 1) continue;
        let q = e + 4;
        if (dir.readUInt32LE(p + 24) === 0xffffffff) q += 8;
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(extra.readBigUInt64LE(q));
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(extra.readBigUInt64LE(q));
      }
    }
    entries.set(name.replace(/^\/+/, ''), {
      name,
      method: dir.readUInt16LE(p + 10),
      compressedSize,
      localHeaderOffset,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The entry's content as UTF-8 text chunks (decoded with a streaming decoder: no split characters). */
export async function* entryText(path: string, entry: ZipEntry): AsyncGenerator<string> {
  const local = await readAt(path, entry.localHeaderOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw new ZipFormatError('bad local header');
  const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (entry.method !== 0 && entry.method !== 8)
    throw new ZipFormatError(`unsupported compression ${entry.method}`);
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(path, {
    start,
    end: start + entry.compressedSize - 1,
    highWaterMark: 64 * 1024,
  });
  const stream = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  raw.on('error', (e) => stream.destroy(e));
  try {
    yield* decodeChunks(stream, new TextDecoder('utf-8'));
  } finally {
    raw.destroy();
    stream.destroy();
  }
}
