#!/usr/bin/env node
// The `dtload` command: runs the CLI that `npm run build` compiled to out/cli (plain JavaScript).
import { existsSync } from 'node:fs';

const entry = new URL('../out/cli/dtload.js', import.meta.url);
if (existsSync(entry)) {
  await import(entry.href);
} else {
  process.stderr.write('dtload: the command is not built in this checkout: run `npm run build`\n');
  process.exitCode = 2;
}
