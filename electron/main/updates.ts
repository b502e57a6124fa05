// Automatic updates from the GitHub releases that .github/workflows/release.yml publishes (electron-updater
// reads the feed electron-builder wrote into the installed app). Only in an installed app, and only when the
// user turned `autoUpdate` on in the settings; electron-updater is loaded only then.
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdatesAndNotify(): Promise<unknown>;
}

export type UpdateCheck = 'off' | 'not-installed' | 'checked' | 'unreachable';

export interface AutoUpdateOptions {
  /** app.isPackaged: a development run has no update feed. */
  packaged: boolean;
  /** The user's setting, read at each check (it can change while the app runs). */
  enabled(): Promise<boolean>;
  load?(): Promise<Updater>;
  log?(line: string): void;
}

async function loadElectronUpdater(): Promise<Updater> {
  const mod = (await import('electron-updater')) as unknown as {
    autoUpdater?: Updater;
    default?: { autoUpdater: Updater };
  };
  return (mod.autoUpdater ?? mod.default!.autoUpdater) as Updater;
}

export function createAutoUpdate(opts: AutoUpdateOptions): () => Promise<UpdateCheck> {
  const log = opts.log ?? ((line: string) => console.log(line));
  let updater: Promise<Updater> | undefined;
  return async () => {
    if (!(await opts.enabled().catch(() => false))) return 'off';
    if (!opts.packaged) return 'not-installed';
    updater ??= (opts.load ?? loadElectronUpdater)().then((u) => {
      u.autoDownload = true;
      u.autoInstallOnAppQuit = true;
      return u;
    });
    try {
      await (await updater).checkForUpdatesAndNotify();
      return 'checked';
    } catch (e) {
      // No network, or the releases host is blocked: the app works on; say it in one line.
      log(
        `dtload: could not check for updates (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
      );
      return 'unreachable';
    }
  };
}
