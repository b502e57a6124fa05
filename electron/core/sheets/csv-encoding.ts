// A CSV's bytes as text, streamed through iconv-lite in the encoding detected (encoding-detect.ts) or given.
// A byte the encoding cannot read stops the read with its offset: never silently garbled text.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { HEAD_BYTES } from './encoding-detect';
import { sheetText } from './messages';
import { SheetError } from './sheet-error';
import { decodeWhole, encodingLabel, firstBadByte, hasReplacement, newDecoder } from './text-encodings';
import type { TextEncoding } from './types';

/** UTF-16 decoders pass lone surrogates through rather than failing: nothing to check there. */
const checked = (encoding: TextEncoding): boolean => !encoding.startsWith('utf-16');

function badByte(path: string, encoding: TextEncoding, offset: number): SheetError {
  return new SheetError(
    'encoding',
    sheetText('badByte', { path, offset, encoding: encodingLabel(encoding) }),
  );
}

/** The file as decoded text chunks; the BOM, if any, is dropped. */
export async function* decodeFile(path: string, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = newDecoder(encoding);
  const check = checked(encoding);
  // 64 KB chunks (Node's default): each chunk's parse stays in the CPU caches; 256 KB parsed ~1.7x slower.
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  let offset = 0;
  let previous: Buffer | undefined;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = decoder.write(chunk);
      if (check && hasReplacement(text))
        throw badByte(path, encoding, locate(encoding, previous, chunk, offset));
      if (text) yield text;
      offset += chunk.length;
      previous = chunk;
    }
    const rest = decoder.end() ?? '';
    if (check && hasReplacement(rest)) throw badByte(path, encoding, Math.max(0, offset - 1));
    if (rest) yield rest;
  } finally {
    stream.destroy();
  }
}

/**
 * File offset of the bad byte in `chunk` (which starts at `offset`). Decoding restarts after the last line
 * break of the previous chunk: no encoding we read has a line-feed byte inside a multi-byte character.
 */
function locate(encoding: TextEncoding, previous: Buffer | undefined, chunk: Buffer, offset: number): number {
  const nl = previous ? previous.lastIndexOf(0x0a) : -1;
  const carried = previous && nl >= 0 ? previous.subarray(nl + 1) : Buffer.alloc(0);
  const i = firstBadByte(Buffer.concat([carried, chunk]), encoding);
  return i < 0 ? offset : offset - carried.length + i;
}

/** Byte chunks → text chunks; a character split across two chunks is joined, never garbled. */
export async function* decodeChunks(
  bytes: AsyncIterable<unknown>,
  decoder: InstanceType<typeof TextDecoder>,
): AsyncGenerator<string> {
  for await (const chunk of bytes) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** The first ~64 KB of decoded text, cut at the last line break (for delimiter detection). */
export async function decodedSample(path: string, encoding: TextEncoding): Promise<string> {
  const fh = await open(path, 'r');
  let sample: Buffer;
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    sample = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  const text = decodeWhole(sample, encoding).replace(/^\uFEFF/, '');
  if (sample.length < HEAD_BYTES) return text;
  const cut = text.lastIndexOf('\n');
  return cut > 0 ? text.slice(0, cut) : text;
}
