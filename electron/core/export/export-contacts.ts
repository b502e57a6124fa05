// Export every external contact to xlsx or csv, streaming: one page of contacts in memory at a time.
import type { Contact, LabelGroup } from '../../../shared/domain';
import type { Lang } from '../../../shared/i18n';
import { readLabelGroups } from '../import/current';
import type { DingTalkClient } from '../dingtalk';
import { createSheetWriter } from '../sheets';
import { contactColumns } from './contact-columns';

/** Write contacts (any iterable) with labels as names; used by export and by the delete backup. */
export async function writeContactsFile(opts: {
  path: string;
  groups: readonly LabelGroup[];
  contacts: AsyncIterable<Contact> | Iterable<Contact>;
  sheetName?: string;
  /** Language of the headers (default English). */
  lang?: Lang;
  onProgress?: (done: number) => void;
}): Promise<number> {
  const layout = contactColumns(opts.groups, opts.lang);
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
}

export async function exportContacts(opts: {
  client: DingTalkClient;
  path: string;
  lang?: Lang;
  onProgress?: (done: number) => void;
}): Promise<ExportResult> {
  const groups = await readLabelGroups(opts.client);
  const contacts = await writeContactsFile({
    path: opts.path,
    groups,
    contacts: opts.client.listContacts(),
    lang: opts.lang,
    onProgress: opts.onProgress,
  });
  return { path: opts.path, contacts, labelGroups: groups.length };
}
