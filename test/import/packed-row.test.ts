// Plan rows keep their cells in a CellStore (UTF-8 blocks off the JS heap) and still read as string arrays.
import { describe, expect, it } from 'vitest';
import { CellStore } from '../../electron/core/import/packed-row';

describe('CellStore rows', () => {
  it('give back the cells as they were, through JSON, structured clone and spreads', () => {
    const store = new CellStore();
    const cells = ['0112', '张伟', '', 'a "b", c\nd', 'emoji 😀', '', ''];
    const r = store.row(5, cells);
    expect(r.cells).toEqual(cells);
    expect(JSON.parse(JSON.stringify(r))).toEqual({
      row: 5,
      action: 'invalid',
      changes: [],
      errors: [],
      warnings: [],
      cells,
    });
    expect(structuredClone(r).cells).toEqual(cells);
    expect({ ...r }.cells).toEqual(cells);
    expect(Object.keys(r)).toEqual(['row', 'action', 'changes', 'errors', 'warnings', 'cells']);
  });

  it('keep a row whose text holds the separator, an empty row and a row larger than a block', () => {
    const store = new CellStore();
    const odd = store.row(2, ['a\u0000b', 'c']);
    const empty = store.row(3, []);
    const big = Array.from({ length: 50 }, (_, i) => `${i}`.padEnd(32_767, '字'));
    const large = store.row(4, big);
    const after = store.row(5, ['after']);
    expect(odd.cells).toEqual(['a\u0000b', 'c']);
    expect(empty.cells).toEqual([]);
    expect(large.cells).toEqual(big);
    expect(after.cells).toEqual(['after']);
  });

  it('keeps each cell apart however its text runs into the next: surrogate halves, separators, 16k columns', () => {
    const store = new CellStore();
    // A high surrogate ending one cell and a low one starting the next read as one character when run
    // together; the lengths still cut them apart.
    const halves = store.row(2, ['\uD83D', '\uDE00', 'x\uD83D', '\uDE00y', '😀']);
    const wide = Array.from({ length: 16_384 }, (_, i) => (i % 3 === 0 ? '' : `${i},字\n`));
    const many = store.row(3, wide);
    const long = ['a'.repeat(200), 'b'.repeat(70_000), '']; // lengths of one, two and three varint bytes
    const lengths = store.row(4, long);
    expect(halves.cells).toEqual(['\uD83D', '\uDE00', 'x\uD83D', '\uDE00y', '😀']);
    expect(many.cells).toEqual(wide);
    expect(lengths.cells).toEqual(long);
  });

  it('spans many blocks, and a row given new cells reads them', () => {
    const store = new CellStore();
    const rows = Array.from({ length: 25_000 }, (_, i) => store.row(i + 2, [`${i}`, 'x'.repeat(200), '李']));
    expect(rows[0]!.cells).toEqual(['0', 'x'.repeat(200), '李']);
    expect(rows[24_999]!.cells[0]).toBe('24999');
    rows[7]!.cells = ['new', 'cells'];
    expect(rows[7]!.cells).toEqual(['new', 'cells']);
    expect(rows[8]!.cells[0]).toBe('8');
  });

  it('rows that never err share frozen empty lists: a stray push fails loudly', () => {
    const r = new CellStore().row(2, ['a']);
    expect(() => r.errors.push('x')).toThrow();
  });
});
