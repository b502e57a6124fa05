// Planning's first pass: the sheet read once, streaming. Each row is kept packed (packed-row.ts: the reader's
// arrays are garbage after this pass), its match key found, repeated keys refused, and the owner and sharing
// cells looked at (the directory is read only when one holds something, and mobiles only when one names one).
import type { ImportOptions, ImportPlanProgress, PlannedRow } from '../../../shared/import-types';
import { fieldLabel, langOf, translator } from '../../../shared/i18n';
import { mobileOf } from '../directory';
import { splitList } from './labels';
import type { ColumnIndex } from './mapping';
import { CellStore, detached } from './packed-row';
import { KeyIndex } from './key-index';
import { PEOPLE_FIELDS } from './people';
import type { SheetRow, SheetSource } from './plan';
import { cellAt, mobileKey, rowKey } from './row-intent';

export interface SheetRows {
  rows: PlannedRow[];
  /** Each row's match key, and the row (index in `rows`) of each key's first use: the keys read. */
  index: KeyIndex;
  /** Rows that would create a contact (no user_id, `--create`): mobile key → sheet row number. */
  firstRowOfNewMobile: Map<string, number>;
  /** Whether any owner or sharing cell holds something. */
  namesPeople: boolean;
  /** Mobiles the owner and sharing cells name (looked up with getbymobile). */
  mobiles: Set<string>;
}

/** 11 digits with only spaces or dashes between them, tested in place (no copy of the cell per row). */
const ELEVEN_DIGITS = /\d(?:[\s-]*\d){10}/;

export async function readSheetRows(
  source: SheetSource,
  cols: ColumnIndex,
  options: ImportOptions,
  onProgress?: (p: ImportPlanProgress) => void,
): Promise<SheetRows> {
  const say = translator(langOf(options));
  const out: SheetRows = {
    rows: [],
    index: new KeyIndex(),
    firstRowOfNewMobile: new Map(),
    namesPeople: false,
    mobiles: new Set(),
  };
  const { rows, index, firstRowOfNewMobile, mobiles } = out;
  const mobileCol = cols.fields.get('mobile');
  const stateCol = cols.fields.get('state_code');
  const peopleCols = [...cols.fields].filter(([f]) => PEOPLE_FIELDS.has(f)).map(([, col]) => col);
  const store = new CellStore();
  for await (const batch of sheetBatches(source))
    for (const read of batch) {
      const cells = read.cells;
      if (isBlankRow(cells)) continue;
      const { row } = read;
      const planned = store.row(row, cells);
      const key = detached(rowKey(cells, cols, options));
      const first = index.push(key);
      if (first !== undefined)
        planned.errors = [
          say('plan.keyRepeated', {
            what: fieldLabel(say, options.match),
            key: displayKey(key),
            row: rows[first]!.row,
          }),
        ];
      if (key === '' && options.create && options.match === 'user_id') {
        // New contacts (no user_id) are told apart by mobile: two rows creating one person is a mistake.
        const mk = mobileKey(cellAt(cells, mobileCol), cellAt(cells, stateCol), options);
        const firstNew = mk === '' ? undefined : firstRowOfNewMobile.get(mk);
        if (firstNew !== undefined)
          planned.errors = [
            say('plan.keyRepeated', { what: fieldLabel(say, 'mobile'), key: displayKey(mk), row: firstNew }),
          ];
        else if (mk !== '') firstRowOfNewMobile.set(detached(mk), row);
      }
      for (const col of peopleCols) {
        const cell = cellAt(cells, col);
        if (cell === '') continue;
        out.namesPeople = true;
        // Mobiles are looked up (getbymobile) only when a cell names one: 11 digits, spaces and dashes aside.
        if (cell.length >= 11 && ELEVEN_DIGITS.test(cell))
          for (const item of splitList(cell)) if (mobileOf(item) !== undefined) mobiles.add(item);
      }
      rows.push(planned);
      if (rows.length % 1000 === 0) onProgress?.({ phase: 'reading', done: rows.length });
    }
  return out;
}

/** A match key as messages show it: `+86 138…` for a mobile key, `"…"` for a user_id. */
export function displayKey(key: string): string {
  return key.includes(' ') ? `+${key}` : `"${key}"`;
}

function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c && c.trim() !== '') return false;
  return true;
}

/** A source's rows a chunk per await when it can (else one by one): 100,000 awaits cost more than the rows. */
async function* sheetBatches(source: SheetSource): AsyncGenerator<readonly SheetRow[]> {
  if (source.batches) yield* source.batches();
  else for await (const read of source.rows()) yield [read];
}
