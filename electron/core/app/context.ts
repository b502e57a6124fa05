// What the backend's parts share: stores, the connection, the emitter, the UI language.
import type { EventName, Events, Language } from '../../../shared/contract';
import type { ConnectionManager } from './connection';
import type { FileStore } from './file-store';
import type { RecentFiles } from './recent-files';
import type { SettingsStore } from './settings';

export type Emit = <E extends EventName>(event: E, payload: Events[E]) => void;

export interface BackendContext {
  dataDir: string;
  emit: Emit;
  files: FileStore;
  recent: RecentFiles;
  settings: SettingsStore;
  connection: ConnectionManager;
  lang(): Promise<Language>;
}
