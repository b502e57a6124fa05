// Streams one file to an HTTP response. The file is opened (and measured) before any header goes out, so
// a file gone since it was listed is "missing", never a crash; the body goes through stream.pipeline, so an
// error mid-stream (disk, a client gone) ends that response and closes the file instead of the process.
// Exactly the measured bytes are sent: a file still being written when it was opened grows past its
// content-length, and extra bytes on a kept-alive socket would be read as the start of the next response.
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
  if (opts.head || size === 0) {
    res.end();
    await fh.close().catch(() => {});
    return 'sent';
  }
  let sent = 0;
  const body = fh.createReadStream({ start: 0, end: size - 1 });
  body.on('data', (chunk: string | Buffer) => {
    sent += chunk.length;
  });
  try {
    // The stream closes the handle when it ends or fails (autoClose).
    await pipeline(body, res, { end: false });
    // A file cut short since it was measured: the client must see a cut, not wait for the missing bytes.
    if (sent < size) res.destroy();
    else res.end();
  } catch {
    // Headers are out: all that is left is to cut this response short.
    res.destroy();
  }
  return 'sent';
}
