// The contacts a delete's backup file holds (for jobs of earlier versions, which kept no copy with the
// job): the backup is an export-format sheet, read back with the import's own column and label reading.
import { basename, join } from 'node:path';
import type { Contact } from '../../../shared/domain';
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/import-types';
import { backupsDir } from '../paths';
import { openSheet } from '../sheets';
import { readLabelGroups, type ImportClient } from '../import/current';
import { isKnownHeader } from '../import/known-headers';
import { LabelIndex } from '../import/labels';
import { autoMap, indexColumns } from '../import/mapping';
import { applyLabelEdits, readIntent } from '../import/row-intent';
import { PeopleCells } from '../import/people';
import { DirectoryService, type DirectoryClient } from '../directory';

/** Every contact of the backup `name` (a file in <dataDir>/backups/) that has a user_id. */
export async function backupContacts(
  dataDir: string,
  name: string,
  client: ImportClient,
): Promise<Contact[]> {
  const source = await openSheet(join(backupsDir(dataDir), basename(name)), { isKnownHeader });
  const groups = await readLabelGroups(client);
  const labels = new LabelIndex(groups);
  const headers = source.info.headers;
  const cols = indexColumns(autoMap(headers, groups));
  const options = { ...DEFAULT_IMPORT_OPTIONS, match: 'mobile' as const, create: true };
  // Owners and sharing are written as names (as an export writes them): resolved back through the directory.
  const people = client.listStaffPage
    ? new PeopleCells(await new DirectoryService(client as DirectoryClient).get())
    : undefined;
  const out: Contact[] = [];
  for await (const { cells } of source.rows()) {
    const intent = readIntent(cells, cols, options, labels, headers, people);
    const f = intent.fields;
    const s = (k: keyof typeof f): string | undefined =>
      typeof f[k] === 'string' ? (f[k] as string) : undefined;
    const userid = s('user_id');
    if (!userid) continue;
    const c: Contact = {
      userid,
      name: s('name') ?? '',
      follower_user_id: s('follower_user_id') ?? '',
      label_ids: applyLabelEdits([], intent.labelEdits, labels),
    };
    for (const k of [
      'mobile',
      'state_code',
      'email',
      'title',
      'company_name',
      'address',
      'remark',
    ] as const) {
      const v = s(k);
      if (v) c[k] = v;
    }
    if (Array.isArray(f.share_user_ids)) c.share_user_ids = f.share_user_ids as string[];
    if (Array.isArray(f.share_dept_ids)) c.share_dept_ids = f.share_dept_ids as number[];
    out.push(c);
  }
  return out;
}
