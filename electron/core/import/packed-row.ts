// Plan rows that keep their sheet cells compactly. A plan holds every row of the sheet (reports and the
// failed-rows file need the original cells): 20 cell strings per row cost ~1 KB with the reader's chunk they
// were cut from. Here a row's cells are joined and kept as UTF-8 in large blocks off the JS heap (a row with
// one Chinese character would make a whole JS string two bytes a character; the collector never walks the
// blocks), and the row holds only its position. `cells` stays an own enumerable property (an accessor), so
// JSON, IPC's structured clone, spreads and deep equality see `cells: string[]` as before; each read
// decodes and splits again (a fresh array).
import type { PlannedRow } from '../../../shared/import-types';

/** Between cells: a character a sheet cell practically never holds (a row whose cells do is kept as is). */
const SEP = '\u0000';

/** Rows never errored or changed share these (frozen: a stray push fails loudly instead of leaking). */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Block size: positions stay small integers (block index × BLOCK + offset) up to 2 GB of text. */
const BLOCK = 4 * 1024 * 1024;
/** Each record starts with its byte length. */
const HEAD = 4;

/** The cells of one plan's rows. Rows made by `row()` read their cells from here. */
export class CellStore {
  private readonly blocks: Buffer[] = [];
  private block: Buffer | undefined;
  private used = 0;
  private readonly Row: new (row: number, where: number | string[]) => PlannedRow;

  constructor() {
    const read = (where: number): string => this.read(where);
    const keep = (cells: string[]): number | string[] => this.keep(cells);
    // A class per store, so that its rows' accessor reaches the store. The position is a private field
    // (invisible to JSON, clones and deep equality); `cells` is defined with one shared descriptor, so
    // every row has the same hidden class.
    this.Row = class Row {
      row: number;
      action: PlannedRow['action'] = 'invalid';
      changes: PlannedRow['changes'] = NONE;
      errors: PlannedRow['errors'] = NONE;
      warnings: PlannedRow['warnings'] = NONE;
      #where: number | string[];
      static readonly cells: PropertyDescriptor = {
        get(this: Row): string[] {
          const where = this.#where;
          return typeof where === 'number' ? read(where).split(SEP) : where;
        },
        set(this: Row, cells: string[]): void {
          this.#where = keep(cells);
        },
        enumerable: true,
        configurable: true,
      };
      constructor(row: number, where: number | string[]) {
        this.row = row;
        this.#where = where;
        Object.defineProperty(this, 'cells', Row.cells);
      }
    } as unknown as new (row: number, where: number | string[]) => PlannedRow;
  }

  /**
   * A plan row in the 'invalid' state with no changes, errors or warnings yet (the shared NONE: assign a
   * new array to add to one).
   */
  row(row: number, cells: string[]): PlannedRow {
    return new this.Row(row, this.keep(cells));
  }

  private keep(cells: string[]): number | string[] {
    if (cells.length === 0) return cells;
    for (let i = 0; i < cells.length; i++) if (cells[i]!.includes(SEP)) return cells;
    return this.write(cells.join(SEP));
  }

  private write(text: string): number {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: when that fits, write without measuring first. Offsets
    // stay below BLOCK (a block of its own for a longer record is full after it).
    let room = this.block ? BLOCK - this.used - HEAD : -1;
    if (room < text.length * 3) {
      const bytes = Buffer.byteLength(text);
      if (room < bytes) {
        this.block = Buffer.allocUnsafe(Math.max(BLOCK, bytes + HEAD));
        this.blocks.push(this.block);
        this.used = 0;
        room = this.block.length - HEAD;
      }
    }
    const block = this.block!;
    const at = this.used;
    const n = block.write(text, at + HEAD, 'utf8');
    block.writeUInt32LE(n, at);
    this.used = at + HEAD + n;
    return (this.blocks.length - 1) * BLOCK + at;
  }

  private read(where: number): string {
    // A record longer than a block has a block of its own, at offset 0.
    const block = this.blocks[Math.floor(where / BLOCK)]!;
    const at = where % BLOCK;
    return block.toString('utf8', at + HEAD, at + HEAD + block.readUInt32LE(at));
  }
}

/**
 * A copy of a cell text kept past its row (a match key): V8 cuts strings of 13 characters or more out of
 * the reader's chunk as slices, and one kept slice keeps the whole chunk alive. Shorter ones are copies.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}
