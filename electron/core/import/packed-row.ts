// Plan rows that keep their sheet cells compactly. A plan holds every row of the sheet (reports and the
// failed-rows file need the original cells), and 20 cell strings per row cost ~800 bytes each plus the
// reader's chunk they were cut from; one string of the cells joined costs about what the text does. The
// cells are still an own enumerable property (an accessor), so JSON, IPC's structured clone, spreads and
// deep equality see `cells: string[]` as before; each read splits the text again (a fresh array).
import type { PlannedRow } from '../../../shared/import-types';

/** Between cells: a character a sheet cell practically never holds (a row whose cells do is kept as is). */
const SEP = '\u0000';
const TEXT = Symbol('cells');

type Packed = PlannedRow & { [TEXT]: string | string[] };

/** Rows never errored or changed share these (frozen: a stray push fails loudly instead of leaking). */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

function pack(cells: string[]): string | string[] {
  if (cells.length === 0) return cells;
  for (let i = 0; i < cells.length; i++) if (cells[i]!.includes(SEP)) return cells;
  return cells.join(SEP);
}

function getCells(this: Packed): string[] {
  const text = this[TEXT];
  return typeof text === 'string' ? text.split(SEP) : text;
}

function setCells(this: Packed, cells: string[]): void {
  this[TEXT] = pack(cells);
}

/**
 * A plan row in the 'invalid' state with no changes, errors or warnings yet (the shared NONE: assign a new
 * array to add to one). The same accessor functions for every row keep all rows on one hidden class.
 */
export function packedRow(row: number, cells: string[]): PlannedRow {
  const planned = { row, action: 'invalid', changes: NONE, errors: NONE, warnings: NONE } as Omit<
    PlannedRow,
    'cells'
  > as PlannedRow;
  Object.defineProperty(planned, 'cells', {
    get: getCells,
    set: setCells,
    enumerable: true,
    configurable: true,
  });
  Object.defineProperty(planned, TEXT, { value: pack(cells), writable: true });
  return planned;
}

/**
 * A copy of a cell text kept past its row (a match key): V8 cuts strings of 13 characters or more out of
 * the reader's chunk as slices, and one kept slice keeps the whole chunk alive. Shorter ones are copies.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}
