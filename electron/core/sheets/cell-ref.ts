// A1-style cell references and ranges.

export interface CellRange {
  /** 1-based, inclusive. */
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** "AB12" → column 28 (1-based); 0 when the reference has no column letters. Stops at 4 letters. */
export function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const cellName = (row: number, col: number): string => `${columnLetters(col)}${row}`;

/** "B2:C4" → range; undefined when malformed. */
export function parseRange(ref: string): CellRange | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  const r = { c1: columnOf(m[1]!), r1: Number(m[2]), c2: columnOf(m[3]!), r2: Number(m[4]) };
  if (r.r1 < 1 || r.c1 < 1 || r.r2 < r.r1 || r.c2 < r.c1) return undefined;
  return r;
}

export const rangeName = (r: CellRange): string => `${cellName(r.r1, r.c1)}:${cellName(r.r2, r.c2)}`;
