// Recently opened spreadsheets: <dataDir>/recent-files.json, newest first.
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { RecentFile } from '../../../shared/contract';
import { readJson, writeJson } from './json-file';

const MAX_RECENT = 12;

export function createRecentFiles(dataDir: string, onAdd?: (path: string) => void) {
  const path = join(dataDir, 'recent-files.json');
  const read = async (): Promise<Omit<RecentFile, 'exists'>[]> => {
    const list = await readJson<unknown>(path, []);
    return Array.isArray(list)
      ? list.filter((e) => typeof e?.path === 'string' && typeof e?.name === 'string')
      : [];
  };

  return {
    async list(): Promise<RecentFile[]> {
      const entries = await read();
      return Promise.all(
        entries.map(async (e) => ({
          ...e,
          exists: await stat(e.path).then(
            (s) => s.isFile(),
            () => false,
          ),
        })),
      );
    },
    async add(filePath: string, name = basename(filePath)): Promise<void> {
      const entries = (await read()).filter((e) => e.path !== filePath);
      entries.unshift({ path: filePath, name, openedAt: new Date().toISOString() });
      await writeJson(path, entries.slice(0, MAX_RECENT));
      onAdd?.(filePath);
    },
    async has(filePath: string): Promise<boolean> {
      return (await read()).some((e) => e.path === filePath);
    },
    async clear(): Promise<void> {
      await writeJson(path, []);
    },
  };
}

export type RecentFiles = ReturnType<typeof createRecentFiles>;
