// Opens a file for writing and reports failures (missing folder, file open in Excel) as one clear line
// before any row is produced, instead of as an unhandled stream error later.
import { createWriteStream, type WriteStream } from 'node:fs';

export function writeFailure(path: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'the folder does not exist'
      : code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
        ? 'the file is open in another program or write-protected'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (e as Error).message;
  return new Error(`Cannot write ${path}: ${why}`);
}

export function openOutput(path: string): Promise<WriteStream> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.once('error', (e) => reject(writeFailure(path, e)));
    out.once('open', () => resolve(out));
  });
}
