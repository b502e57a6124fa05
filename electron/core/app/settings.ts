// The app's settings (language, max qps), kept in <dataDir>/settings.json.
import { join } from 'node:path';
import type { Settings } from '../../../shared/contract';
import { parseLang } from '../../../shared/i18n';
import { readJson, writeJson } from './json-file';

export const DEFAULT_SETTINGS: Settings = { language: 'en', maxQps: 20, autoUpdate: false };

export function createSettingsStore(dataDir: string) {
  const path = join(dataDir, 'settings.json');
  let cache: Settings | undefined;

  // Older settings files (and clients) say 'zh' for zh-CN.
  const sanitise = (raw: Partial<Settings>): Settings => ({
    language: parseLang(raw.language) ?? DEFAULT_SETTINGS.language,
    maxQps:
      typeof raw.maxQps === 'number' && raw.maxQps >= 1 && raw.maxQps <= 40
        ? raw.maxQps
        : DEFAULT_SETTINGS.maxQps,
    // Only an explicit opt-in turns updates on.
    autoUpdate: raw.autoUpdate === true,
  });

  return {
    async get(): Promise<Settings> {
      cache ??= sanitise(await readJson<Partial<Settings>>(path, {}));
      return { ...cache };
    },
    async update(patch: Partial<Settings>): Promise<Settings> {
      const next = sanitise({ ...(await this.get()), ...patch });
      await writeJson(path, next);
      cache = next;
      return { ...next };
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
