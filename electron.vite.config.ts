import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One block per target: main (Node, bundles core), preload (sandboxed bridge), renderer (React).
// The CLI and web server are built by scripts/build-cli.mjs.
export default defineConfig({
  main: {
    build: {
      // Bundles its dependencies too (exceljs, p-limit, papaparse, electron-updater): the installers
      // package out/ alone, with no node_modules.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/main/index.ts') },
        // Bundling exceljs makes the ESM shim's pass slow on a busy machine; its timing report is noise.
        checks: { bundlerTimings: false },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload cannot `require` siblings: emit one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
