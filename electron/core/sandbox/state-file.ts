// The sandbox organisation's state on disk, so `dtload --sandbox` runs build on each other (an applied
// import shows in the next export, an interrupted job can be resumed) like a real organisation would.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SandboxState } from './types';

export const sandboxStatePath = (dataDir: string): string => join(dataDir, 'sandbox', 'organisation.json');

/** The saved organisation, or undefined (never saved, or unreadable: start from the seed). */
export async function loadSandboxState(path: string): Promise<SandboxState | undefined> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as Partial<SandboxState>;
    if (!Array.isArray(data.contacts) || typeof data.created !== 'number') return undefined;
    return { contacts: data.contacts, created: data.created };
  } catch {
    return undefined;
  }
}

/** Written to a temporary file first, so a kill mid-write leaves the previous state intact. */
export async function saveSandboxState(path: string, state: SandboxState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(state));
  await rename(tmp, path);
}

export const resetSandboxState = (path: string): Promise<void> => rm(path, { force: true });

/**
 * `save()` answers once a save that began after the call has finished, so the write it follows is on disk.
 * Saves run one at a time (one temporary file) and calls made while one runs share the next.
 */
export function createStateSaver(path: string, state: () => SandboxState): () => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  let next: Promise<void> | undefined;
  return () => {
    next ??= last
      .catch(() => {})
      .then(() => {
        next = undefined;
        return saveSandboxState(path, state());
      });
    last = next;
    return next;
  };
}
