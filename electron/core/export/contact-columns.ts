// How a contact becomes one spreadsheet row: field columns headed by their names in the admin's language
// (the catalogue's field.* names, which the import's header table maps back), then one column per label
// group holding label names.
import type { Contact, LabelGroup } from '../../../shared/domain';
import { CONTACT_FIELDS, type FieldSpec } from '../../../shared/fields';
import { matchHeader } from '../../../shared/header-synonyms';
import { fieldLabel, translator, type Lang } from '../../../shared/i18n';

export const LIST_JOINER = ', ';

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

export function contactColumns(groups: readonly LabelGroup[], lang: Lang = 'en'): ColumnLayout {
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
