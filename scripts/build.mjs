// `npm run build`: the desktop app (electron-vite → out/main, out/preload, out/renderer), the CLI and web
// server (rolldown → out/cli), and out/package.json, the manifest of the app the installers package.
// Works without the electron package (npm drops it where its binary could not be downloaded).
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'electron-vite';
import { buildCli, ROOT } from './build-cli.mjs';

const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));

// electron-vite reads Electron's major version from the installed package; without it, from our spec.
try {
  createRequire(join(ROOT, 'package.json')).resolve('electron/package.json');
} catch {
  const spec = pkg.optionalDependencies?.electron ?? pkg.devDependencies?.electron ?? '';
  process.env.ELECTRON_MAJOR_VER ??= /(\d+)/.exec(spec)?.[1] ?? '';
}

if (!process.argv.includes('--cli')) {
  await build({ root: ROOT, configFile: join(ROOT, 'electron.vite.config.ts'), logLevel: 'warn' });
  // sql.js is bundled into main, its WebAssembly file goes beside it (electron/core/contacts/sqlite.ts).
  const require = createRequire(join(ROOT, 'package.json'));
  await copyFile(require.resolve('sql.js/dist/sql-wasm.wasm'), join(ROOT, 'out', 'main', 'sql-wasm.wasm'));
  // The app's own package.json: what Electron and electron-builder read inside the installed app.
  const app = {
    name: pkg.name,
    productName: pkg.productName,
    version: pkg.version,
    description: pkg.description,
    author: pkg.author,
    homepage: pkg.homepage,
    license: pkg.license,
    type: 'module',
    main: 'main/index.js',
  };
  await writeFile(join(ROOT, 'out', 'package.json'), JSON.stringify(app, null, 2) + '\n');
}
await buildCli();
console.log(`dtload ${pkg.version} built to out/ (app, pages, CLI)`);
