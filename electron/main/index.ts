// Electron main entry: single instance, app lifecycle, and a clean stop (running jobs end
// 'interrupted', resumable) on quit. Everything else is in app-main.ts.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app } from 'electron';
import { defaultDataDir } from '../core/paths';
import { openablePaths, startApp, type RunningApp } from './app-main';
import { createAutoUpdate } from './updates';

const here = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(here, '../preload/index.cjs');
const appUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(here, '../renderer/index.html')).href;

let running: RunningApp | null = null;
const pendingOpen: string[] = [];
let quitting = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    const win = running?.window;
    if (win && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    for (const p of openablePaths(argv.slice(1))) void running?.openFromOs(p);
  });
  // macOS: a file dropped on the dock icon or opened with dtload (may come before the window exists).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (running) void running.openFromOs(path);
    else pendingOpen.push(path);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (quitting || !running) return;
    event.preventDefault();
    quitting = true;
    void running.dispose().finally(() => app.quit());
  });
  void app.whenReady().then(async () => {
    running = await startApp({
      dataDir: defaultDataDir(),
      preloadPath,
      appUrl,
      argv: [...process.argv.slice(1), ...pendingOpen.splice(0)],
    });
    // Off unless the user turned it on (Settings); then at start and every six hours.
    const backend = running.backend;
    const checkForUpdates = createAutoUpdate({
      packaged: app.isPackaged,
      enabled: async () => (await backend.getSettings()).autoUpdate,
    });
    void checkForUpdates();
    setInterval(() => void checkForUpdates(), 6 * 60 * 60 * 1000).unref();
  });
}
