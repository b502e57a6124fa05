// A zip package (xlsx, ods, xlsb…) opened through yauzl, which checks every offset and length in the file
// against its size and each entry's inflated size against its header. On top of that: zip-bomb limits,
// checked from the headers before a part is inflated (yauzl stops an entry that inflates past its header).
import { stat } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { MAX_PART_BYTES, MAX_RATIO, MAX_ZIP_ENTRIES, RATIO_FLOOR } from './limits';

/** Why a zip cannot be read: `damaged` (not a zip, truncated…) or a limit passed. */
export class ZipError extends Error {
  constructor(
    readonly reason: 'damaged' | 'too-big' | 'ratio' | 'encrypted',
    message: string,
    readonly part = '',
    readonly ratio = 0,
  ) {
    super(message);
  }
}

const openZip = (path: string): Promise<ZipFile> =>
  new Promise((resolve, reject) =>
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, decodeStrings: true, strictFileNames: false },
      (err, zip) => (err || !zip ? reject(new ZipError('damaged', String(err?.message))) : resolve(zip)),
    ),
  );

/** The file's size and modification time, taken from the open descriptor the zip is read through. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export class ZipArchive {
  private constructor(
    readonly stat: FileStamp,
    private readonly zip: ZipFile,
    /** Entry name (no leading slash, as stored) → entry; lookups are case-insensitive as in Office. */
    private readonly entries: Map<string, Entry>,
  ) {}

  static async open(path: string): Promise<ZipArchive> {
    let stamp: FileStamp;
    try {
      const st = await stat(path);
      stamp = { size: st.size, mtimeMs: st.mtimeMs };
    } catch (e) {
      throw new ZipError('damaged', (e as Error).message);
    }
    const zip = await openZip(path);
    const entries = new Map<string, Entry>();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('error', (e: Error) => reject(new ZipError('damaged', e.message)));
        zip.on('end', () => resolve());
        zip.on('entry', (entry: Entry) => {
          if (entries.size >= MAX_ZIP_ENTRIES) {
            reject(new ZipError('damaged', 'too many entries'));
            return;
          }
          entries.set(entry.fileName.replace(/^\/+/, '').toLowerCase(), entry);
          zip.readEntry();
        });
        zip.readEntry();
      });
    } catch (e) {
      zip.close();
      throw e;
    }
    return new ZipArchive(stamp, zip, entries);
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  names(): string[] {
    return [...this.entries.values()].map((e) => e.fileName);
  }

  /** Declared unpacked size of a part (0 when absent). */
  size(name: string): number {
    return this.entries.get(name.toLowerCase())?.uncompressedSize ?? 0;
  }

  /** Checks the part's declared sizes against the zip-bomb limits (throws ZipError). */
  private check(entry: Entry, limit: number): void {
    if (entry.isEncrypted()) throw new ZipError('encrypted', 'encrypted entry', entry.fileName);
    if (entry.uncompressedSize > limit) throw new ZipError('too-big', 'part too big', entry.fileName);
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_FLOOR && ratio > MAX_RATIO) {
      throw new ZipError('ratio', 'ratio', entry.fileName, Math.round(ratio));
    }
  }

  /** The part's bytes as they inflate (nothing when it does not exist). */
  async *bytes(name: string, limit = MAX_PART_BYTES): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return;
    this.check(entry, limit);
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      this.zip.openReadStream(entry, (err, s) =>
        err || !s ? reject(new ZipError('damaged', String(err?.message))) : resolve(s),
      ),
    );
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } catch (e) {
      throw e instanceof ZipError ? e : new ZipError('damaged', (e as Error).message);
    } finally {
      (stream as unknown as { destroy(): void }).destroy();
    }
  }

  /** The part as UTF-8 text chunks (a streaming decoder: no character is split between chunks). */
  async *text(name: string, limit = MAX_PART_BYTES): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of this.bytes(name, limit)) {
      const s = decoder.decode(chunk, { stream: true });
      if (s) yield s;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  }

  close(): void {
    this.zip.close();
  }
}
