// The blank import sheet: the export's columns, label columns with drop-downs of valid names.
import type { LabelGroup } from '../../../shared/domain';
import { writeTemplate } from '../sheets';
import { contactColumns } from './contact-columns';

const NOTES: Record<string, string> = {
  user_id: 'Fill to update an existing contact (from an export). Leave empty with --create to add a new one.',
  name: 'Required.',
  mobile: 'Required to create; used to match with --match mobile. Read-only for updates.',
  state_code: 'Country code, e.g. 86. Read-only for updates.',
  email: 'Read-only for updates.',
  follower_user_id: "Required: the owner's staff userid.",
  share_user_ids: 'Staff userids, separated by commas (at most 20).',
  share_dept_ids: 'Department ids, separated by commas (at most 20).',
};

export async function writeImportTemplate(path: string, groups: readonly LabelGroup[]): Promise<void> {
  const { headers } = contactColumns(groups);
  const notes: Record<string, string> = { ...NOTES };
  for (const g of groups) notes[g.name] = `Labels of the group "${g.name}"; several separated by commas.`;
  await writeTemplate(path, {
    headers,
    notes,
    sheetName: 'Contacts',
    lists: groups.map((g) => ({ header: g.name, values: g.labels.map((l) => l.name) })),
  });
}
