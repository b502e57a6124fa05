// Hostile and huge CSV files: Excel's limits refused while streaming with one line, and linear time whatever
// the shape (a 20 MB unclosed quote or a 20 MB line costs about 20 times a 1 MB one, not 400 times).
import { beforeAll, describe, expect, it } from 'vitest';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openSheet, SheetError } from '../../electron/core/sheets';
import {
  csvRowBatches,
  detectCsvFormat,
  CSV_LIMITS,
  type CsvLimits,
  type CsvReadStats,
} from '../../electron/core/sheets/csv-reader';
import { tempDir } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('dtload-csv-hostile-');
});

const MB = 1024 * 1024;

/** Writes `head`, then `body` repeated to `bytes`, then `tail`, without building it all in memory. */
async function make(name: string, head: string, body: string, bytes: number, tail = ''): Promise<string> {
  const path = join(dir, name);
  const fh = await open(path, 'w');
  try {
    await fh.write(head);
    const block = body.repeat(Math.ceil((64 * 1024) / body.length));
    for (let n = 0; n < bytes; n += block.length) await fh.write(block);
    await fh.write(tail);
  } finally {
    await fh.close();
  }
  return path;
}

async function refusal(path: string): Promise<SheetError> {
  try {
    const src = await openSheet(path);
    for await (const _ of src.rows());
  } catch (e) {
    expect(e).toBeInstanceOf(SheetError);
    return e as SheetError;
  }
  throw new Error(`${path} was read`);
}

describe("Excel's limits, refused while streaming with one line", () => {
  it('a 20 MB unclosed quote: the cell is too long', async () => {
    const path = await make('unclosed.csv', 'name,remark\r\nZhang,"', 'text, more text\r\n', 20 * MB);
    const t = performance.now();
    const e = await refusal(path);
    expect(performance.now() - t).toBeLessThan(5000);
    expect(e.code).toBe('too-large');
    expect(e.message).toBe(
      `Cell B2 of sheet "unclosed" in ${path} is longer than Excel's limit of 32,767 characters`,
    );
    expect(e.in('zh-CN')).toContain('单元格 B2');
  });

  it('a 20 MB line without a delimiter: the cell is too long', async () => {
    const path = await make('one-cell.csv', 'name\r\n', 'x', 20 * MB);
    const e = await refusal(path);
    expect(e.message).toMatch(/^Cell A2 of sheet "one-cell" in .* is longer than Excel's limit/);
  });

  it('a 20 MB line of short cells: too many columns', async () => {
    const path = await make('wide.csv', 'a,b\r\n1,', '1234567,', 20 * MB);
    const e = await refusal(path);
    expect(e.message).toBe(
      `Cell XFE2 of sheet "wide" in ${path} is beyond Excel's last column XFD (16,384 columns)`,
    );
  });

  it('a short record with too many cells or too long a cell', async () => {
    const wide = join(dir, 'wide-short.csv');
    await writeFile(wide, `a,b\r\n${'1,'.repeat(20_000)}\r\n`);
    expect((await refusal(wide)).message).toMatch(/^Cell XFE2 of sheet "wide-short"/);
    const long = join(dir, 'long-short.csv');
    await writeFile(long, `a,b\r\n1,${'y'.repeat(40_000)}\r\n`);
    expect((await refusal(long)).message).toMatch(/^Cell B2 of sheet "long-short" .* 32,767 characters$/);
  });

  it("more rows than Excel's 1,048,576 (here a lower cap, the same check)", async () => {
    expect(CSV_LIMITS.rows).toBe(1_048_576);
    const path = await make('tall.csv', 'name,mobile\n', 'a,1\n', 64 * 1024);
    const format = await detectCsvFormat(path);
    let n = 0;
    const read = async () => {
      for await (const b of csvRowBatches(path, format, { ...CSV_LIMITS, rows: 1000 })) n += b.length;
    };
    await expect(read()).rejects.toThrow(
      `Sheet "tall" of ${path} has more than Excel's limit of 1,048,576 rows`,
    );
    expect(n).toBeLessThanOrEqual(1000);
  });
});

describe('linear time', () => {
  const NO_LIMITS: CsvLimits = { cellChars: 1e9, columns: 1e9, rows: 1e9 };

  /**
   * Best of `runs` full reads, in CPU time of this process (the machine is shared: wall time measures the
   * neighbours; the minimum is the least disturbed run).
   */
  async function time(path: string, runs: number, stats?: CsvReadStats): Promise<number> {
    const format = await detectCsvFormat(path);
    let best = Infinity;
    for (let i = 0; i < runs; i++) {
      const t = process.cpuUsage();
      for await (const _ of csvRowBatches(path, format, NO_LIMITS, stats));
      const used = process.cpuUsage(t);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return best;
  }

  it.each([
    ['an unclosed quote', 'name,remark\r\nZhang,"', 'text, more text\r\n'],
    ['a line without a line break', 'name\r\n', 'abcdefghij'],
  ])('%s: 20 MB costs about 20× 1 MB', async (what, head, body) => {
    const key = what.replace(/\W+/g, '-');
    const small = await make(`${key}-1.csv`, head, body, 1 * MB, '"\r\nLi,x\r\n');
    const large = await make(`${key}-20.csv`, head, body, 20 * MB, '"\r\nLi,x\r\n');
    const stats = { parsedChars: 0 };
    // The small file warms the parser up and is timed at its best; the large one once.
    const t1 = await time(small, 4);
    const t20 = await time(large, 1, stats);
    // Each character goes through papaparse about once (rescanning the record per chunk: ~160 times).
    expect(stats.parsedChars / (20 * MB)).toBeLessThan(1.2);
    // Linear is 20; rescanning was ~400 (and past 400 s for 200 MB). Generous: the machine is shared.
    expect(t20 / Math.max(t1, 20)).toBeLessThan(100);
  });

  it('a long quoted cell with escaped quotes goes through the parser once', async () => {
    const path = await make(
      'quoted-5.csv',
      'name,remark\r\nZhang,"',
      'some text, ""quoted"" and more\r\n',
      5 * MB,
      '"\r\nLi,x\r\n',
    );
    const stats = { parsedChars: 0 };
    let rows = 0;
    for await (const b of csvRowBatches(path, await detectCsvFormat(path), NO_LIMITS, stats))
      rows += b.length;
    expect(rows).toBe(4); // header, Zhang, Li and the blank record after the last line break
    expect(stats.parsedChars / (5 * MB)).toBeLessThan(1.2);
  });
});
