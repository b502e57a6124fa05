// Where web mode finds the renderer that `npm run build` wrote (out/renderer, two folders up both from
// electron/web/ and from the built out/cli/), and the one line saying how to build it when it is missing.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_RENDERER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../out/renderer');

export const PAGES_NOT_BUILT = "the app's pages are not built: run `npm run build` in the dtload folder";

export const pagesBuilt = (dir = DEFAULT_RENDERER_DIR): boolean => existsSync(join(dir, 'index.html'));
