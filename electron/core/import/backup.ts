// Before an applied delete, the contacts about to go are written to <dataDir>/backups/ (xlsx in the
// export's format, so the backup imports back with `--create`).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Contact, LabelGroup } from '../../../shared/domain';
import type { ImportPlan } from '../../../shared/import-types';
import { writeContactsFile } from '../export';
import { backupsDir } from '../paths';
import type { ImportClient } from './current';
import { fetchByUserIds, readLabelGroups } from './current';
import { translate, type Lang } from '../../../shared/i18n';

export interface BackupResult {
  path: string;
  contacts: number;
}

/** Reads the plan's delete targets as they are now and writes them to a timestamped backup file. */
export async function backupBeforeDelete(args: {
  plan: ImportPlan;
  client: ImportClient;
  dataDir: string;
  now?: Date;
  labelGroups?: LabelGroup[];
  /** Language of the backup's headers, so it imports back (re-creates) in the admin's words. */
  lang?: Lang;
}): Promise<BackupResult> {
  const ids = new Set(args.plan.ops.flatMap((op) => (op.kind === 'delete' ? [op.userId] : [])));
  const groups = args.labelGroups ?? (await readLabelGroups(args.client));
  const { found } = await fetchByUserIds(args.client, ids);
  const contacts: Contact[] = [...ids].flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  const dir = backupsDir(args.dataDir);
  await mkdir(dir, { recursive: true });
  const stamp = (args.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const path = join(dir, `delete-backup-${stamp}.xlsx`);
  const n = await writeContactsFile({
    path,
    groups,
    contacts,
    sheetName: translate(args.lang ?? 'en', 'sheet.deletedContacts'),
    lang: args.lang,
  });
  return { path, contacts: n };
}
