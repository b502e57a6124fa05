// Wires the desktop app: window, backend, IPC, events to the window, dialogs, recent documents, the
// interrupted-job check. Kept apart from index.ts (app lifecycle) so tests can drive it with a fake electron.
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { app, ipcMain, type BrowserWindow } from 'electron';
import { eventChannelOf, type EventName, type Events } from '../../shared/contract';
import { createBackend, type Backend } from '../core/app';
import { createDialogs } from './dialogs';
import { createSenderCheck, registerIpc } from './ipc';
import { createJobStatus } from './job-status';
import { createSafeStorageSecrets } from './secrets';
import { createMainWindow } from './window';

export interface StartOptions {
  dataDir: string;
  preloadPath: string;
  /** The page the window loads: file:///…/out/renderer/index.html or the dev server's URL. */
  appUrl: string;
  /** Paths given on the command line ("open with"). */
  argv?: string[];
}

export interface RunningApp {
  window: BrowserWindow;
  backend: Backend;
  /** Opens a file the OS handed us and tells the window. */
  openFromOs(path: string): Promise<void>;
  dispose(): Promise<void>;
}

const OPENABLE = new Set(['.xlsx', '.csv']);
export const openablePaths = (argv: readonly string[]): string[] =>
  argv.filter((a) => !a.startsWith('-') && OPENABLE.has(extname(a).toLowerCase()) && existsSync(a));

export async function startApp(opts: StartOptions): Promise<RunningApp> {
  let win: BrowserWindow | null = null;
  const getWindow = (): BrowserWindow | null => (win && !win.isDestroyed() ? win : null);
  const jobStatus = createJobStatus(getWindow);

  const emit = <E extends EventName>(event: E, payload: Events[E]): void => {
    jobStatus(event, payload);
    getWindow()?.webContents.send(eventChannelOf(event), payload);
  };

  const backend = createBackend({
    dataDir: opts.dataDir,
    secrets: createSafeStorageSecrets(opts.dataDir),
    emit,
    host: 'electron',
    dialogs: createDialogs(getWindow),
    onRecentFile: (path) => app.addRecentDocument(path),
    version: app.getVersion(),
  });

  win = createMainWindow(opts.preloadPath);
  const unregister = registerIpc(
    ipcMain,
    backend,
    createSenderCheck(() => getWindow()?.webContents ?? null, opts.appUrl),
  );

  const openFromOs = async (path: string): Promise<void> => {
    try {
      emit('file:opened', await backend.openPath(path));
    } catch {
      // A file that vanished between the OS event and now: nothing to open.
    }
  };

  win.webContents.on('did-finish-load', () => {
    void (async () => {
      await backend.ready;
      const interrupted = await backend.interruptedJobs().catch(() => []);
      if (interrupted.length > 0) emit('jobs:interrupted', interrupted);
      for (const p of openablePaths(opts.argv ?? [])) await openFromOs(p);
    })();
  });

  await win.loadURL(opts.appUrl);

  return {
    window: win,
    backend,
    openFromOs,
    async dispose() {
      unregister();
      await backend.close();
    },
  };
}
