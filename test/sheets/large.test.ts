// 100,000-row files stream through writer and reader (Chinese text crosses every chunk boundary).
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { truncate } from 'node:fs/promises';
import { createSheetWriter, openSheet, SheetError } from '../../electron/core/sheets';
import { tempDir } from './helpers';

const ROWS = 100_000;
const row = (i: number): string[] => [
  `u${i}`,
  `用户名字比较长的客户${i}号`,
  String(13800000000 + i),
  i % 5 ? '备注' : '=1+1',
];

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

describe.each([
  ['csv', ROWS],
  ['xlsx', ROWS],
])('large %s', (ext, count) => {
  it(`writes and reads ${count} rows back exactly, one at a time`, async () => {
    const path = join(dir, `large.${ext}`);
    const w = await createSheetWriter(path, { headers: ['id', '姓名', '手机', '备注'] });
    for (let i = 0; i < count; i++) {
      const cells: (string | number)[] = row(i);
      if (i % 2) cells[2] = 13800000000 + i; // numbers and strings alike
      await w.addRow(cells);
    }
    await w.close();

    const source = await openSheet(path);
    let n = 0;
    for await (const r of source.rows()) {
      // plain comparisons: 100,000 expect() calls would dominate the run time
      if (r.row !== n + 2 || r.cells.join('\u0001') !== row(n).join('\u0001')) {
        expect({ row: r.row, cells: r.cells }).toEqual({ row: n + 2, cells: row(n) });
      }
      n++;
    }
    expect(n).toBe(count);
  });

  it('streams: rows come from the file as it is read, not from a copy in memory', async () => {
    const path = join(dir, `large.${ext}`);
    const source = await openSheet(path);
    let n = 0;
    let failed: unknown;
    try {
      for await (const _ of source.rows()) {
        // Cut the file under the reader after the first row: a reader that had loaded it would not notice.
        if (n++ === 0) await truncate(path, 0);
      }
    } catch (e) {
      failed = e;
    }
    if (failed === undefined) expect(n).toBeLessThan(count / 2);
    else expect(failed).toBeInstanceOf(SheetError);
  });
});
