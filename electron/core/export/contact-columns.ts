// How a contact becomes one spreadsheet row: field columns by their API name (so the file maps back on import
// without a mapping file), then one column per label group holding label names.
import type { Contact, LabelGroup } from '../../../shared/domain';
import { CONTACT_FIELDS } from '../../../shared/fields';

export const LIST_JOINER = ', ';

export interface ColumnLayout {
  headers: string[];
  toCells(c: Contact): string[];
}

export function contactColumns(groups: readonly LabelGroup[]): ColumnLayout {
  const groupOfLabel = new Map<number, { col: number; name: string }>();
  groups.forEach((g, i) => g.labels.forEach((l) => groupOfLabel.set(l.id, { col: i, name: l.name })));
  const fieldHeaders = CONTACT_FIELDS.map((f) => f.field);
  const headers = [...fieldHeaders, ...groups.map((g) => g.name)];

  return {
    headers,
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
