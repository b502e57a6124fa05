// Export every external contact to xlsx or csv, streaming: one page of contacts in memory at a time.
import type { Contact, LabelGroup } from '../../../shared/domain';
import { readLabelGroups } from '../import/current';
import type { DingTalkClient } from '../dingtalk';
import { createSheetWriter } from '../sheets';
import { translate, type Lang } from '../../../shared/i18n';
import { DirectoryService, isDirectoryError, type Directory } from '../directory';
import { contactColumns, type PeopleLabels } from './contact-columns';

/** Write contacts (any iterable) with labels as names; used by export and by the delete backup. */
export async function writeContactsFile(opts: {
  path: string;
  groups: readonly LabelGroup[];
  contacts: AsyncIterable<Contact> | Iterable<Contact>;
  sheetName?: string;
  /** Owner and sharing as names; without it, as ids. */
  people?: PeopleLabels;
  /** Language of the headers (default English). */
  lang?: Lang;
  onProgress?: (done: number) => void;
}): Promise<number> {
  const layout = contactColumns(opts.groups, opts.lang, opts.people);
  const writer = await createSheetWriter(opts.path, {
    headers: layout.headers,
    sheetName: opts.sheetName ?? 'Contacts',
    columnWidths: layout.fields.map((f) =>
      f === 'user_id' || f === 'mobile' ? 18 : f === 'address' ? 30 : 16,
    ),
  });
  let n = 0;
  try {
    for await (const c of opts.contacts) {
      await writer.addRow(layout.toCells(c));
      n++;
      opts.onProgress?.(n);
    }
  } finally {
    await writer.close();
  }
  return n;
}

export interface ExportResult {
  path: string;
  contacts: number;
  labelGroups: number;
  /** How owners and sharing were written: names (the default) or ids (`ids`, or no directory permission). */
  people: 'names' | 'ids';
  /** Why names could not be written (the directory read failed), in the asked language. */
  warning?: string;
}

export async function exportContacts(opts: {
  client: DingTalkClient;
  path: string;
  /** Owners and sharing as raw ids (for scripts) instead of names. */
  ids?: boolean;
  /** The connection's directory (the app's, shared); default: read through `client`. */
  directory?: DirectoryService;
  /** Language of the headers and the warning (default English). */
  language?: Lang;
  onProgress?: (done: number) => void;
}): Promise<ExportResult> {
  const groups = await readLabelGroups(opts.client);
  const { people, warning } = opts.ids
    ? {}
    : await readPeopleLabels(
        opts.directory ?? new DirectoryService(opts.client, { language: opts.language }),
        opts.language,
      );
  const contacts = await writeContactsFile({
    path: opts.path,
    groups,
    // The whole list is read: each page is asked for while the one before is written.
    contacts: opts.client.listContacts({ readAhead: () => true }),
    lang: opts.language,
    onProgress: opts.onProgress,
    ...(people ? { people } : {}),
  });
  return {
    path: opts.path,
    contacts,
    labelGroups: groups.length,
    people: people ? 'names' : 'ids',
    ...(warning ? { warning } : {}),
  };
}

/** Labels that resolve back to the same person or department alone (directory.personLabel). */
export function labelsOf(dir: Directory): PeopleLabels {
  return { person: (u) => dir.personLabel(u), department: (d) => dir.departmentLabel(d) };
}

/**
 * Names for people and departments from the staff directory, for a file an admin reads. Without
 * 通讯录只读权限 the file still gets written, with ids: `warning` says why, in `lang`.
 */
export async function readPeopleLabels(
  service: DirectoryService,
  lang: Lang = 'en',
): Promise<{ people?: PeopleLabels; warning?: string }> {
  try {
    return { people: labelsOf(await service.get()) };
  } catch (e) {
    if (!isDirectoryError(e)) throw e;
    return { warning: translate(lang, 'directory.exportIds', { call: e.endpoint, errcode: e.errcode }) };
  }
}
