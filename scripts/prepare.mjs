// `prepare` (runs after `npm ci`/`npm install` in a checkout) and the demo: build out/ so that `dtload`,
// `npm start` and web mode run plain JavaScript. Never fails the install: a failed build says so in one
// line (the command to retry), and the commands that need it say the same.
// --if-missing: build only when out/ lacks the CLI or the app (the demo's quick check).
// Outside a source checkout (an installed package, already built) it does nothing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ifMissing = process.argv.includes('--if-missing');
const built = ['out/cli/dtload.js', 'out/cli/start.js', 'out/renderer/index.html', 'out/main/index.js'];

if (!existsSync(join(ROOT, 'scripts', 'build.mjs'))) process.exit(0);
if (ifMissing && built.every((f) => existsSync(join(ROOT, f)))) process.exit(0);

const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (r.status !== 0) {
  console.warn('dtload: the build did not finish; run `npm run build` to see why and retry.');
  // The demo needs the build; the install goes on without it.
  if (ifMissing) process.exit(1);
}
