// The last file each place of the app saved (an export, a report), kept for the session: a toast goes
// with the screen that showed it, so where a finished export went has to stay findable on that screen.
import { useSyncExternalStore } from 'react';

export interface SavedFile {
  /** Where it was saved (Electron); absent for a browser download. */
  path?: string;
  /** The file's name. */
  name: string;
  /** What was saved, as the screen words it ("Exported 500 contacts."); absent: just the file. */
  what?: string;
  /** When (ms since the epoch). */
  at: number;
}

const last = new Map<string, SavedFile>();
const listeners = new Set<() => void>();

export function rememberSaved(scope: string, file: SavedFile): void {
  last.set(scope, file);
  for (const l of listeners) l();
}

export function forgetSaved(scope: string): void {
  if (last.delete(scope)) for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

export function useLastSaved(scope: string): SavedFile | undefined {
  return useSyncExternalStore(subscribe, () => last.get(scope));
}
