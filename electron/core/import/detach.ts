// Plan rows keep their cells for the whole job. Readers hand out substrings of big parser buffers
// (V8 "sliced strings"), and one kept substring keeps its whole buffer alive: 100,000 xlsx rows held
// ~230 MB of XML that way instead of ~56 MB of cell text. A JSON round trip makes a standalone copy.
// Strings under 13 characters are always copied by V8, so they are left as they are.
const SLICE_MIN = 13;

export function detachString(s: string): string {
  return s.length < SLICE_MIN ? s : (JSON.parse(JSON.stringify(s)) as string);
}

export function detachCells(cells: readonly string[]): string[] {
  const out = new Array<string>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    out[i] = typeof c === 'string' ? detachString(c) : c;
  }
  return out;
}
