// Serves the built renderer (out/renderer) without ever leaving its folder (nor following a link out of it).
import { realpath } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { PAGES_NOT_BUILT } from './built-pages';
import { sendFile } from './send-file';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

/** The file a request path names inside `root`, or undefined (outside it, malformed, a NUL). */
async function fileIn(root: string, rel: string): Promise<string | undefined> {
  if (rel.includes('\0')) return undefined;
  const base = resolve(root);
  const file = normalize(join(base, rel));
  if (!inside(base, file)) return undefined;
  // A link inside the folder must not lead out of it either.
  const [realBase, realFile] = await Promise.all(
    [realpath(base), realpath(file)].map((p) => p.catch(() => '')),
  );
  if (!realFile) return file; // missing: the caller answers 404
  return realBase && inside(realBase, realFile) ? realFile : undefined;
}

const inside = (base: string, file: string): boolean => file === base || file.startsWith(base + sep);

/** Answers true when it served something (a file, or the "not built" line for the index). */
export async function serveStatic(
  root: string,
  pathname: string,
  res: ServerResponse,
  opts: { head?: boolean } = {},
): Promise<boolean> {
  let rel: string;
  try {
    rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    return false; // a malformed %-escape names no file
  }
  const file = await fileIn(root, rel);
  if (file === undefined) return false;
  const sent = await sendFile(
    res,
    file,
    {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': rel === 'index.html' ? 'no-store' : 'private, max-age=3600',
    },
    opts,
  );
  if (sent === 'sent') return true;
  // Browsers ask for it on their own; no icon is not an error worth a console line.
  if (rel === 'favicon.ico') {
    res.writeHead(204);
    res.end();
    return true;
  }
  if (rel !== 'index.html') return false;
  // `dtload ui` refuses to start without them; a server started anyway says how to build them.
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`dtload: ${PAGES_NOT_BUILT}\n`);
  return true;
}
