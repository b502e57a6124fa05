// How a contact becomes one spreadsheet row: field columns by their API name (so the file maps back on import
// without a mapping file), then one column per label group holding label names.
import type { Contact, LabelGroup } from '../../../shared/domain';
import { CONTACT_FIELDS } from '../../../shared/fields';

export const LIST_JOINER = ', ';

/** How people and departments are written: names that an import resolves back (electron/core/directory). */
export interface PeopleLabels {
  person(userid: string): string;
  department(id: number): string;
}

export interface ColumnLayout {
  headers: string[];
  toCells(c: Contact): string[];
}

export function contactColumns(groups: readonly LabelGroup[], people?: PeopleLabels): ColumnLayout {
  const groupOfLabel = new Map<number, { col: number; name: string }>();
  groups.forEach((g, i) => g.labels.forEach((l) => groupOfLabel.set(l.id, { col: i, name: l.name })));
  const fieldHeaders = CONTACT_FIELDS.map((f) => f.field);
  const headers = [...fieldHeaders, ...groups.map((g) => g.name)];

  return {
    headers,
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
