// planImport: sheet → plan, no writes. Pass 1 (sheet-rows.ts) reads the sheet once (the plan rows, packed,
// are its only in-memory copy) and finds the match keys. Pass 2 reads current state with as few calls as
// possible and merges, validates and diffs each row as its contact arrives (current.ts streams them):
// contacts are not kept, only those the plan's updates change (`before`, for undo and re-merge). The rows no
// contact arrived for (creates, not found) are planned after the stream, then `ops` are numbered in row
// order. Most rows ask for what their contact holds: row-same.ts tells those without a merge.
import type { Contact, ContactCreate, ContactUpdate, RowOp } from '../../../shared/domain';
import type {
  ImportOptions,
  ImportPlan,
  ImportPlanProgress,
  ImportSummary,
  MappingFile,
  MappingResult,
  PlannedRow,
} from '../../../shared/import-types';
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/import-types';
import type { ImportClient } from './current';
import {
  readLabelGroups,
  streamByMobiles,
  streamByUserIds,
  streamByUserIdsAndMobiles,
  type ContactSink,
} from './current';
import { LabelIndex } from './labels';
import { autoMap, indexColumns } from './mapping';
import { ImportInputError } from './mapping-file';
import { mergeCreate, mergeUpdate } from './merge';
import { intentOf } from './remerge';
import { cellAt, mobileKey, readIntent } from './row-intent';
import { sameRowCheck } from './row-same';
import { displayKey, readSheetRows } from './sheet-rows';
import { fieldLabel, langOf, translate, translator, type Lang, type Translate } from '../../../shared/i18n';
import { sheetList, type SheetWithData } from '../sheets/sheet-choice';
import { DirectoryService, type DirectoryClient } from '../directory';
import { PeopleCells } from './people';
import { labelPeopleChanges } from './people-changes';
import { planSource, type SourceInfo } from './sheet-notes';
import { NONE } from './packed-row';
import { clip, listSome } from '../../../shared/clip';

export interface SheetRow {
  row: number;
  cells: string[];
}

/** What planning reads from a sheet; `openSheet()` of electron/core/sheets returns a compatible object. */
export interface SheetSource {
  info: { headers: string[]; headerRow?: number; sheets?: readonly string[] } & SourceInfo;
  rows(): AsyncIterable<SheetRow>;
  /** The same rows a chunk at a time (openSheet's sources have it): read that way when there. */
  batches?(): AsyncIterable<SheetRow[]>;
  /** Workbooks: the other sheets that hold a table, named when this sheet has no key column. */
  otherSheets?(): Promise<SheetWithData[]>;
}

/**
 * A mapping error on a workbook names the sheet read and the other sheets that hold data: the admin most
 * likely read an instructions sheet (填写说明) instead of the table.
 */
async function onWhichSheet(e: unknown, source: SheetSource, lang: Lang): Promise<unknown> {
  const { sheet, sheets, format } = source.info;
  if (
    !(e instanceof ImportInputError) ||
    format === 'csv' ||
    sheet === undefined ||
    (sheets?.length ?? 0) < 2
  )
    return e;
  const others = (await source.otherSheets?.().catch(() => [])) ?? [];
  const list =
    others.length > 0 ? translate(lang, 'sheet.readSheetOthers', { sheets: sheetList(others, lang) }) : '';
  const named = translate(lang, 'sheet.readSheet', { sheet: clip(sheet, 40), others: list });
  return new ImportInputError(e.message + named);
}

export interface PlanImportArgs {
  source: SheetSource;
  /** A loaded mapping file; headers it names take its targets, the rest are auto-mapped. */
  mapping?: MappingFile;
  options?: Partial<ImportOptions>;
  client: ImportClient;
  /**
   * The connection's staff directory, read once and shared (the app keeps one per connection). Without it,
   * a sheet that names people or departments reads the directory through `client`.
   */
  directory?: DirectoryService;
  onProgress?: (p: ImportPlanProgress) => void;
}

/** A planned row's write before `ops` are numbered; an update keeps its contact for `before`. */
type Write =
  { kind: 'update'; contact: Contact; body: ContactUpdate } | { kind: 'create'; body: ContactCreate };

export function summarise(rows: readonly PlannedRow[]): ImportSummary {
  const s: ImportSummary = { rows: rows.length, create: 0, update: 0, delete: 0, unchanged: 0, invalid: 0 };
  for (const r of rows) s[r.action]++;
  return s;
}

/** Checks the mapping against the label groups and the match key; throws ImportInputError (in the plan's language). */
export function checkMapping(
  mapping: MappingResult,
  groupNames: readonly string[],
  options: Pick<ImportOptions, 'match' | 'language'>,
): void {
  const lang = langOf(options);
  const t = translator(lang);
  const known = new Set(groupNames.map((g) => g.trim().toLowerCase()));
  for (const c of mapping.columns) {
    if (typeof c.target === 'object' && !known.has(c.target.group.trim().toLowerCase())) {
      throw new ImportInputError(
        t('plan.unknownGroupColumn', {
          header: clip(c.header),
          group: clip(c.target.group),
          groups: listSome(groupNames, lang, 8),
        }),
      );
    }
  }
  const mapped = new Set(mapping.columns.map((c) => (typeof c.target === 'string' ? c.target : 'labels')));
  const key = options.match === 'mobile' ? 'mobile' : 'user_id';
  if (!mapped.has(key)) {
    const headers = mapping.columns.map((c) => c.header).filter(Boolean);
    const field = fieldLabel(t, key);
    // A header close to the key's names ("Mobil", "手机号码 必填") is most likely the column meant.
    const close = mapping.columns.find((c) => c.source === 'unrecognised' && c.suggestions?.includes(key));
    throw new ImportInputError(
      t('plan.noKeyColumn', {
        field,
        headers: listSome(headers, lang, 8, (h) => `"${h}"`) || '—',
      }) +
        (close ? t('plan.didYouMeanColumn', { header: clip(close.header), field }) : '') +
        (key === 'user_id' && mapped.has('mobile') ? t('plan.matchByMobileInstead') : ''),
    );
  }
}

export async function planImport(args: PlanImportArgs): Promise<ImportPlan> {
  const options: ImportOptions = { ...DEFAULT_IMPORT_OPTIONS, ...args.options };
  const { source, client, onProgress } = args;
  const headers = source.info.headers;
  onProgress?.({ phase: 'labels', done: 0 });
  const labelGroups = await readLabelGroups(client);
  const labels = new LabelIndex(labelGroups);
  const mapping = autoMap(headers, labelGroups, args.mapping, langOf(options));
  try {
    checkMapping(
      mapping,
      labelGroups.map((g) => g.name),
      options,
    );
  } catch (e) {
    throw await onWhichSheet(e, source, langOf(options));
  }
  const cols = indexColumns(mapping);

  // Pass 1, streaming: keep each row once, find match keys and duplicates.
  const say = translator(langOf(options));
  const nameCol = cols.fields.get('name');
  const { rows, index, firstRowOfNewMobile, namesPeople, mobiles } = await readSheetRows(
    source,
    cols,
    options,
    onProgress,
  );
  if (rows.length === 0) throw new ImportInputError(say('plan.noDataRows'));
  onProgress?.({ phase: 'reading', done: rows.length, total: rows.length });

  // The staff directory, before any contact is read: a missing permission stops here, nothing sent.
  let people: PeopleCells | undefined;
  if (namesPeople) {
    onProgress?.({ phase: 'directory', done: 0 });
    const service =
      args.directory ?? new DirectoryService(directoryClient(client), { language: langOf(options) });
    const dir = await service.get((p) => onProgress?.({ phase: 'directory', done: p.staff }));
    await service.lookupMobiles(dir, mobiles);
    people = new PeopleCells(dir, langOf(options));
  }

  // Pass 2: merge, validate, diff. A row is planned when its contact arrives (the contacts stream in and are
  // not kept: a million-row sheet must not hold a million contacts), the rows without one after the stream.
  // A row's write waits in `writes` until all are known, then `ops` are numbered in row order.
  const writes = new Array<Write | undefined>(rows.length);
  // What the rows planned after the stream need, known once it ends: the contacts already holding the
  // mobile of a row that would create one (match by user_id), and the sheet ids that name a contact once
  // leading zeros are dropped.
  const late: { taken: Map<string, Contact>; zeroless?: Map<string, string> } = { taken: new Map() };

  // Most rows ask for what their contact already holds: told cheaply, without an intent or a body.
  const same = sameRowCheck(cols, options, labels, people);
  const planRow = (i: number, contact: Contact | undefined): void => {
    const planned = rows[i]!;
    const key = index.rowKeys[i]!;
    const cells = planned.cells;
    if (contact && planned.errors.length === 0 && same(cells, contact)) {
      // What the full path below sets for an unchanged row (its body is the contact as it is). A user_id
      // key is the contact's id, and a string the plan holds already.
      planned.userId = options.match === 'user_id' ? key : contact.userid;
      planned.name = contact.name;
      if (contact.company_name) planned.company = contact.company_name;
      planned.action = 'unchanged';
      return;
    }
    const intent = readIntent(cells, cols, options, labels, headers, people, contact);
    // Rows share the empty NONE lists until they have something to hold (most rows never do).
    let errors = planned.errors;
    const add = (more: readonly string[]): void => {
      if (more.length === 0) return;
      if (errors === NONE) errors = [...more];
      else errors.push(...more);
    };
    if (errors.length > 0) {
      add(intent.errors);
    } else if (contact) {
      const m = mergeUpdate(contact, intent, labels, options);
      planned.userId = contact.userid;
      planned.name = m.body.name;
      if (m.body.company_name) planned.company = m.body.company_name;
      add(m.errors);
      if (m.warnings.length > 0) planned.warnings = m.warnings;
      if (m.changes.length > 0) planned.changes = people ? labelPeopleChanges(m.changes, people) : m.changes;
      if (errors.length === 0) {
        if (m.changes.length === 0) planned.action = 'unchanged';
        else {
          planned.action = 'update';
          writes[i] = { kind: 'update', contact, body: m.body };
        }
      }
    } else if (
      options.create &&
      cellAt(cells, cols.fields.get('mobile')) !== '' &&
      (options.match === 'mobile' || key === '')
    ) {
      const m = mergeCreate(intent, labels, options);
      // Only a row without a user_id creates; its mobile's key is worked out only when some mobile is taken.
      const newKey =
        key === '' && late.taken.size > 0 ? mobileKey(m.body.mobile, m.body.state_code, options) : '';
      const owner = newKey === '' ? undefined : late.taken.get(newKey);
      if (owner)
        m.errors.push(
          say('plan.mobileTaken', { key: displayKey(newKey), name: owner.name, id: owner.userid }),
        );
      planned.name = m.body.name || undefined;
      if (m.body.company_name) planned.company = m.body.company_name;
      add(m.errors);
      if (m.changes.length > 0) planned.changes = people ? labelPeopleChanges(m.changes, people) : m.changes;
      if (errors.length === 0) {
        planned.action = 'create';
        writes[i] = { kind: 'create', body: m.body };
      }
    } else {
      add(intent.errors);
      add([notFoundMessage(say, key, options, late.zeroless?.get(key))]);
    }
    planned.errors = errors;
    // Name the row for the diff view and reports even when it matched no contact.
    planned.name ??= cellAt(cells, nameCol) || undefined;
    if (planned.name === undefined) delete planned.name;
    // Invalid rows keep their diff: it shows what would change once the errors are fixed.
    if (errors.length > 0) planned.action = 'invalid';
  };

  // The contacts of the matched rows, each merged as it arrives (a job re-reads them if it starts writing
  // much later).
  const plannedAt = new Date().toISOString();
  const merged = new Uint8Array(rows.length);
  const sink: ContactSink = {
    take(key, contact) {
      const i = index.rowOf(key);
      if (merged[i] === 1) return rows[i]!.userId ?? '';
      merged[i] = 1;
      planRow(i, contact);
      return undefined;
    },
    has: (key) => merged[index.rowOf(key)] === 1,
  };
  const progress = (done: number, total?: number): void =>
    onProgress?.({ phase: 'fetching', done, ...(total !== undefined ? { total } : {}) });
  let duplicates = new Map<string, string[]>();
  let current;
  if (options.match === 'mobile') {
    const r = await streamByMobiles(client, index, options, sink, progress);
    duplicates = r.duplicates;
    current = r;
  } else if (firstRowOfNewMobile.size > 0) {
    const r = await streamByUserIdsAndMobiles(client, index, firstRowOfNewMobile, options, sink, progress);
    late.taken = r.byMobile;
    current = r;
  } else current = await streamByUserIds(client, index, sink, progress);
  late.zeroless = current.zeroless;

  // A mobile two contacts hold matches neither: the row merged with the first one is refused.
  for (const [key, ids] of duplicates) {
    const i = index.rowOf(key);
    const planned = rows[i]!;
    planned.errors = [
      say('plan.keySharedByContacts', { key: displayKey(key), ids: ids.join(', ') }),
      ...planned.errors,
    ];
    planned.action = 'invalid';
    writes[i] = undefined;
  }
  // The rows no contact arrived for: creates, not found, and rows invalid from the start.
  for (let i = 0; i < rows.length; i++) {
    if (merged[i] === 0) planRow(i, undefined);
    if ((i + 1) % 5000 === 0) onProgress?.({ phase: 'planning', done: i + 1, total: rows.length });
  }
  // The writes in row order, numbered; `before` keeps the contacts that updates change (undo, re-merge).
  const ops: RowOp[] = [];
  const before: Record<string, Contact> = {};
  for (let i = 0; i < rows.length; i++) {
    const w = writes[i];
    if (!w) continue;
    const planned = rows[i]!;
    const seq = ops.length;
    planned.seq = seq;
    if (w.kind === 'create') ops.push({ seq, row: planned.row, kind: 'create', body: w.body });
    else {
      before[w.contact.userid] = w.contact;
      ops.push({
        seq,
        row: planned.row,
        kind: 'update',
        userId: w.contact.userid,
        body: w.body,
        before: intentOf(w.contact, w.body),
      });
    }
  }
  onProgress?.({ phase: 'done', done: rows.length, total: rows.length });
  return {
    kind: 'import',
    headers,
    headerRow: source.info.headerRow ?? 1,
    ...planSource(source.info, langOf(options)),
    plannedAt,
    mapping,
    rows,
    ops,
    summary: summarise(rows),
    reads: current.reads,
    before,
  };
}

function notFoundMessage(say: Translate, key: string, options: ImportOptions, withZeros?: string): string {
  if (key === '') {
    const what = fieldLabel(say, options.match);
    if (options.create) return say('plan.nothingToMatchOrCreate', { what });
    return say(options.match === 'user_id' ? 'plan.keyEmptyUseCreate' : 'plan.keyEmpty', { what });
  }
  if (options.match === 'mobile')
    return say(options.create ? 'plan.noContactWithMobile' : 'plan.noContactWithMobileUseCreate', {
      key: displayKey(key),
    });
  return (
    say('plan.noContactWithUserId', { key: displayKey(key) }) +
    (withZeros !== undefined ? say('plan.leadingZerosDropped', { id: withZeros }) : '')
  );
}

/** The client's directory calls; a client without them cannot resolve names (a programming error). */
function directoryClient(client: ImportClient): DirectoryClient {
  const { listSubDepartments, listStaffPage, staffIdByMobile, departmentName } = client;
  if (!listSubDepartments || !listStaffPage || !staffIdByMobile || !departmentName)
    throw new Error('planImport: the client has no staff-directory calls; pass `directory`');
  return client as DirectoryClient;
}
