// `npm start`: the desktop app when Electron's binary is installed, else web mode with one line saying
// so and how to get the binary (where to open web mode follows). Runs only what `npm run build` built.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { defaultDataDir } from '../core/paths';
import { DEFAULT_RENDERER_DIR, PAGES_NOT_BUILT, pagesBuilt } from './built-pages';

const ROOT = resolve(DEFAULT_RENDERER_DIR, '../..');

export const MIRROR_HINT =
  "Electron's binary is not installed (its download host was unreachable during npm install), so dtload " +
  'runs in web mode; to get the desktop app: ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm ci';

/** The Electron binary's path when `npm install` could download it, else undefined. */
export function electronBinary(root = ROOT): string | undefined {
  try {
    // The electron package's main answers the binary's path; it throws when the download never happened
    // (and is absent when npm dropped it as a failed optional dependency).
    const path = createRequire(join(root, 'package.json'))('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function run(cmd: string, args: string[]): Promise<number> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (code) => done(code ?? 1));
    child.on('error', () => done(1));
  });
}

export async function main(
  argv: string[] = process.argv.slice(2),
  out: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = process,
): Promise<number> {
  const sandbox = argv.includes('--sandbox');
  const binary = electronBinary();
  if (binary && existsSync(join(ROOT, 'out', 'main', 'index.js'))) return run(binary, [ROOT, ...argv]);
  if (!pagesBuilt()) {
    out.stderr.write(`dtload: ${PAGES_NOT_BUILT}\n`);
    return 2;
  }
  if (!binary) out.stdout.write(`${MIRROR_HINT}\n`);
  // Web mode only from here: its server (ws, exceljs) loads when used.
  const { startWebServer } = await import('./server');
  const { untilStopSignal } = await import('./stop-signal');
  const server = await startWebServer({ dataDir: defaultDataDir(), sandbox });
  out.stdout.write(`dtload web mode: open ${server.url}\n`);
  await untilStopSignal();
  await server.close();
  return 0;
}
