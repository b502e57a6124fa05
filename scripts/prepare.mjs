// `prepare` (runs after `npm ci`/`npm install` in a checkout) and the demo: build out/ so that `dtload`,
// `npm start` and web mode run plain JavaScript. Never fails the install: a failed build says so in one
// line (the command to retry) and the commands that need it say the same.
// --if-missing: build only when out/ lacks the CLI or the pages (the demo's quick check).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build-cli.mjs';

const built = ['out/cli/dtload.js', 'out/cli/start.js', 'out/renderer/index.html', 'out/main/index.js'];
if (process.argv.includes('--if-missing') && built.every((f) => existsSync(join(ROOT, f)))) process.exit(0);

const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (r.status !== 0) {
  console.warn('dtload: the build did not finish; run `npm run build` to see why and retry.');
  // The demo needs the build; the install goes on without it.
  if (process.argv.includes('--if-missing')) process.exit(1);
}
