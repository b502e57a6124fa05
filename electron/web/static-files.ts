// Serves the built renderer (out/renderer) without ever leaving its folder.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { PAGES_NOT_BUILT } from './built-pages';

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

/** Answers true when it served something (a file, or the "not built" line for the index). */
export async function serveStatic(root: string, pathname: string, res: ServerResponse): Promise<boolean> {
  const base = resolve(root);
  const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = normalize(join(base, rel));
  if (file !== base && !file.startsWith(base + sep)) return false;
  const s = await stat(file).catch(() => null);
  if (!s?.isFile()) {
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
  res.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': s.size,
    'cache-control': rel === 'index.html' ? 'no-store' : 'private, max-age=3600',
  });
  createReadStream(file).pipe(res);
  return true;
}
