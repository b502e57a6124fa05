// `npm start`: the desktop app when Electron's binary is installed, else web mode with one line
// saying so (and where to open it).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { defaultDataDir } from '../core/paths';
import { DEFAULT_RENDERER_DIR, startWebServer } from './server';
import { untilStopSignal } from './stop-signal';

const ROOT = resolve(DEFAULT_RENDERER_DIR, '../..');

/** The Electron binary's path when `npm install` could download it, else undefined. */
export function electronBinary(root = ROOT): string | undefined {
  try {
    // The electron package's main answers the binary's path; it throws when the download never happened.
    const path = createRequire(join(root, 'package.json'))('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function run(cmd: string, args: string[], quiet: boolean): Promise<number> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: quiet ? 'ignore' : 'inherit' });
    child.on('exit', (code) => done(code ?? 1));
    child.on('error', () => done(1));
  });
}

const electronVite = (): string => join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');

/** Web mode serves the built pages; build them once if this checkout has none yet. */
export async function ensureRendererBuilt(): Promise<void> {
  if (!existsSync(join(DEFAULT_RENDERER_DIR, 'index.html')))
    await run(process.execPath, [electronVite(), 'build'], true);
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const sandbox = argv.includes('--sandbox');
  if (electronBinary()) return run(process.execPath, [electronVite(), 'preview'], false);

  await ensureRendererBuilt();
  const server = await startWebServer({ dataDir: defaultDataDir(), sandbox });
  process.stdout.write(
    `Electron's binary is not installed, so dtload runs in web mode: open ${server.url}\n`,
  );
  await untilStopSignal();
  await server.close();
  return 0;
}
