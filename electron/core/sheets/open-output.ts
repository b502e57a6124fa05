// Opens a file for writing and reports failures (missing folder, file open in Excel) as one clear line
// before any row is produced, instead of as an unhandled stream error later.
import { constants, createWriteStream, type WriteStream } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { sheetText } from './messages';
import { SheetError } from './sheet-error';

/** One line in every language (a SheetError: bad output path is the admin's input, exit 2 in the CLI). */
export function writeFailure(path: string, e: unknown): SheetError {
  const code = (e as NodeJS.ErrnoException).code;
  const text =
    code === 'ENOENT'
      ? sheetText('cannotWriteNoFolder', { path })
      : code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
        ? sheetText('cannotWriteBusy', { path })
        : code === 'EISDIR'
          ? sheetText('cannotWriteFolder', { path })
          : sheetText('cannotWriteOther', { path, reason: (e as Error).message });
  return new SheetError('unwritable', text);
}

export function openOutput(path: string): Promise<WriteStream> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.once('error', (e) => reject(writeFailure(path, e)));
    out.once('open', () => resolve(out));
  });
}

/**
 * Fails as openOutput would, before any work is done (a report written after an apply must not be the
 * first to find its path is a folder or write-protected). A file that does not exist yet passes.
 */
export async function checkWritable(path: string): Promise<void> {
  const s = await stat(path).catch(() => undefined);
  if (!s) return;
  if (s.isDirectory()) throw writeFailure(path, Object.assign(new Error('is a folder'), { code: 'EISDIR' }));
  await access(path, constants.W_OK).catch((e: unknown) => {
    throw writeFailure(path, e);
  });
}
