// The blank import sheet an admin fills in by hand: the export's columns in the admin's language, a
// first-read instructions sheet in the same language, and drop-down lists of label names and of staff
// (kept on a hidden sheet, since Excel caps inline lists at 255 characters). Label and sharing cells
// take several values, so their lists suggest rather than refuse.
import type { LabelGroup } from '../../../shared/domain';
import { CONTACT_FIELDS } from '../../../shared/fields';
import { fieldLabel, joinList, translator, type Lang, type MessageKey } from '../../../shared/i18n';
import { writeTemplate, type TemplateList } from '../sheets';
import { contactColumns } from './contact-columns';

export interface TemplateArgs {
  lang?: Lang;
  /**
   * Staff as the import resolves them (a name, or `name（department）` where names repeat), from the
   * directory. Without it the owner and sharing columns ask for staff ids.
   */
  staff?: readonly string[];
}

type Field = (typeof CONTACT_FIELDS)[number]['field'];

const REQUIRED: Partial<Record<Field, 'always' | 'new'>> = {
  name: 'always',
  follower_user_id: 'always',
  mobile: 'new',
};

/** Fields DingTalk only takes on create (shared/fields.ts readOnlyOnUpdate). */
const FIXED = CONTACT_FIELDS.filter((f) => f.readOnlyOnUpdate).map((f) => f.field);

export async function writeImportTemplate(
  path: string,
  groups: readonly LabelGroup[],
  args: TemplateArgs = {},
): Promise<void> {
  const lang = args.lang ?? 'en';
  const t = translator(lang);
  const staff = args.staff?.length ? [...args.staff] : undefined;
  const layout = contactColumns(groups, lang);
  const label = (f: Field): string => fieldLabel(t, f);
  const sheetName = t('sheet.contacts');

  const noteOf = (f: Field): string => {
    if (!staff && (f === 'follower_user_id' || f === 'share_user_ids'))
      return t(`template.note.${f}.ids` as MessageKey);
    return t(`template.note.${f}` as MessageKey);
  };
  const example = (f: Field, groupIndex?: number): string => {
    if (groupIndex !== undefined) return groups[groupIndex]?.labels[0]?.name ?? '';
    switch (f) {
      case 'name':
      case 'title':
      case 'company_name':
      case 'address':
        return t(`template.example.${f}`);
      case 'mobile':
        return '13800138000';
      case 'state_code':
        return '86';
      case 'email':
        return 'name@example.com';
      case 'follower_user_id':
      case 'share_user_ids':
        return staff?.[0] ?? '';
      default:
        return '';
    }
  };

  const notes: Record<string, string> = {};
  const rows: string[][] = [];
  layout.headers.forEach((header, i) => {
    const field = layout.fields[i];
    const groupIndex = field === undefined ? i - CONTACT_FIELDS.length : undefined;
    const note =
      field === undefined ? t('template.note.group', { group: groups[groupIndex!]!.name }) : noteOf(field);
    const need = field === undefined ? undefined : REQUIRED[field];
    notes[header] = note;
    rows.push([
      header,
      t(
        need === 'always'
          ? 'template.required.always'
          : need === 'new'
            ? 'template.required.new'
            : 'template.required.no',
      ),
      note,
      field === undefined ? example('name', groupIndex) : example(field),
    ]);
  });

  const several = t('template.prompt.several');
  const lists: TemplateList[] = groups.map((g, i) => ({
    header: layout.headers[CONTACT_FIELDS.length + i]!,
    values: g.labels.map((l) => l.name),
    multiple: true,
    prompt: several,
  }));
  if (staff) {
    lists.push(
      { header: label('follower_user_id'), values: staff, prompt: t('template.prompt.one') },
      { header: label('share_user_ids'), values: staff, multiple: true, prompt: several },
    );
  }

  const required = joinList([label('name'), label('mobile'), label('follower_user_id')], lang);
  await writeTemplate(path, {
    headers: layout.headers,
    notes,
    sheetName,
    lists,
    listError: t('template.listError'),
    instructions: {
      sheetName: t('template.instructions'),
      title: t('template.title'),
      paragraphs: [
        t('template.p.rows', { sheet: sheetName }),
        t('template.p.new', {
          userId: label('user_id'),
          required: required,
          create: t('import.options.create'),
        }),
        t('template.p.update', { userId: label('user_id') }),
        t('template.p.lists'),
        t('template.p.fixed', { fixed: joinList(FIXED.map(label), lang) }),
        t('template.p.blank'),
        t('template.p.check'),
      ],
      tableHeader: [
        t('template.col.column'),
        t('template.col.required'),
        t('template.col.how'),
        t('template.col.example'),
      ],
      rows,
    },
  });
}
