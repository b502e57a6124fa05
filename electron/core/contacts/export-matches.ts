// `export --where`: just the contacts a query selects, as they are now (re-read, not the index's copy),
// in the export's own format so the file imports back.
import type { Contact } from '../../../shared/domain';
import { writeContactsFile } from '../export';
import { fetchByUserIds, readLabelGroups, type ImportClient } from '../import';
import type { ContactIndex } from './contact-index';

export async function exportMatches(opts: {
  client: ImportClient;
  index: ContactIndex;
  userIds: readonly string[];
  path: string;
  onProgress?: (phase: 'reading' | 'writing', done: number, total?: number) => void;
}): Promise<{ path: string; contacts: number; labelGroups: number }> {
  const groups = await readLabelGroups(opts.client);
  const { found } = await fetchByUserIds(opts.client, new Set(opts.userIds), (done, total) =>
    opts.onProgress?.('reading', done, total),
  );
  await opts.index.upsert(found.values());
  const contacts: Contact[] = opts.userIds.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  const n = await writeContactsFile({
    path: opts.path,
    groups,
    contacts,
    onProgress: (done) => opts.onProgress?.('writing', done, contacts.length),
  });
  return { path: opts.path, contacts: n, labelGroups: groups.length };
}
