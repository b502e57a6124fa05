#!/usr/bin/env node
// `npm start`: the desktop app, or web mode when Electron's binary is missing (electron/web/start.ts).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/web/start.ts');
process.exitCode = await main(process.argv.slice(2));
