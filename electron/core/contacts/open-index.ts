// One open index per organisation per process: the CLI's commands, the app's backend and the job hook
// share the instance, so the copy in memory and the file never disagree.
import type { RowOp, RowResult } from '../../../shared/domain';
import { existsSync } from 'node:fs';
import { ContactIndex, indexPath } from './contact-index';

const open = new Map<string, Promise<ContactIndex>>();

export function openIndex(dataDir: string, identity: string): Promise<ContactIndex> {
  const path = indexPath(dataDir, identity);
  let p = open.get(path);
  if (!p) {
    p = ContactIndex.open(dataDir, identity);
    open.set(path, p);
    p.catch(() => open.delete(path));
  }
  return p;
}

/**
 * Every write dtload makes updates the index: called when a job ends (CLI and app), with the job's plan
 * and results. Nothing happens for an organisation whose index was never read (there is nothing to keep
 * up to date, and half an index would be worse than none).
 */
export async function indexJobWrites(
  dataDir: string,
  identity: string,
  jobId: string,
  plan: readonly RowOp[],
  results: readonly RowResult[],
): Promise<number> {
  if (!open.has(indexPath(dataDir, identity)) && !existsSync(indexPath(dataDir, identity))) return 0;
  const index = await openIndex(dataDir, identity);
  if (!index.loaded) return 0;
  return index.applyJob(jobId, plan, results);
}

/** Forgets open indexes (tests reopen from disk). */
export function closeIndexes(): void {
  for (const p of open.values()) void p.then((i) => i.close()).catch(() => {});
  open.clear();
}
