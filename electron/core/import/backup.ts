// Before an applied delete, the contacts about to go are written to <dataDir>/backups/ (xlsx in the
// export's format, owners and sharing as names like an export's, so the backup imports back with
// `--create --match mobile`).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Contact, LabelGroup } from '../../../shared/domain';
import type { ImportPlan } from '../../../shared/import-types';
import { readPeopleLabels, writeContactsFile, type PeopleLabels } from '../export';
import { DirectoryService, type DirectoryClient } from '../directory';
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
  /** The connection's staff directory (the app's, shared); default: read through `client`. */
  directory?: DirectoryService;
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
    ...(contacts.length ? await peopleLabels(args.client, args.directory, args.lang) : {}),
    sheetName: translate(args.lang ?? 'en', 'sheet.deletedContacts'),
    lang: args.lang,
  });
  return { path, contacts: n };
}

/** Owners and sharing as names an import resolves back; ids when the directory cannot be read. */
async function peopleLabels(
  client: ImportClient,
  directory: DirectoryService | undefined,
  lang: Lang | undefined,
): Promise<{ people?: PeopleLabels }> {
  const { listSubDepartments, listStaffPage, staffIdByMobile, departmentName } = client;
  if (!directory && !(listSubDepartments && listStaffPage && staffIdByMobile && departmentName)) return {};
  // Without the directory permission the backup still holds everything, with ids.
  const { people } = await readPeopleLabels(
    directory ?? new DirectoryService(client as DirectoryClient, { language: lang }),
    lang,
  );
  return people ? { people } : {};
}
