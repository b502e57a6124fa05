#!/usr/bin/env node
// `npm start`: the desktop app, or web mode when Electron's binary is missing (electron/web/start.ts),
// compiled to out/cli by `npm run build`.
import { existsSync } from 'node:fs';

const entry = new URL('../out/cli/start.js', import.meta.url);
if (existsSync(entry)) {
  await import(entry.href);
} else {
  process.stderr.write('dtload: the app is not built in this checkout: run `npm run build`\n');
  process.exitCode = 2;
}
