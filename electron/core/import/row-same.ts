// The common case made cheap: most rows of a re-imported export ask for exactly what their contact holds.
// `sameRowCheck` answers "this row changes nothing, and the full path would say so without an error or a
// warning" without building the row's intent and update body (readIntent + mergeUpdate allocate a dozen
// objects a row). Any doubt answers false and the row takes the full path, which decides. The property
// test in test/import/row-same.test.ts holds it to that: true always means the full path finds nothing to
// change, refuse or warn about.
import type { Contact } from '../../../shared/domain';
import type { ImportOptions } from '../../../shared/import-types';
import { langOf } from '../../../shared/i18n';
import type { LabelIndex } from './labels';
import type { ColumnIndex } from './mapping';
import type { PeopleCells } from './people';
import { cellAt, MAX_NAME_LENGTH, NEVER_CLEARED } from './row-intent';
import { sameSet } from './same-set';

/** Whether a row asks for nothing its contact does not already hold (false: plan it the full way). */
export type SameCheck = (cells: readonly string[], contact: Contact) => boolean;

// The full path's own checks, on a cell that equals the contact's value: a stored value it would refuse
// (an 11-digit mobile stored with a "+") must still go the full way to be refused.
const MOBILE = /^\d{3,20}$/;
const STATE_CODE = /^\d{1,4}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

type Check = (raw: string, c: Contact) => boolean;

const NO_IDS: readonly never[] = [];

export function sameRowCheck(
  cols: ColumnIndex,
  options: ImportOptions,
  labels: LabelIndex,
  people: PeopleCells | undefined,
): SameCheck {
  const lang = langOf(options);
  const clear = options.blank === 'clear';
  /** Errors a people cell would add: the row is then not the easy case. Emptied after each use. */
  const errors: string[] = [];
  const listSame =
    (p: PeopleCells, field: 'share_user_ids' | 'share_dept_ids'): Check =>
    (raw, c) => {
      const ids =
        field === 'share_user_ids'
          ? p.list(field, raw, c.share_user_ids, errors)
          : p.list(field, raw, c.share_dept_ids, errors);
      if (errors.length === 0) return sameSet(c[field] ?? NO_IDS, ids);
      errors.length = 0;
      return false;
    };
  const checkOf = (field: string): Check | undefined => {
    switch (field) {
      case 'user_id':
        return (raw, c) => raw === c.userid;
      case 'name':
        return (raw, c) => raw === c.name && raw.length <= MAX_NAME_LENGTH;
      case 'title':
      case 'company_name':
      case 'address':
      case 'remark':
        return (raw, c) => raw === (c[field] ?? '');
      case 'mobile':
        // A contact whose mobile DingTalk does not return has nothing to compare (the full path skips it).
        return (raw, c) => (c.mobile === undefined || raw === c.mobile) && MOBILE.test(raw);
      case 'state_code':
        return (raw, c) => raw === c.state_code && STATE_CODE.test(raw);
      case 'email':
        return (raw, c) => raw === c.email && EMAIL.test(raw);
      // A non-blank people cell means the plan read the directory (plan.ts); without it, the full way.
      case 'follower_user_id':
        return people
          ? (raw, c) => {
              const r = people.person(field, raw, c.follower_user_id);
              return r.ok && r.id === c.follower_user_id;
            }
          : undefined;
      case 'share_user_ids':
      case 'share_dept_ids':
        return people ? listSame(people, field) : undefined;
      default:
        return undefined;
    }
  };
  const fields = [...cols.fields].map(([field, index]) => ({
    index,
    check: checkOf(field),
    // A blank cell keeps the field, except `--blank clear` (fields that identify a contact are never cleared).
    blankKept: !clear || NEVER_CLEARED.has(field),
  }));
  // Each label column's edit must leave the contact's labels as they are: then so do all of them in turn
  // (readIntent applies the all-groups column first, then the group columns).
  const labelColumns = [
    ...(cols.labels !== undefined ? [{ index: cols.labels, group: undefined }] : []),
    ...[...cols.groups].map(([group, index]) => ({ index, group })),
  ].map(({ index, group }) => ({
    index,
    read: labels.cellReader(group, lang),
    // `replace` in a group column replaces that group's labels only.
    scope: group === undefined ? undefined : labels.groupIds(group),
  }));
  const mode = options.labels;
  const blankLabelKept = !(clear && mode === 'replace');

  return (cells, c) => {
    for (const { index, check, blankKept } of fields) {
      const raw = cellAt(cells, index);
      if (raw === '') {
        if (blankKept) continue;
        return false;
      }
      if (check === undefined || !check(raw, c)) return false;
    }
    if (labelColumns.length === 0) return true;
    const current = c.label_ids ?? NO_IDS;
    if (hasRepeats(current)) return false;
    for (const { index, read, scope } of labelColumns) {
      const raw = cellAt(cells, index);
      if (raw === '') {
        if (blankLabelKept) continue;
        return false;
      }
      const cell = read(raw);
      if (cell.errors.length > 0 || !editKeeps(current, mode, scope, cell.ids)) return false;
    }
    return true;
  };
}

/** applyLabelEdits would drop the repeats: a change. Lists hold a few ids. */
function hasRepeats(ids: readonly number[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids.lastIndexOf(ids[i]!, i - 1) !== -1) return true;
  return false;
}

/** Whether one label edit (as applyLabelEdits applies it) leaves `current` (no repeats) as it is. */
function editKeeps(
  current: readonly number[],
  mode: ImportOptions['labels'],
  scope: ReadonlySet<number> | undefined,
  ids: readonly number[],
): boolean {
  if (mode === 'add') {
    for (const id of ids) if (!current.includes(id)) return false;
    return true;
  }
  if (mode === 'remove') {
    for (const id of ids) if (current.includes(id)) return false;
    return true;
  }
  // Replace: the labels in scope are exactly the cell's (its ids hold no repeats).
  let inScope = 0;
  for (const id of current) if (scope === undefined || scope.has(id)) inScope++;
  if (inScope !== ids.length) return false;
  for (const id of ids) if (!current.includes(id) || (scope !== undefined && !scope.has(id))) return false;
  return true;
}
