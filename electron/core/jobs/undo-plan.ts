// planUndo: a job → the plan that puts back what it did, diffed against the contacts as they are now.
// An updated contact gets back the fields the job changed, from the copy the job kept (plan.before);
// created ones are deleted; deleted ones are created again from that copy (or the delete's backup file).
// A contact changed since the job in a field the job changed is a conflict: listed, not written unless
// forced; later changes to other fields are kept. The plan keeps its own before-state, so undoing an
// undo redoes the job.
import type { Contact, ContactCreate, FieldChange, RowOp, RowResult } from '../../../shared/domain';
import type { ImportPlan, ImportPlanProgress, PlannedRow } from '../../../shared/import-types';
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/import-types';
import { fieldLabel, joinList, translator, type Lang, type Translate } from '../../../shared/i18n';
import { contactsPlan } from '../contacts/edit-plan';
import {
  DamagedJobError,
  damageText,
  damageWhat,
  JobNotFoundError,
  readJob,
  type JobRecord,
} from '../engine';
import { fetchByUserIds, readLabelGroups, type ImportClient } from '../import/current';
import { LabelIndex } from '../import/labels';
import { mergeUpdate, validateBody } from '../import/merge';
import { intentOf } from '../import/remerge';
import { mobileKey } from '../import/row-intent';
import { readJobPlan } from './saved-plan';
import { DirectoryService, isDirectoryError, type DirectoryClient } from '../directory';
import { PEOPLE_FIELDS, PeopleCells } from '../import/people';
import { labelPeopleChanges } from '../import/people-changes';
import { backupContacts } from './undo-backup';
import { changedSince, recreateBody, restoreIntent } from './undo-diff';

/** A job that cannot be undone (unknown, running, damaged, another organisation): one line. */
export class UndoInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndoInputError';
  }
}

export interface PlanUndoArgs {
  dataDir: string;
  jobId: string;
  client: ImportClient;
  /** The organisation connected now (JobMeta.org's form): a job made on another one is refused. */
  org?: string;
  /** How the connection is named in messages. */
  orgLabel?: string;
  /** Restore contacts changed since the job too (their later changes are overwritten). */
  force?: boolean;
  lang?: Lang;
  /** The app has no --force flag to point at. */
  app?: boolean;
  /** The connection's staff directory (the app's, shared), to name owners and sharing in the diff. */
  directory?: DirectoryService;
  onProgress?: (p: ImportPlanProgress) => void;
}

export interface UndoPlan extends ImportPlan {
  undo: { jobId: string; kind: string; source: string; conflicts: number; force: boolean };
}

const options = (lang: Lang) => ({ ...DEFAULT_IMPORT_OPTIONS, language: lang });

async function jobToUndo(a: PlanUndoArgs, say: Translate, lang: Lang): Promise<JobRecord> {
  let rec: JobRecord;
  try {
    rec = await readJob(a.dataDir, a.jobId);
  } catch (e) {
    if (e instanceof JobNotFoundError)
      throw new UndoInputError(say('undo.noJob', { jobId: a.jobId, dataDir: a.dataDir }));
    if (e instanceof DamagedJobError)
      throw new UndoInputError(
        say('undo.damaged', {
          jobId: a.jobId,
          what: damageWhat(e.what, lang),
          reason: damageText(e.detail, lang),
        }),
      );
    throw e;
  }
  if (rec.state === 'running' || rec.state === 'paused')
    throw new UndoInputError(say('undo.running', { jobId: a.jobId }));
  const jobOrg = rec.meta.org;
  if (jobOrg && a.org && jobOrg !== a.org)
    throw new UndoInputError(
      say('undo.otherOrg', {
        jobId: a.jobId,
        jobOrg: jobOrg === 'sandbox' ? say('cli.sandboxOrg') : jobOrg.replace('|', ' / '),
        here: a.orgLabel ?? a.org,
      }),
    );
  return rec;
}

/** The contacts as they are now: by userid, and (when contacts must be re-created) by mobile. */
async function liveState(
  client: ImportClient,
  ids: Set<string>,
  byMobile: boolean,
  onProgress?: PlanUndoArgs['onProgress'],
): Promise<{ byId: Map<string, Contact>; byMobile: Map<string, Contact>; reads: ImportPlan['reads'] }> {
  const progress = (done: number, total?: number): void =>
    onProgress?.({ phase: 'fetching', done, ...(total !== undefined ? { total } : {}) });
  if (!byMobile) {
    const r = await fetchByUserIds(client, ids, progress);
    return { byId: r.found, byMobile: new Map(), reads: r.reads };
  }
  // Re-creating needs "does this mobile exist again?": only the whole list answers that.
  const byId = new Map<string, Contact>();
  const mobiles = new Map<string, Contact>();
  let n = 0;
  for await (const c of client.listContacts({ readAhead: () => true })) {
    byId.set(c.userid, c);
    if (c.mobile) mobiles.set(mobileKey(c.mobile, c.state_code, DEFAULT_IMPORT_OPTIONS), c);
    if (++n % 100 === 0) progress(n);
  }
  progress(n, n);
  return {
    byId,
    byMobile: mobiles,
    reads: { get: 0, listContacts: Math.floor(n / 100) + 1, strategy: 'list' },
  };
}

const cellsOf = (c: Pick<Contact, 'userid' | 'name' | 'company_name' | 'mobile'>): string[] => [
  c.userid,
  c.name,
  c.company_name ?? '',
  c.mobile ?? '',
];

export async function planUndo(a: PlanUndoArgs): Promise<UndoPlan> {
  const lang = a.lang ?? 'en';
  const say = translator(lang);
  const rec = await jobToUndo(a, say, lang);
  const saved = await readJobPlan(a.dataDir, a.jobId);
  const kept: Record<string, Contact> = { ...(saved?.plan.before ?? {}) };
  const results = new Map<number, RowResult>(rec.results.map((r) => [r.seq, r]));
  // Only what the job did: rows that went through.
  const done = rec.plan.filter((op) => results.get(op.seq)?.status === 'ok');
  if (done.length === 0) throw new UndoInputError(say('undo.nothingDone', { jobId: a.jobId }));

  // Deleted contacts of a job that kept no copy (earlier versions): the delete's backup file.
  const missing = done.filter((op) => op.kind === 'delete' && !kept[op.userId]);
  const backup = rec.meta.options?.backup;
  if (missing.length > 0 && typeof backup === 'string') {
    try {
      for (const c of await backupContacts(a.dataDir, backup, a.client)) kept[c.userid] ??= c;
    } catch (e) {
      throw new UndoInputError(
        say('undo.backupMissing', {
          jobId: a.jobId,
          backup,
          reason: e instanceof Error ? e.message : String(e),
        }),
      );
    }
  }

  a.onProgress?.({ phase: 'labels', done: 0 });
  const labels = new LabelIndex(await readLabelGroups(a.client));
  const ids = new Set<string>();
  for (const op of done) {
    if (op.kind === 'update') ids.add(op.userId);
    else if (op.kind === 'create') {
      const id = results.get(op.seq)?.userId;
      if (id) ids.add(id);
    }
  }
  const plannedAt = new Date().toISOString();
  const live = await liveState(
    a.client,
    ids,
    done.some((op) => op.kind === 'delete'),
    a.onProgress,
  );

  const rows: PlannedRow[] = [];
  const ops: RowOp[] = [];
  const before: Record<string, Contact> = {};
  let conflicts = 0;
  const force = Boolean(a.force);
  const conflictText = (fields: string[]): string =>
    say(force ? (a.app ? 'undo.forcedApp' : 'undo.forced') : a.app ? 'undo.conflictApp' : 'undo.conflict', {
      // In the admin's words (Remark / 备注), as the diff names them.
      fields: joinList(
        fields.map((f) => fieldLabel(say, f)),
        lang,
      ),
    });

  done.forEach((op, i) => {
    const row = i + 2; // as if the contacts were a sheet under a header row (the failed-rows file)
    const add = (p: Omit<PlannedRow, 'row'>, write?: RowOp): void => {
      const planned: PlannedRow = { row, ...p };
      if (write) {
        planned.seq = ops.length;
        ops.push({ ...write, seq: ops.length, row } as RowOp);
      }
      rows.push(planned);
    };
    if (op.kind === 'update') {
      const was = kept[op.userId];
      const now = live.byId.get(op.userId);
      const base = { userId: op.userId, name: (now ?? was)?.name ?? op.body.name, warnings: [] as string[] };
      if (!was || !now) {
        const error = !was ? say('undo.noBefore') : say('undo.goneSince', { id: op.userId });
        add({
          ...base,
          action: 'invalid',
          changes: [],
          errors: [error],
          cells: cellsOf(now ?? was ?? { userid: op.userId, name: op.body.name }),
        });
        return;
      }
      // Only the fields the job changed go back; a later change to any other field is kept, not a conflict.
      const jobFields = changedSince(was, op.body);
      const m = mergeUpdate(now, restoreIntent(was, jobFields), labels, options(lang));
      const cells = cellsOf(now);
      const company = now.company_name ? { company: now.company_name } : {};
      if (m.changes.length === 0) {
        add({ ...base, ...company, action: 'unchanged', changes: [], errors: [], cells });
        return;
      }
      const since = changedSince(now, op.body).filter((f) => jobFields.includes(f));
      if (since.length > 0) conflicts++;
      if (since.length > 0 && !force) {
        add({
          ...base,
          ...company,
          action: 'invalid',
          changes: m.changes,
          errors: [conflictText(since)],
          cells,
        });
        return;
      }
      const warnings = since.length > 0 ? [conflictText(since)] : [];
      if (m.errors.length > 0) {
        add({
          ...base,
          ...company,
          action: 'invalid',
          changes: m.changes,
          errors: m.errors,
          warnings,
          cells,
        });
        return;
      }
      before[now.userid] = now;
      add(
        { ...base, ...company, action: 'update', changes: m.changes, errors: [], warnings, cells },
        { seq: 0, row, kind: 'update', userId: now.userid, body: m.body, before: intentOf(now, m.body) },
      );
      return;
    }
    if (op.kind === 'create') {
      const id = results.get(op.seq)?.userId;
      const now = id ? live.byId.get(id) : undefined;
      const base = { name: now?.name ?? op.body.name, warnings: [] as string[] };
      const cells = cellsOf(
        now ?? {
          userid: id ?? '',
          name: op.body.name,
          mobile: op.body.mobile,
          company_name: op.body.company_name,
        },
      );
      if (!id) {
        add({ ...base, action: 'invalid', changes: [], errors: [say('undo.noNewId')], cells });
        return;
      }
      if (!now) {
        add({
          ...base,
          userId: id,
          action: 'unchanged',
          changes: [],
          errors: [],
          warnings: [say('undo.alreadyGone', { id })],
          cells,
        });
        return;
      }
      const since = changedSince(now, op.body);
      if (since.length > 0) conflicts++;
      if (since.length > 0 && !force) {
        add({ ...base, userId: id, action: 'invalid', changes: [], errors: [conflictText(since)], cells });
        return;
      }
      before[id] = now;
      add(
        {
          ...base,
          userId: id,
          ...(now.company_name ? { company: now.company_name } : {}),
          action: 'delete',
          changes: [],
          errors: [],
          warnings: since.length ? [conflictText(since)] : [],
          cells,
        },
        { seq: 0, row, kind: 'delete', userId: id },
      );
      return;
    }
    // A deleted contact: created again from the copy kept with the job.
    const was = kept[op.userId];
    const cells = cellsOf(was ?? { userid: op.userId, name: '' });
    const base = { name: was?.name ?? '', ...(was?.company_name ? { company: was.company_name } : {}) };
    if (!was) {
      add({
        ...base,
        userId: op.userId,
        action: 'invalid',
        changes: [],
        errors: [say('undo.noBefore')],
        warnings: [],
        cells,
      });
      return;
    }
    const back =
      live.byId.get(op.userId) ??
      (was.mobile
        ? live.byMobile.get(mobileKey(was.mobile, was.state_code, DEFAULT_IMPORT_OPTIONS))
        : undefined);
    if (back) {
      add({
        ...base,
        action: 'unchanged',
        changes: [],
        errors: [],
        warnings: [say('undo.mobileExists', { id: back.userid })],
        cells,
      });
      return;
    }
    const body = recreateBody(was);
    if (!body) {
      add({
        ...base,
        userId: op.userId,
        action: 'invalid',
        changes: [],
        errors: [say('undo.noMobile')],
        warnings: [],
        cells,
      });
      return;
    }
    const errors = validateBody(body, lang);
    add(
      {
        ...base,
        action: errors.length ? 'invalid' : 'create',
        changes: createChanges(body, labels),
        errors,
        warnings: [say('undo.recreates', { id: op.userId })],
        cells,
      },
      errors.length ? undefined : { seq: 0, row, kind: 'create', body },
    );
  });
  await namePeople(rows, a, lang);
  a.onProgress?.({ phase: 'done', done: rows.length, total: rows.length });
  const plan = contactsPlan('import', rows, ops, live.reads);
  return {
    ...plan,
    plannedAt,
    before,
    undo: { jobId: a.jobId, kind: rec.meta.kind, source: rec.meta.source, conflicts, force },
  };
}

/** A re-create's diff: every field from nothing to its value, labels by name. */
function createChanges(body: ContactCreate, labels: LabelIndex): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, v] of Object.entries(body)) {
    if (field === 'label_ids')
      out.push({ field: 'labels', before: [], after: (v as number[]).map((id) => labels.display(id)) });
    else out.push({ field, before: Array.isArray(v) ? [] : '', after: v });
  }
  return out;
}

/** The diff names owners and sharing (as an import's does) when the directory can be read; else ids. */
async function namePeople(rows: PlannedRow[], a: PlanUndoArgs, lang: Lang): Promise<void> {
  if (!rows.some((r) => r.changes.some((c) => PEOPLE_FIELDS.has(c.field)))) return;
  if (!a.directory && !a.client.listStaffPage) return;
  const service = a.directory ?? new DirectoryService(a.client as DirectoryClient, { language: lang });
  let people: PeopleCells;
  try {
    people = new PeopleCells(await service.get(), lang);
  } catch (e) {
    if (isDirectoryError(e)) return;
    throw e;
  }
  for (const r of rows) labelPeopleChanges(r.changes, people);
}
