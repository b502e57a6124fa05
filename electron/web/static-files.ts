// Serves the built renderer (out/renderer) without ever leaving its folder.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

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

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>dtload</title>
<p>The app's pages are not built yet. Run <code>npx electron-vite build</code>, then reload.</p>`;

/** Answers true when it served something (a file, or the "not built" page for the index). */
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
    res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' });
    res.end(NOT_BUILT);
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
