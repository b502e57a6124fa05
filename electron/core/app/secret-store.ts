// Where remembered credentials live. The Electron shell provides a safeStorage-backed store
// (electron/main/secrets.ts); web mode keeps them in memory only. The backend is the only reader.
import type { Region } from '../../../shared/contract';

export interface StoredCredentials {
  region: Region;
  baseUrl: string;
  appKey: string;
  appSecret: string;
}

export interface SecretStore {
  /** Credentials survive a restart. */
  readonly persistent: boolean;
  /** Why credentials cannot be remembered (undefined when they can). */
  unavailableReason(): string | undefined;
  load(): Promise<StoredCredentials | null>;
  /** Throws when unavailableReason() is set: never falls back to plain text. */
  save(credentials: StoredCredentials): Promise<void>;
  clear(): Promise<void>;
}

/** Web mode and tests: kept for this process only. */
export function memorySecretStore(
  note = 'Web mode keeps credentials in memory only, until dtload stops.',
): SecretStore {
  let saved: StoredCredentials | null = null;
  return {
    persistent: false,
    unavailableReason: () => note,
    load: async () => (saved ? { ...saved } : null),
    save: async (c) => {
      saved = { ...c };
    },
    clear: async () => {
      saved = null;
    },
  };
}
