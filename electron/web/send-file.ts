// Streams one file to an HTTP response. The file is opened (and measured) before any header goes out, so
// a file gone since it was listed is "missing", never a crash; the body goes through stream.pipeline, so an
// error mid-stream (disk, a client gone) ends that response and closes the file instead of the process.
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';

export type SendResult = 'sent' | 'missing';

export async function sendFile(
  res: ServerResponse,
  path: string,
  headers: OutgoingHttpHeaders,
  opts: { head?: boolean } = {},
): Promise<SendResult> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch {
    return 'missing';
  }
  let size: number;
  try {
    const s = await fh.stat();
    if (!s.isFile()) throw new Error('not a file');
    size = s.size;
  } catch {
    await fh.close().catch(() => {});
    return 'missing';
  }
  res.writeHead(200, { ...headers, 'content-length': size });
  if (opts.head) {
    res.end();
    await fh.close().catch(() => {});
    return 'sent';
  }
  try {
    // The stream closes the handle when it ends or fails (autoClose).
    await pipeline(fh.createReadStream(), res);
  } catch {
    // Headers are out: all that is left is to cut this response short.
    res.destroy();
  }
  return 'sent';
}
