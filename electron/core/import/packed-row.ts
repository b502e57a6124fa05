// Plan rows that keep their sheet cells compactly. A plan holds every row of the sheet (reports and the
// failed-rows file need the original cells): 20 cell strings per row cost ~1 KB with the reader's chunk they
// were cut from. Here a row's cells are kept as UTF-8 in large blocks off the JS heap (a row with one Chinese
// character would make a whole JS string two bytes a character; the collector never walks the blocks), each
// record its cells' lengths then their text run together, and the row holds only its position. `cells`
// stays an own enumerable property (an accessor), so JSON, IPC's structured clone, spreads and deep equality
// see `cells: string[]` as before; each read decodes again (a fresh array).
import type { PlannedRow } from '../../../shared/import-types';

/** Rows never errored or changed share these (frozen: a stray push fails loudly instead of leaking). */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Block size: positions stay small integers (block index × BLOCK + offset) up to 2 GB of text. */
const BLOCK = 4 * 1024 * 1024;
/** Each record starts with its byte length. */
const HEAD = 4;
/** A varint's most bytes (a length below 2^35). */
const VARINT = 5;

/** Cell lengths read back, reused from read to read (grown for a wider row). */
let lengths = new Uint32Array(256);

/** The cells of one plan's rows. Rows made by `row()` read their cells from here. */
export class CellStore {
  private readonly blocks: Buffer[] = [];
  private block: Buffer | undefined;
  private used = 0;
  private readonly Row: new (row: number, where: number | string[]) => PlannedRow;

  constructor() {
    const read = (where: number): string[] => this.read(where);
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
          return typeof where === 'number' ? read(where) : where;
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
    const n = cells.length;
    if (n === 0) return cells;
    const text = n === 1 ? cells[0]! : cells.join('');
    // UTF-8 takes at most 3 bytes per UTF-16 unit: when that fits, write without measuring first. Offsets
    // stay below BLOCK (a block of its own for a longer record is full after it).
    const most = (n + 1) * VARINT + text.length * 3;
    if (!this.block || BLOCK - this.used - HEAD < most) {
      const bytes = (n + 1) * VARINT + Buffer.byteLength(text);
      if (!this.block || BLOCK - this.used - HEAD < bytes) {
        this.block = Buffer.allocUnsafe(Math.max(BLOCK, bytes + HEAD));
        this.blocks.push(this.block);
        this.used = 0;
      }
    }
    const block = this.block;
    const at = this.used;
    let end = varint(block, at + HEAD, n);
    for (let i = 0; i < n; i++) end = varint(block, end, cells[i]!.length);
    end += block.write(text, end, 'utf8');
    block.writeUInt32LE(end - at - HEAD, at);
    this.used = end;
    return (this.blocks.length - 1) * BLOCK + at;
  }

  private read(where: number): string[] {
    // A record longer than a block has a block of its own, at offset 0.
    const block = this.blocks[Math.floor(where / BLOCK)]!;
    let at = where % BLOCK;
    const end = at + HEAD + block.readUInt32LE(at);
    at += HEAD;
    let n = 0;
    for (let shift = 0; ; shift += 7) {
      const b = block[at++]!;
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
    }
    if (lengths.length < n) lengths = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      let len = 0;
      for (let shift = 0; ; shift += 7) {
        const b = block[at++]!;
        len += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) break;
      }
      lengths[i] = len;
    }
    const text = block.toString('utf8', at, end);
    const cells = new Array<string>(n);
    for (let i = 0, pos = 0; i < n; i++) cells[i] = text.slice(pos, (pos += lengths[i]!));
    return cells;
  }
}

/** Writes `value` as a varint (7 bits a byte, low first) at `at`; returns the offset after it. */
function varint(block: Buffer, at: number, value: number): number {
  while (value >= 0x80) {
    block[at++] = (value % 0x80) | 0x80;
    value = Math.floor(value / 0x80);
  }
  block[at++] = value;
  return at;
}

/**
 * A copy of a cell text kept past its row (a match key): V8 cuts strings of 13 characters or more out of
 * the reader's chunk as slices, and one kept slice keeps the whole chunk alive. Shorter ones are copies.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}
