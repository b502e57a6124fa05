// Where jobs, reports and backups live. Mirrors Electron's app.getPath('userData') for an app named
// "dtload", so the CLI and the desktop app share one data dir.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.DTLOAD_HOME) return env.DTLOAD_HOME;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'dtload');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'dtload');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'dtload');
}

export const jobsDir = (dataDir: string): string => join(dataDir, 'jobs');
export const backupsDir = (dataDir: string): string => join(dataDir, 'backups');
