// The duplicates as a file: one row per contact, grouped, the kept one first (xlsx, csv or json).
import { writeFile } from 'node:fs/promises';
import type { Contact } from '../../../shared/domain';
import { translate, type Lang, type MessageKey } from '../../../shared/i18n';
import type { PeopleLabels } from '../export';
import { createSheetWriter } from '../sheets';
import type { DuplicateGroup } from './duplicates';

export const DUPLICATE_COLUMNS = [
  'group',
  'reason',
  'keep',
  'user_id',
  'name',
  'company_name',
  'mobile',
  'follower_user_id',
];

export async function writeDuplicatesReport(
  path: string,
  groups: readonly DuplicateGroup[],
  get: (userid: string) => Contact | undefined,
  lang: Lang = 'en',
  /** Owners by name (the staff directory, as an export writes them); without it, their userids. */
  people?: Pick<PeopleLabels, 'person'>,
): Promise<void> {
  const owner = (userid: string | undefined): string =>
    userid ? (people ? people.person(userid) : userid) : '';
  const rows = groups.flatMap((g) => {
    const reason = g.reasons.map((r) => translate(lang, `dup.reason.${r}`)).join('; ');
    return g.userIds.map((id) => {
      const c = get(id);
      return [
        String(g.id),
        reason,
        id === g.keep ? translate(lang, 'dup.col.kept') : '',
        id,
        c?.name ?? '',
        c?.company_name ?? '',
        c?.mobile ?? '',
        owner(c?.follower_user_id),
      ];
    });
  });
  if (/\.json$/i.test(path)) {
    const json = groups.map((g) => ({ ...g, contacts: g.userIds.map((id) => get(id) ?? { userid: id }) }));
    await writeFile(path, JSON.stringify({ groups: json }, null, 2));
    return;
  }
  const headers = DUPLICATE_COLUMNS.map((c) => translate(lang, `dup.col.${c}` as MessageKey));
  const w = await createSheetWriter(path, { headers, sheetName: translate(lang, 'dup.col.sheet') });
  try {
    for (const r of rows) await w.addRow(r);
  } finally {
    await w.close();
  }
}
