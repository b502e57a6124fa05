// Entry of the built `npm start` (out/cli/start.js, run by bin/start.mjs).
import { main } from './start';

process.exitCode = await main(process.argv.slice(2));
