// Preloaded (`node --import`) by the CLI tests: at exit, prints which CommonJS packages the process loaded
// (exceljs, ws, commander… are CommonJS; an ESM import of them lands in require.cache too).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
process.on('exit', () => {
  process.stderr.write(`\nLOADED ${JSON.stringify(Object.keys(require.cache))}\n`);
});
