// Entry of the built `dtload` command (out/cli/dtload.js, run by bin/dtload.mjs).
import { main } from './main';

process.exitCode = await main(process.argv);
