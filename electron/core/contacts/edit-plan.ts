// A bulk edit of the contacts a query selects, as a plan like an import's: each contact is re-read (list
// or get, within the limit), the action is merged onto its current state by the import's own merge (the
// same diff, validation and full-replace body), and a contact that already has the value gets no write.
import type { Contact, RowOp } from '../../../shared/domain';
import { fieldLabel, joinList, translate, translator, type Lang } from '../../../shared/i18n';
import { closestNames } from './query-compile';
import { DEFAULT_IMPORT_OPTIONS, type ImportPlan, type PlannedRow } from '../../../shared/import-types';
import type { ContactFieldKey } from '../../../shared/import-types';
import { beforeOf, fetchByUserIds, LabelIndex, mergeUpdate, summarise, type ImportClient } from '../import';
import type { LabelEdit, RowIntent } from '../import/row-intent';
import { intentOf } from '../import/remerge';
import type { LabelGroup } from '../../../shared/domain';
import type { PeopleResolver } from './people';
import { idsOnly } from './people';
import type { ImportPlanProgress } from '../../../shared/import-types';
import { labelPeopleChanges, type PeopleLabels } from '../import/people-changes';

export const EDIT_TEXT_FIELDS = ['title', 'company_name', 'address', 'remark'] as const;
export type EditTextField = (typeof EDIT_TEXT_FIELDS)[number];

/** What the admin asked for, as typed (names of labels, people and departments). */
export interface EditRequest {
  addLabels?: string[];
  removeLabels?: string[];
  setOwner?: string;
  shareWithUsers?: string[];
  shareWithDepts?: string[];
  unshareUsers?: string[];
  unshareDepts?: string[];
  set?: Partial<Record<EditTextField, string>>;
  delete?: boolean;
}

/** The request with every name resolved to an id. */
export interface EditAction {
  addLabels: number[];
  removeLabels: number[];
  setOwner?: string;
  shareUsers: string[];
  shareDepts: number[];
  unshareUsers: string[];
  unshareDepts: number[];
  set: Partial<Record<EditTextField, string>>;
  delete: boolean;
  /** Hand over: `from`'s contacts go to `to`; with `shares`, `from` is replaced in the shared staff too. */
  reassign?: { from: string; to: string; shares: boolean };
}

/** A name in an action that names nothing: one line naming it (and the closest names). */
export class EditInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditInputError';
  }
}

export function isEmptyRequest(r: EditRequest): boolean {
  return (
    !r.delete &&
    !r.addLabels?.length &&
    !r.removeLabels?.length &&
    !r.setOwner &&
    !r.shareWithUsers?.length &&
    !r.shareWithDepts?.length &&
    !r.unshareUsers?.length &&
    !r.unshareDepts?.length &&
    Object.keys(r.set ?? {}).length === 0
  );
}

/** Resolves every name of a request; throws EditInputError on the first that names nothing. */
export function resolveEdit(
  req: EditRequest,
  groups: readonly LabelGroup[],
  people: PeopleResolver | undefined,
  lang: Lang = 'en',
): EditAction {
  const index = new LabelIndex(groups);
  const who = people ?? idsOnly(lang);
  const labels = (names: string[] | undefined): number[] =>
    (names ?? []).map((n) => {
      const r = index.resolve(n, undefined, lang);
      if (!r.ok) {
        // The import's resolver suggests names that contain each other; a typo needs the edit distance.
        const names = groups.flatMap((g) => g.labels.map((l) => l.name));
        const near = closestNames(n, names);
        const hasHint = names.some((x) => r.error.includes(`"${x}"`) && x !== n);
        throw new EditInputError(
          hasHint || near.length === 0
            ? r.error
            : r.error +
                translate(lang, 'query.near', {
                  names: joinList(
                    near.map((x) => `"${x}"`),
                    lang,
                  ),
                }),
        );
      }
      return r.label.id;
    });
  // Each name's line says where it was named: the query language's keys, the same in both languages.
  const persons = (names: string[] | undefined, field: string): string[] =>
    (names ?? []).map((n) => {
      const r = who.person(n, field);
      if (!r.ok) throw new EditInputError(r.error);
      return r.value;
    });
  const depts = (names: string[] | undefined): number[] =>
    (names ?? []).map((n) => {
      const r = who.dept(n, 'shared-dept');
      if (!r.ok) throw new EditInputError(r.error);
      return r.value;
    });
  return {
    addLabels: labels(req.addLabels),
    removeLabels: labels(req.removeLabels),
    ...(req.setOwner ? { setOwner: persons([req.setOwner], 'owner')[0]! } : {}),
    shareUsers: persons(req.shareWithUsers, 'shared-user'),
    shareDepts: depts(req.shareWithDepts),
    unshareUsers: persons(req.unshareUsers, 'shared-user'),
    unshareDepts: depts(req.unshareDepts),
    set: { ...req.set },
    delete: Boolean(req.delete),
  };
}

/** The action as an import row's intent on one contact (share lists computed from its current ones). */
export function intentFor(current: Contact, a: EditAction): RowIntent {
  const fields: RowIntent['fields'] = {};
  for (const f of EDIT_TEXT_FIELDS) if (a.set[f] !== undefined) fields[f] = a.set[f];
  if (a.setOwner) fields.follower_user_id = a.setOwner;
  if (a.shareUsers.length || a.unshareUsers.length) {
    const next = (current.share_user_ids ?? []).filter((u) => !a.unshareUsers.includes(u));
    for (const u of a.shareUsers) if (!next.includes(u)) next.push(u);
    fields.share_user_ids = next;
  }
  if (a.shareDepts.length || a.unshareDepts.length) {
    const next = (current.share_dept_ids ?? []).filter((d) => !a.unshareDepts.includes(d));
    for (const d of a.shareDepts) if (!next.includes(d)) next.push(d);
    fields.share_dept_ids = next;
  }
  if (a.reassign) {
    const { from, to, shares } = a.reassign;
    if (current.follower_user_id === from) fields.follower_user_id = to;
    const users = current.share_user_ids ?? [];
    if (shares && users.includes(from)) {
      fields.share_user_ids = [...new Set(users.map((u) => (u === from ? to : u)))];
    }
  }
  const labelEdits: LabelEdit[] = [];
  if (a.addLabels.length) labelEdits.push({ header: '--add-label', mode: 'add', ids: a.addLabels });
  if (a.removeLabels.length)
    labelEdits.push({ header: '--remove-label', mode: 'remove', ids: a.removeLabels });
  return { fields, labelEdits, errors: [] };
}

export const EDIT_HEADERS = ['user_id', 'name', 'company_name', 'mobile'] as const;
const cellsOf = (c: Contact): string[] => [c.userid, c.name, c.company_name ?? '', c.mobile ?? ''];

export interface PlanEditArgs {
  /** The matches, in the order the plan lists them. */
  userIds: readonly string[];
  action: EditAction;
  client: ImportClient;
  groups: readonly LabelGroup[];
  lang?: Lang;
  onProgress?: (p: ImportPlanProgress) => void;
  /** Names for the owner and sharing changes of the diff (`张伟 → 李娜`); ids without it. */
  labels?: PeopleLabels;
  /** The contacts as read now (the index takes them). */
  onFresh?: (contacts: Contact[]) => void | Promise<void>;
}

/** Plans the edit: re-reads the matches, merges the action onto each, lists what changes. */
export async function planEdit(args: PlanEditArgs): Promise<ImportPlan> {
  const lang = args.lang ?? 'en';
  const labels = new LabelIndex(args.groups);
  const options = { ...DEFAULT_IMPORT_OPTIONS, language: lang };
  const plannedAt = new Date().toISOString();
  const current = await fetchByUserIds(args.client, new Set(args.userIds), (done, total) =>
    args.onProgress?.({ phase: 'fetching', done, ...(total !== undefined ? { total } : {}) }),
  );
  await args.onFresh?.([...current.found.values()]);
  const rows: PlannedRow[] = [];
  const ops: RowOp[] = [];
  args.userIds.forEach((id, i) => {
    // Row numbers as if the matches were a sheet under a header row: the report's "row" points into it.
    const row = i + 2;
    const c = current.found.get(id);
    if (!c) {
      rows.push({
        row,
        userId: id,
        action: 'invalid',
        changes: [],
        errors: [translate(lang, 'edit.gone', { id })],
        warnings: [],
        cells: [id, '', '', ''],
      });
      return;
    }
    const base = {
      row,
      userId: id,
      name: c.name,
      ...(c.company_name ? { company: c.company_name } : {}),
      cells: cellsOf(c),
    };
    if (args.action.delete) {
      const seq = ops.length;
      ops.push({ seq, row, kind: 'delete', userId: id });
      rows.push({ ...base, action: 'delete', changes: [], errors: [], warnings: [], seq });
      return;
    }
    const m = mergeUpdate(c, intentFor(c, args.action), labels, options);
    if (args.labels) labelPeopleChanges(m.changes, args.labels);
    if (m.errors.length) {
      rows.push({ ...base, action: 'invalid', changes: m.changes, errors: m.errors, warnings: m.warnings });
    } else if (m.changes.length === 0) {
      rows.push({ ...base, action: 'unchanged', changes: [], errors: [], warnings: m.warnings });
    } else {
      const seq = ops.length;
      ops.push({ seq, row, kind: 'update', userId: id, body: m.body, before: intentOf(c, m.body) });
      rows.push({ ...base, action: 'update', changes: m.changes, errors: [], warnings: m.warnings, seq });
    }
  });
  args.onProgress?.({ phase: 'done', done: rows.length, total: rows.length });
  return {
    ...contactsPlan(args.action.delete ? 'delete' : 'import', rows, ops, current.reads, lang),
    plannedAt,
    before: beforeOf(ops, current.found),
  };
}

/**
 * The plan of a job without a spreadsheet (an edit, a hand-over, a duplicate merge): EDIT_HEADERS stand in
 * for its columns, headed in the admin's language when `lang` is given (reports and failed-row files then
 * read like an export, and import again).
 */
export function contactsPlan(
  kind: ImportPlan['kind'],
  rows: PlannedRow[],
  ops: RowOp[],
  reads: ImportPlan['reads'],
  lang?: Lang,
): ImportPlan {
  const t = lang ? translator(lang) : undefined;
  const headers: string[] = EDIT_HEADERS.map((f) => (t ? fieldLabel(t, f) : f));
  return {
    kind,
    headers,
    headerRow: 1,
    mapping: {
      columns: headers.map((h, index) => ({
        index,
        header: h,
        target: EDIT_HEADERS[index] as ContactFieldKey,
        source: 'alias',
      })),
      unrecognised: [],
      warnings: [],
    },
    rows,
    ops,
    summary: summarise(rows),
    reads,
  };
}
