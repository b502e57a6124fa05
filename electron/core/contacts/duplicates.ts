// Duplicate contacts: the same mobile, the same name at the same company, or near-identical names at the
// same company (Levenshtein similarity from fastest-levenshtein). Contacts linked by any of these form one
// group; merging keeps one contact, gives it the union of the group's labels and sharing, and deletes the
// others (after a backup) — a plan like any other, through the same diff and engine.
import { distance } from 'fastest-levenshtein';
import type { Contact, LabelGroup, RowOp } from '../../../shared/domain';
import { translate, type Lang } from '../../../shared/i18n';
import type { ImportPlan, ImportPlanProgress, PlannedRow } from '../../../shared/import-types';
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/import-types';
import { beforeOf, fetchByUserIds, LabelIndex, mergeUpdate, type ImportClient } from '../import';
import { contactsPlan } from './edit-plan';
import { intentOf } from '../import/remerge';
import { labelPeopleChanges, type PeopleLabels } from '../import/people-changes';

export type DuplicateReason = 'mobile' | 'name-company' | 'similar-name';

export interface DuplicateGroup {
  /** 1-based, in the order found. */
  id: number;
  reasons: DuplicateReason[];
  /** userids; `keep` first. */
  userIds: string[];
  /** The contact a merge keeps: the one with most labels, then most fields filled, then the oldest id. */
  keep: string;
}

/** Near-identical: similarity (1 − distance / longer length) at least this, on names of 4+ characters. */
export const SIMILARITY = 0.85;

const normName = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s.·•,，'’\-_()（）]/g, '');
const normCompany = (s: string | undefined): string => normName(s ?? '');
const mobileKey = (c: Contact): string =>
  c.mobile ? `${(c.state_code ?? '86').replace(/^\+/, '')}-${c.mobile.replace(/[\s\-()]/g, '')}` : '';

export function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 1 : 1 - distance(a, b) / n;
}

const filled = (c: Contact): number =>
  ['mobile', 'email', 'title', 'company_name', 'address', 'remark'].filter((k) => c[k as keyof Contact])
    .length;

function pickKeep(cs: Contact[]): Contact {
  return [...cs].sort(
    (a, b) =>
      b.label_ids.length - a.label_ids.length ||
      filled(b) - filled(a) ||
      (a.userid < b.userid ? -1 : a.userid > b.userid ? 1 : 0),
  )[0]!;
}

export function findDuplicates(contacts: readonly Contact[]): DuplicateGroup[] {
  const parent = contacts.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const reasons = new Map<number, Set<DuplicateReason>>();
  const link = (a: number, b: number, why: DuplicateReason): void => {
    const ra = find(a);
    const rb = find(b);
    const keep = Math.min(ra, rb);
    const gone = Math.max(ra, rb);
    const set = reasons.get(keep) ?? new Set<DuplicateReason>();
    for (const r of reasons.get(gone) ?? []) set.add(r);
    set.add(why);
    reasons.set(keep, set);
    if (ra !== rb) {
      parent[gone] = keep;
      reasons.delete(gone);
    }
  };
  const byFirst = (key: (c: Contact) => string, why: DuplicateReason): void => {
    const first = new Map<string, number>();
    contacts.forEach((c, i) => {
      const k = key(c);
      if (k === '') return;
      const f = first.get(k);
      if (f === undefined) first.set(k, i);
      else link(f, i, why);
    });
  };
  byFirst(mobileKey, 'mobile');
  byFirst(
    (c) => (normCompany(c.company_name) ? `${normName(c.name)}\u0000${normCompany(c.company_name)}` : ''),
    'name-company',
  );

  // Near-identical names: compared within a company, between distinct names only (each name once).
  const byCompany = new Map<string, Map<string, number>>();
  contacts.forEach((c, i) => {
    const co = normCompany(c.company_name);
    const n = normName(c.name);
    if (!co || n.length < 4) return;
    let names = byCompany.get(co);
    if (!names) byCompany.set(co, (names = new Map()));
    if (!names.has(n)) names.set(n, i);
  });
  for (const names of byCompany.values()) {
    const list = [...names.entries()];
    for (let a = 0; a < list.length; a++) {
      const [na, ia] = list[a]!;
      for (let b = a + 1; b < list.length; b++) {
        const [nb, ib] = list[b]!;
        // Lengths too far apart cannot reach the threshold: skip the distance.
        if (Math.abs(na.length - nb.length) > Math.max(na.length, nb.length) * (1 - SIMILARITY)) continue;
        if (similarity(na, nb) >= SIMILARITY) link(ia, ib, 'similar-name');
      }
    }
  }

  const groups = new Map<number, number[]>();
  contacts.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  const out: DuplicateGroup[] = [];
  for (const [root, members] of groups) {
    if (members.length < 2) continue;
    const cs = members.map((i) => contacts[i]!);
    const keep = pickKeep(cs);
    out.push({
      id: out.length + 1,
      reasons: [...(reasons.get(root) ?? [])].sort(),
      userIds: [keep.userid, ...cs.filter((c) => c !== keep).map((c) => c.userid)],
      keep: keep.userid,
    });
  }
  return out;
}

export interface PlanMergeArgs {
  groups: readonly DuplicateGroup[];
  client: ImportClient;
  labelGroups: readonly LabelGroup[];
  lang?: Lang;
  onProgress?: (p: ImportPlanProgress) => void;
  onFresh?: (contacts: Contact[]) => void | Promise<void>;
  /** Names for the people and departments in the diff (ids when the directory is not read). */
  labels?: PeopleLabels;
}

const union = <T>(a: readonly T[] | undefined, lists: Array<readonly T[] | undefined>): T[] => {
  const out = [...(a ?? [])];
  for (const l of lists) for (const x of l ?? []) if (!out.includes(x)) out.push(x);
  return out;
};

/**
 * The merge as a plan: per group, an update giving the kept contact every label and share of the group
 * (none when it has them all), then a delete of each other contact. Contacts are re-read first; a group
 * reduced to one contact since it was found is left alone.
 */
export async function planMerge(args: PlanMergeArgs): Promise<ImportPlan> {
  const lang = args.lang ?? 'en';
  const labels = new LabelIndex(args.labelGroups);
  const options = { ...DEFAULT_IMPORT_OPTIONS, language: lang };
  const ids = new Set(args.groups.flatMap((g) => g.userIds));
  const plannedAt = new Date().toISOString();
  const current = await fetchByUserIds(args.client, ids, (done, total) =>
    args.onProgress?.({ phase: 'fetching', done, ...(total !== undefined ? { total } : {}) }),
  );
  await args.onFresh?.([...current.found.values()]);
  const rows: PlannedRow[] = [];
  const updates: RowOp[] = [];
  // `after`: the seq of the kept contact's update, when it needs one; the deletes wait for it to succeed.
  const deletes: Array<{ row: PlannedRow; userId: string; after?: number }> = [];
  let row = 1;
  for (const g of args.groups) {
    const keep = current.found.get(g.keep);
    const others = g.userIds.filter((id) => id !== g.keep).map((id) => current.found.get(id));
    const present = others.filter((c): c is Contact => c !== undefined);
    for (const id of g.userIds) {
      if (!current.found.has(id)) {
        row++;
        rows.push({
          row,
          userId: id,
          action: 'invalid',
          changes: [],
          errors: [translate(lang, 'edit.gone', { id })],
          warnings: [],
          cells: [id, '', '', ''],
        });
      }
    }
    if (!keep || present.length === 0) continue;
    const base = (c: Contact) => ({
      userId: c.userid,
      name: c.name,
      ...(c.company_name ? { company: c.company_name } : {}),
      cells: [c.userid, c.name, c.company_name ?? '', c.mobile ?? ''],
    });
    const intent = {
      fields: {
        share_user_ids: union(
          keep.share_user_ids,
          present.map((c) => c.share_user_ids),
        ),
        share_dept_ids: union(
          keep.share_dept_ids,
          present.map((c) => c.share_dept_ids),
        ),
      },
      labelEdits: [
        {
          header: 'merge',
          mode: 'add' as const,
          ids: union(
            [],
            present.map((c) => c.label_ids),
          ),
        },
      ],
      errors: [],
    };
    const m = mergeUpdate(keep, intent, labels, options);
    if (args.labels) labelPeopleChanges(m.changes, args.labels);
    row++;
    const note = translate(lang, 'dup.keep', { group: g.id, count: present.length });
    if (m.errors.length) {
      rows.push({
        row,
        ...base(keep),
        action: 'invalid',
        changes: m.changes,
        errors: m.errors,
        warnings: [note],
      });
      continue; // never delete the others when the kept contact cannot take their labels
    }
    let after: number | undefined;
    if (m.changes.length === 0)
      rows.push({ row, ...base(keep), action: 'unchanged', changes: [], errors: [], warnings: [note] });
    else {
      const seq = updates.length;
      after = seq;
      updates.push({
        seq,
        row,
        kind: 'update',
        userId: keep.userid,
        body: m.body,
        before: intentOf(keep, m.body),
      });
      rows.push({
        row,
        ...base(keep),
        action: 'update',
        changes: m.changes,
        errors: [],
        warnings: [note],
        seq,
      });
    }
    for (const c of present) {
      row++;
      const planned: PlannedRow = {
        row,
        ...base(c),
        action: 'delete',
        changes: [],
        errors: [],
        warnings: [translate(lang, 'dup.mergedInto', { id: keep.userid, name: keep.name })],
      };
      rows.push(planned);
      deletes.push({ row: planned, userId: c.userid, ...(after !== undefined ? { after } : {}) });
    }
  }
  // Updates first, then deletes, each delete depending on its group's update (the engine sends it only once
  // that update succeeded): the kept contacts take the labels before the others go, or nobody goes.
  const ops: RowOp[] = [...updates];
  for (const d of deletes) {
    d.row.seq = ops.length;
    ops.push({
      seq: ops.length,
      row: d.row.row,
      kind: 'delete',
      userId: d.userId,
      ...(d.after !== undefined ? { after: d.after } : {}),
    });
  }
  args.onProgress?.({ phase: 'done', done: rows.length, total: rows.length });
  return {
    ...contactsPlan('import', rows, ops, current.reads, lang),
    plannedAt,
    before: beforeOf(ops, current.found),
  };
}
