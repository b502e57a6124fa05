// The diff names people and departments (`张伟（华北销售） → 李娜`), never bare ids: the plan's changes of the
// owner and sharing fields carry labels; the ids stay in the RowOp's body.
import type { FieldChange } from '../../../shared/domain';

/** What names people and departments in a diff (PeopleCells, or a workspace resolver). */
export interface PeopleLabels {
  personLabel(userid: string): string;
  deptLabel(id: number): string;
}

export function labelPeopleChanges(changes: FieldChange[], people: PeopleLabels): FieldChange[] {
  for (const c of changes) {
    if (c.field === 'follower_user_id') {
      c.before = people.personLabel(String(c.before ?? ''));
      c.after = people.personLabel(String(c.after ?? ''));
    } else if (c.field === 'share_user_ids') {
      c.before = (c.before as string[]).map((u) => people.personLabel(u));
      c.after = (c.after as string[]).map((u) => people.personLabel(u));
    } else if (c.field === 'share_dept_ids') {
      c.before = (c.before as number[]).map((d) => people.deptLabel(d));
      c.after = (c.after as number[]).map((d) => people.deptLabel(d));
    }
  }
  return changes;
}
