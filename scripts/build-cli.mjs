// Builds the `dtload` CLI, the web server and `npm start` to plain JavaScript in out/cli (rolldown, ~1 s).
// Dependencies stay external (they are the package's `dependencies`); each command's module becomes its
// own chunk, loaded only when that command runs (electron/cli/commands/index.ts).
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const isBare = (id) =>
  !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:/.test(id);
/** Our own sources have no import-time side effects (entries aside): lets a barrel's unused modules drop out. */
const sideEffects = (id) => !/[\\/](electron|shared)[\\/]/.test(id) || /[\\/](bin|start-bin)\.ts$/.test(id);

/** Builds into outdir; answers the written chunks (fileName, imports, dynamicImports, isEntry…). */
export async function buildCli({ outdir = join(ROOT, 'out', 'cli') } = {}) {
  await rm(outdir, { recursive: true, force: true });
  const bundle = await rolldown({
    cwd: ROOT,
    input: { dtload: 'electron/cli/bin.ts', start: 'electron/web/start-bin.ts' },
    platform: 'node',
    external: isBare,
    treeshake: { moduleSideEffects: sideEffects },
    transform: { target: 'node20.19' },
    logLevel: 'warn',
  });
  try {
    const { output } = await bundle.write({ dir: outdir, format: 'esm', chunkFileNames: '[name]-[hash].js' });
    return output.filter((o) => o.type === 'chunk');
  } finally {
    await bundle.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
}
