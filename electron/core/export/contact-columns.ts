// How a contact becomes one spreadsheet row: field columns headed by their names in the admin's language
// (the catalogue's field.* names, which the import's header table maps back), then one column per label
// group holding label names. Owner and sharing are written as names when a directory is at hand.
import type { Contact, LabelGroup } from '../../../shared/domain';
import { CONTACT_FIELDS, type FieldSpec } from '../../../shared/fields';
import { matchHeader } from '../../../shared/header-synonyms';
import { fieldLabel, translator, type Lang } from '../../../shared/i18n';

export const LIST_JOINER = ', ';

/** How people and departments are written: names that an import resolves back (electron/core/directory). */
export interface PeopleLabels {
  person(userid: string): string;
  department(id: number): string;
}

export interface ColumnLayout {
  headers: string[];
  /** The contact field of each field column (label-group columns have none). */
  fields: (FieldSpec['field'] | undefined)[];
  toCells(c: Contact): string[];
}

/**
 * A group's column header: its name, or `标签：name` / `Labels: name` when the name alone would read as a
 * field's header (a group called "Owner" or "备注"), so the import cannot take it for that field.
 */
export function groupHeader(name: string, lang: Lang): string {
  return matchHeader(name) ? translator(lang)('field.labelGroup', { group: name }) : name;
}

export function contactColumns(
  groups: readonly LabelGroup[],
  lang: Lang = 'en',
  people?: PeopleLabels,
): ColumnLayout {
  const t = translator(lang);
  const groupOfLabel = new Map<number, { col: number; name: string }>();
  groups.forEach((g, i) => g.labels.forEach((l) => groupOfLabel.set(l.id, { col: i, name: l.name })));
  const headers = [
    ...CONTACT_FIELDS.map((f) => fieldLabel(t, f.field)),
    ...groups.map((g) => groupHeader(g.name, lang)),
  ];
  const fields = [...CONTACT_FIELDS.map((f) => f.field), ...groups.map(() => undefined)];

  return {
    headers,
    fields,
    toCells(c) {
      const cells = CONTACT_FIELDS.map(({ field }) => {
        const v = field === 'user_id' ? c.userid : c[field];
        if (people) {
          // Owner and sharing as names (张伟（华北销售）, 销售部/客服), never bare ids.
          if (field === 'follower_user_id') return v ? people.person(v as string) : '';
          if (field === 'share_user_ids')
            return (c.share_user_ids ?? []).map(people.person).join(LIST_JOINER);
          if (field === 'share_dept_ids')
            return (c.share_dept_ids ?? []).map(people.department).join(LIST_JOINER);
        }
        if (Array.isArray(v)) return v.join(LIST_JOINER);
        return v === undefined || v === null ? '' : String(v);
      });
      const perGroup: string[][] = groups.map(() => []);
      for (const id of c.label_ids ?? []) {
        const hit = groupOfLabel.get(id);
        // An id outside every group cannot be named; it is kept by the import's merge anyway.
        if (hit) perGroup[hit.col]!.push(hit.name);
      }
      return [...cells, ...perGroup.map((names) => names.join(LIST_JOINER))];
    },
  };
}
