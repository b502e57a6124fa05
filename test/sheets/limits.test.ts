// The documented limits (docs/limits.md), each refused with one line while streaming, and the costs that must
// stay linear: a huge cell, wide-but-sparse rows.
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openSheet, SheetError } from '../../electron/core/sheets';
import { inline, num, xlsxPackage } from '../fixtures/ooxml';
import { readAll, tempDir } from './helpers';

async function written(name: string, data: Buffer): Promise<string> {
  const path = join(await tempDir('dtload-limits-'), name);
  await writeFile(path, data);
  return path;
}

async function failure(path: string): Promise<SheetError> {
  const err = await readAll(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SheetError);
  expect((err as SheetError).message).not.toContain('\n');
  return err as SheetError;
}

const HEADER = (p: string) => `<${p}row r="1">${inline(p, 'A1', '姓名')}${inline(p, 'B1', '手机')}</${p}row>`;

/** Text that deflate cannot shrink much (so a big cell is big on disk too, as in the issue's file). */
const noisyText = (chars: number): string =>
  randomBytes(Math.ceil((chars * 3) / 4))
    .toString('base64')
    .slice(0, chars);

describe('limits', () => {
  it('a cell longer than 32,767 characters', async () => {
    const path = await written(
      'long-cell.xlsx',
      xlsxPackage({
        rows: (p) => `${HEADER(p)}<${p}row r="2">${inline(p, 'A2', 'x'.repeat(32_768))}</${p}row>`,
      }),
    );
    expect((await failure(path)).message).toBe(
      `Cell A2 of sheet "数据" in ${path} is longer than Excel's limit of 32,767 characters`,
    );
  });

  it('a row past 1,048,576', async () => {
    const path = await written(
      'rows.xlsx',
      xlsxPackage({
        rows: (p) => `${HEADER(p)}<${p}row r="1048577">${num(p, 'A1048577', '1')}</${p}row>`,
      }),
    );
    const err = await failure(path);
    expect(err.code).toBe('too-large');
    expect(err.message).toBe(`Sheet "数据" of ${path} has more than Excel's limit of 1,048,576 rows`);
    expect(err.in('zh-CN')).toBe(`${path} 的工作表 "数据" 超过 Excel 的上限 1,048,576 行`);
  });

  it('a column past XFD', async () => {
    const path = await written(
      'columns.xlsx',
      xlsxPackage({ rows: (p) => `${HEADER(p)}<${p}row r="2">${num(p, 'XFE2', '1')}</${p}row>` }),
    );
    expect((await failure(path)).message).toBe(
      `Cell XFE2 of sheet "数据" in ${path} is beyond Excel's last column XFD (16,384 columns)`,
    );
  });

  it('a zip bomb: a part that unpacks to over 200 times its size', async () => {
    const path = await written(
      'bomb.xlsx',
      xlsxPackage({
        rows: (p) =>
          `${HEADER(p)}<${p}row r="2">${inline(p, 'A2', '张三')}</${p}row><!--${' '.repeat(40 * 1024 ** 2)}-->`,
      }),
    );
    const err = await failure(path);
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(
      /^.*bomb\.xlsx is refused: part "xl\/sheets\/data\.xml" unpacks to \d[\d,]* times its packed size \(a zip bomb or not a spreadsheet\)$/,
    );
  });

  it('the 52-byte zip whose end record claims a 4 GB directory', async () => {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(0xffffffff, 12);
    const path = await written('crafted.xlsx', Buffer.concat([local, end]));
    expect((await failure(path)).message).toBe(
      `${path} is not a spreadsheet (it is damaged or not an Excel workbook); save it as .xlsx or .csv and try again`,
    );
  });
});

describe('linear costs', () => {
  it('a 48 MB cell costs about 48 times a 1 MB one (no rescanning)', { timeout: 120_000 }, async () => {
    const big = noisyText(48 * 1024 ** 2);
    const timeFor = async (chars: number, runs: number): Promise<number> => {
      const path = await written(
        `cell-${chars}.xlsx`,
        xlsxPackage({
          stored: true,
          rows: (p) => `${HEADER(p)}<${p}row r="2">${inline(p, 'A2', big.slice(0, chars))}</${p}row>`,
        }),
      );
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const err = await failure(path);
        times.push(performance.now() - t0);
        expect(err.code).toBe('too-large');
      }
      return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
    };
    const small = await timeFor(1024 ** 2, 5);
    const large = await timeFor(48 * 1024 ** 2, 1);
    // Linear: ~48×. Rescanning the unfinished element per 64 KB chunk would be ~700× per MB squared.
    expect(large / small).toBeLessThan(150);
  });

  it('wide-but-sparse rows cost their cells, not their last column', { timeout: 60_000 }, async () => {
    const ROWS = 20_000;
    const sheet = (far: boolean) => (p: string) => {
      const rows = [HEADER(p)];
      for (let r = 2; r <= ROWS + 1; r++) {
        rows.push(
          `<${p}row r="${r}">${inline(p, `A${r}`, `客户${r}`)}${num(p, `B${r}`, String(13800000000 + r))}` +
            (far ? num(p, `XFD${r}`, '1') : num(p, `C${r}`, '1')) +
            `</${p}row>`,
        );
      }
      return rows.join('');
    };
    const time = async (far: boolean) => {
      const path = await written(`sparse-${far}.xlsx`, xlsxPackage({ rows: sheet(far) }));
      const t0 = performance.now();
      const source = await openSheet(path);
      let n = 0;
      let widest = 0;
      for await (const r of source.rows()) {
        n++;
        widest = Math.max(widest, r.cells.length);
      }
      expect(n).toBe(ROWS);
      expect(widest).toBe(2);
      return performance.now() - t0;
    };
    const near = await time(false);
    const far = await time(true);
    expect(far / near).toBeLessThan(3);
  });
});
