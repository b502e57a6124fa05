// One sheet row read as what the admin asks for: field values, label edits, the match key. Pure: no
// calls. Run twice per row (key first while streaming, the rest after current state is read) so the
// only in-memory copy of a sheet is the plan's rows.
import { CONTACT_FIELDS } from '../../../shared/fields';
import type { FieldKind } from '../../../shared/fields';
import type { ContactFieldKey, ImportOptions } from '../../../shared/import-types';
import type { Contact } from '../../../shared/domain';
import type { LabelIndex, ResolvedCell } from './labels';
import { PEOPLE_FIELDS, type PeopleCells } from './people';
import { splitList } from './labels';
import type { ColumnIndex } from './mapping';
import { langOf, translator } from '../../../shared/i18n';
import { clip, listSome } from '../../../shared/clip';

/** DingTalk takes at most 20 ids per list (label_ids, share_dept_ids, share_user_ids). */
export const MAX_IDS = 20;
/** Longest name accepted before sending (DingTalk answers 60112 for invalid names). */
export const MAX_NAME_LENGTH = 64;

export type FieldValue = string | string[] | number[];

export interface LabelEdit {
  /** Column header, for messages. */
  header: string;
  /** `undefined`: all groups (a `labels` column); otherwise that group only. */
  group?: string;
  mode: 'replace' | 'add' | 'remove';
  /** Shared between rows with the same cell text: read, never changed. */
  ids: readonly number[];
}

export interface RowIntent {
  /** null = clear (blank cell with `--blank clear`). Absent = keep. */
  fields: Partial<Record<ContactFieldKey, FieldValue | null>>;
  labelEdits: LabelEdit[];
  errors: string[];
}

const KIND = new Map<string, FieldKind>(CONTACT_FIELDS.map((f) => [f.field, f.kind]));
/** Fields that identify a contact: a blank cell never clears them. */
export const NEVER_CLEARED: ReadonlySet<string> = new Set<string>([
  'user_id',
  'mobile',
  'state_code',
  'email',
]);

export const normMobile = (s: string): string => s.trim().replace(/[\s\-()]/g, '');
export const normStateCode = (s: string): string => s.trim().replace(/^\+/, '');

export function cellAt(cells: readonly string[], index: number | undefined): string {
  return index === undefined ? '' : (cells[index] ?? '').trim();
}

/** The match key of a row: user_id, or `state_code mobile` (state code defaulted). '' when blank. */
export function rowKey(cells: readonly string[], cols: ColumnIndex, options: ImportOptions): string {
  if (options.match === 'user_id') return cellAt(cells, cols.fields.get('user_id'));
  return mobileKey(
    cellAt(cells, cols.fields.get('mobile')),
    cellAt(cells, cols.fields.get('state_code')),
    options,
  );
}

/** A mobile written with its country code ("+86 138…") loses the code when it is the row's state code. */
export function localMobile(mobile: string, stateCode: string): string {
  const m = normMobile(mobile);
  return stateCode !== '' && m.startsWith(`+${stateCode}`) ? m.slice(stateCode.length + 1) : m;
}

export function mobileKey(mobile: string, stateCode: string | undefined, options: ImportOptions): string {
  const sc = normStateCode(stateCode ?? '') || options.defaultStateCode || '86';
  const m = localMobile(mobile, sc);
  return m === '' ? '' : `${sc} ${m}`;
}

export function readIntent(
  cells: readonly string[],
  cols: ColumnIndex,
  options: ImportOptions,
  labels: LabelIndex,
  headers: readonly string[],
  /** The staff directory, when the sheet names people or departments (owner, shared staff/departments). */
  people?: PeopleCells,
  /** The contact the row matched: values it already holds are kept even if the directory lacks them. */
  current?: Contact,
): RowIntent {
  const errors: string[] = [];
  const say = translator(langOf(options));
  const fields: RowIntent['fields'] = {};
  const plan = columnPlan(cols);
  for (const { field, index, kind, neverCleared } of plan.fields) {
    const raw = cellAt(cells, index);
    if (raw === '') {
      if (options.blank === 'clear' && !neverCleared) fields[field] = null;
      continue;
    }
    if (people && PEOPLE_FIELDS.has(field)) {
      fields[field] = resolvePeople(field, raw, people, current, errors);
      continue;
    }
    if (kind === 'string') {
      let v = raw;
      if (field === 'mobile') {
        const sc = normStateCode(cellAt(cells, plan.stateCode)) || options.defaultStateCode || '86';
        v = localMobile(raw, sc);
        if (/^\+\d/.test(v)) errors.push(say('plan.mobileForeignCode', { raw: clip(raw), code: sc }));
        else if (!/^\d{3,20}$/.test(v)) errors.push(say('plan.mobileInvalid', { raw: clip(raw) }));
      } else if (field === 'state_code') {
        v = normStateCode(raw);
        if (!/^\d{1,4}$/.test(v)) errors.push(say('plan.stateCodeInvalid', { raw: clip(raw) }));
      } else if (field === 'email' && !/^[^\s@]+@[^\s@]+$/.test(v)) {
        errors.push(say('plan.emailInvalid', { raw: clip(raw) }));
      } else if (field === 'name' && v.length > MAX_NAME_LENGTH && [...v].length > MAX_NAME_LENGTH) {
        errors.push(say('plan.nameTooLong', { max: MAX_NAME_LENGTH }));
      }
      fields[field] = v;
      continue;
    }
    // Lists hold a few ids: de-duplicate by scanning rather than through a Set and a spread per cell.
    const items = splitList(raw);
    if (kind === 'number-list') {
      const ids: number[] = [];
      const bad: string[] = [];
      for (const x of items) {
        if (!/^\d+$/.test(x)) bad.push(x);
        else if (!ids.includes(Number(x))) ids.push(Number(x));
      }
      if (bad.length)
        errors.push(
          say('plan.notNumericId', { field, values: listSome(bad, langOf(options), 5, (b) => `"${b}"`) }),
        );
      fields[field] = ids;
    } else {
      const unique: string[] = [];
      for (const x of items) if (!unique.includes(x)) unique.push(x);
      fields[field] = unique;
    }
  }

  const labelEdits: LabelEdit[] = [];
  // The all-groups column first, so group columns refine what it set.
  if (cols.labels !== undefined)
    labelColumn(cells, cols.labels, undefined, options, labels, headers, labelEdits, errors, plan);
  for (const { group, index } of plan.groups) {
    labelColumn(cells, index, group, options, labels, headers, labelEdits, errors, plan);
  }
  return { fields, labelEdits, errors };
}

/** An owner cell → userid; shared staff / departments cells → their ids (errors name the unresolved). */
function resolvePeople(
  field: ContactFieldKey,
  raw: string,
  people: PeopleCells,
  current: Contact | undefined,
  errors: string[],
): FieldValue {
  if (field === 'follower_user_id') {
    const r = people.person(field, raw, current?.follower_user_id);
    if (r.ok) return r.id;
    errors.push(r.error);
    return raw;
  }
  // Rows share the ids of a cell text seen before (read, never changed: a change assigns a new list).
  if (field === 'share_user_ids') return people.list(field, raw, current?.share_user_ids, errors) as string[];
  return people.list('share_dept_ids', raw, current?.share_dept_ids, errors) as number[];
}

interface ColumnPlan {
  fields: { field: ContactFieldKey; index: number; kind: FieldKind; neverCleared: boolean }[];
  groups: { group: string; index: number }[];
  stateCode: number | undefined;
  /** Label edits by column, one per resolved cell: rows with the same label text share it. */
  edits: Map<number, WeakMap<ResolvedCell, LabelEdit>>;
}

const columnPlans = new WeakMap<ColumnIndex, ColumnPlan>();

/** The columns as plain arrays, made once per mapping: readIntent runs for every row of a large sheet. */
function columnPlan(cols: ColumnIndex): ColumnPlan {
  let plan = columnPlans.get(cols);
  if (!plan) {
    plan = {
      fields: [...cols.fields].map(([field, index]) => ({
        field: field as ContactFieldKey,
        index,
        kind: KIND.get(field) ?? 'string',
        neverCleared: NEVER_CLEARED.has(field),
      })),
      groups: [...cols.groups].map(([group, index]) => ({ group, index })),
      stateCode: cols.fields.get('state_code'),
      edits: new Map(),
    };
    columnPlans.set(cols, plan);
  }
  return plan;
}

/** Reads one label cell into a label edit (or errors naming unknown and ambiguous names). */
function labelColumn(
  cells: readonly string[],
  index: number,
  group: string | undefined,
  options: ImportOptions,
  labels: LabelIndex,
  headers: readonly string[],
  labelEdits: LabelEdit[],
  errors: string[],
  plan: ColumnPlan,
): void {
  const raw = cellAt(cells, index);
  const header = headers[index] ?? '';
  if (raw === '') {
    // A blank label cell keeps labels, except `--blank clear` with `--labels replace` (empty the scope).
    if (options.blank === 'clear' && options.labels === 'replace') {
      labelEdits.push({ header, group, mode: 'replace', ids: [] });
    }
    return;
  }
  // Label cells repeat a few texts down a sheet: LabelIndex reads each distinct text once.
  const cell = labels.resolveCell(raw, group, langOf(options));
  // The row is invalid already; applying half a cell would only add noise (a spurious 60204).
  if (cell.errors.length > 0) {
    errors.push(...cell.errors);
    return;
  }
  // Looked up by column index (no key string made per row); a mapping planned again with another mode
  // replaces the shared edit.
  let edits = plan.edits.get(index);
  if (!edits) plan.edits.set(index, (edits = new WeakMap()));
  let edit = edits.get(cell);
  if (edit?.mode !== options.labels)
    edits.set(cell, (edit = Object.freeze({ header, group, mode: options.labels, ids: cell.ids })));
  labelEdits.push(edit);
}

/** Applies label edits to a current set of ids (order kept: current first, new ones appended). */
export function applyLabelEdits(
  current: readonly number[],
  edits: readonly LabelEdit[],
  labels: LabelIndex,
): number[] {
  const ids: number[] = [];
  for (const id of current) if (!ids.includes(id)) ids.push(id);
  // One working array, compacted in place (no closures: this runs for every row of a large sheet).
  for (const e of edits) {
    if (e.mode === 'add') {
      for (const id of e.ids) if (!ids.includes(id)) ids.push(id);
      continue;
    }
    const scope = e.mode === 'replace' && e.group !== undefined ? labels.groupIds(e.group) : undefined;
    let n = 0;
    for (const id of ids) {
      const drop = e.mode === 'remove' ? e.ids.includes(id) : scope === undefined || scope.has(id);
      if (!drop) ids[n++] = id;
    }
    ids.length = n;
    if (e.mode === 'replace') for (const id of e.ids) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
