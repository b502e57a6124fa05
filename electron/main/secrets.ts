// Remembered credentials, encrypted with the OS keychain through safeStorage. When encryption is not
// available (or only Linux's "basic_text" fallback), nothing is written and the reason is given.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { safeStorage } from 'electron';
import type { SecretStore, StoredCredentials } from '../core/app';

export const CREDENTIALS_FILE = 'credentials.bin';

export function unavailableReason(platform = process.platform): string | undefined {
  if (!safeStorage.isEncryptionAvailable()) {
    return platform === 'linux'
      ? 'the system keyring is not available (start GNOME Keyring or KWallet), so dtload will not store the app secret on disk'
      : "the operating system's credential encryption is not available, so dtload will not store the app secret on disk";
  }
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    return 'no system keyring was found (only plain-text storage is available), so dtload will not store the app secret on disk';
  }
  return undefined;
}

const isCredentials = (v: unknown): v is StoredCredentials => {
  const c = v as StoredCredentials | null;
  return Boolean(
    c &&
    typeof c.appKey === 'string' &&
    typeof c.appSecret === 'string' &&
    typeof c.baseUrl === 'string' &&
    c.region,
  );
};

export function createSafeStorageSecrets(userDataDir: string): SecretStore {
  const path = join(userDataDir, CREDENTIALS_FILE);
  return {
    persistent: true,
    unavailableReason: () => unavailableReason(),
    async load() {
      if (unavailableReason()) return null;
      try {
        const parsed: unknown = JSON.parse(safeStorage.decryptString(await readFile(path)));
        return isCredentials(parsed) ? parsed : null;
      } catch {
        // Missing, or encrypted by another user/machine: as if nothing was remembered.
        return null;
      }
    },
    async save(credentials) {
      const reason = unavailableReason();
      if (reason) throw new Error(`Cannot remember the credentials: ${reason}.`);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, safeStorage.encryptString(JSON.stringify(credentials)), { mode: 0o600 });
    },
    async clear() {
      await rm(path, { force: true });
    },
  };
}
