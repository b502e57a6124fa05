// planDelete: a sheet of user_ids → who would be deleted (name, company); unknown ids are invalid.
import type { RowOp } from '../../../shared/domain';
import type { ImportPlan, ImportPlanProgress, PlannedRow } from '../../../shared/import-types';
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/import-types';
import type { ImportClient } from './current';
import { fetchByUserIds, readLabelGroups } from './current';
import { autoMap, indexColumns } from './mapping';
import type { MappingFile } from '../../../shared/import-types';
import { checkMapping, summarise, type SheetSource } from './plan';
import { CellStore } from './packed-row';
import { cellAt } from './row-intent';
import { ImportInputError } from './mapping-file';
import { planSource } from './sheet-notes';
import { beforeOf } from './before-state';
import { fieldLabel, translator, type Lang } from '../../../shared/i18n';

export interface PlanDeleteArgs {
  source: SheetSource;
  client: ImportClient;
  mapping?: MappingFile;
  onProgress?: (p: ImportPlanProgress) => void;
  /** Language of the row messages; default English. */
  language?: Lang;
}

export async function planDelete(args: PlanDeleteArgs): Promise<ImportPlan> {
  const { source, client, onProgress } = args;
  const headers = source.info.headers;
  const labelGroups = await readLabelGroups(client);
  const say = translator(args.language ?? 'en');
  const mapping = autoMap(headers, labelGroups, args.mapping, args.language);
  checkMapping(
    mapping,
    labelGroups.map((g) => g.name),
    { ...DEFAULT_IMPORT_OPTIONS, language: args.language },
  );
  const idCol = indexColumns(mapping).fields.get('user_id');

  const rows: PlannedRow[] = [];
  const store = new CellStore();
  const firstRow = new Map<string, number>();
  for await (const read of source.rows()) {
    if (read.cells.every((c) => (c ?? '').trim() === '')) continue;
    const { row } = read;
    const cells = read.cells;
    const id = cellAt(cells, idCol);
    // Packed like an import plan's rows (see packed-row.ts): a delete sheet can be as long.
    const planned = store.row(row, cells);
    if (id === '') planned.errors = [say('plan.userIdEmpty')];
    else if (firstRow.has(id))
      planned.errors = [
        say('plan.keyRepeated', { what: fieldLabel(say, 'user_id'), key: `"${id}"`, row: firstRow.get(id)! }),
      ];
    else {
      firstRow.set(id, row);
      planned.userId = id;
    }
    rows.push(planned);
    if (rows.length % 1000 === 0) onProgress?.({ phase: 'reading', done: rows.length });
  }
  if (rows.length === 0) throw new ImportInputError(say('plan.noDataRows'));

  const current = await fetchByUserIds(client, new Set(firstRow.keys()), (done, total) =>
    onProgress?.({ phase: 'fetching', done, ...(total !== undefined ? { total } : {}) }),
  );
  const ops: RowOp[] = [];
  for (const planned of rows) {
    if (planned.errors.length > 0) continue;
    const c = current.found.get(planned.userId!);
    if (!c) {
      planned.errors = [say('plan.deleteNotFound', { id: planned.userId! })];
      continue;
    }
    planned.action = 'delete';
    planned.name = c.name;
    if (c.company_name) planned.company = c.company_name;
    planned.seq = ops.length;
    ops.push({ seq: ops.length, row: planned.row, kind: 'delete', userId: c.userid });
  }
  onProgress?.({ phase: 'done', done: rows.length, total: rows.length });
  return {
    kind: 'delete',
    headers,
    headerRow: source.info.headerRow ?? 1,
    ...planSource(source.info, args.language ?? 'en'),
    mapping,
    rows,
    ops,
    summary: summarise(rows),
    reads: current.reads,
    before: beforeOf(ops, current.found),
  };
}
