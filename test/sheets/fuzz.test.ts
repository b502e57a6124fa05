// Hostile files: a few thousand mutated xlsx / zip / other-format inputs go through the readers, and each must
// end in rows or a SheetError — never another error, a hang or a process exit (the crafted-zip SIGABRT).
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { openSheet, SheetError } from '../../electron/core/sheets';
import { tempDir } from './helpers';
import { createRandom } from '../../electron/core/sandbox/prng';

const FIELDS = [0xffffffff, 0x7fffffff, 0x80000000, 0, 1, 0xffff];

/** One mutation of `seed`: flipped bytes, an overwritten 16/32-bit field (zip sizes and offsets), a cut or a splice. */
function mutate(seed: Buffer, rnd: () => number): Buffer {
  const buf = Buffer.from(seed);
  const at = (): number => Math.floor(rnd() * buf.length);
  switch (Math.floor(rnd() * 6)) {
    case 0:
      for (let i = 0, n = 1 + Math.floor(rnd() * 8); i < n; i++) buf[at()] = Math.floor(rnd() * 256);
      return buf;
    case 1: {
      // A field of the zip's records (most of them sit in the last few hundred bytes: the central directory).
      const p = rnd() < 0.6 ? Math.max(0, buf.length - 1 - Math.floor(rnd() * 400)) : at();
      const v = FIELDS[Math.floor(rnd() * FIELDS.length)]!;
      if (p + 4 <= buf.length) buf.writeUInt32LE(v >>> 0, p);
      return buf;
    }
    case 2:
      return buf.subarray(0, at());
    case 3:
      return buf.subarray(at());
    case 4: {
      const p = at();
      return Buffer.concat([
        buf.subarray(0, p),
        Buffer.alloc(1 + Math.floor(rnd() * 64), 0xff),
        buf.subarray(p),
      ]);
    }
    default: {
      const p = at();
      const len = Math.floor(rnd() * 256);
      return Buffer.concat([buf.subarray(0, p), buf.subarray(Math.min(buf.length, p + len))]);
    }
  }
}

/** A stored (uncompressed) zip of the seed's parts: mutations then hit XML and zip fields directly. */
function storedCopy(book: XLSX.WorkBook): Buffer {
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: false }) as Buffer;
}

let dir: string;
const seeds: { name: string; ext: string; data: Buffer }[] = [];

beforeAll(async () => {
  dir = await tempDir('dtload-fuzz-');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(['姓名', '手机', '公司', '生日']);
  ws.addRow(['张三', 13800138000, 'AT&T <一部>', new Date(Date.UTC(1990, 2, 7))]);
  ws.addRow(['李四', '013900139000', { richText: [{ text: '欧阳' }, { text: '娜娜' }] }, 0.3]);
  ws.mergeCells('C2:C3');
  seeds.push({ name: 'exceljs', ext: 'xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) });

  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['姓名', '手机', '公司'],
      ['张三', 13800138000, '钉钉'],
      ['李四', '13900139000', 'R&D'],
    ]),
    'S',
  );
  seeds.push({ name: 'stored', ext: 'xlsx', data: storedCopy(book) });
  seeds.push({
    name: 'ods',
    ext: 'ods',
    data: XLSX.write(book, { type: 'buffer', bookType: 'ods' }) as Buffer,
  });
  seeds.push({
    name: 'xls',
    ext: 'xls',
    data: XLSX.write(book, { type: 'buffer', bookType: 'xls' }) as Buffer,
  });
  seeds.push({
    name: 'xlsb',
    ext: 'xlsb',
    data: XLSX.write(book, { type: 'buffer', bookType: 'xlsb' }) as Buffer,
  });
});

async function outcome(path: string): Promise<'rows' | SheetError | unknown> {
  try {
    const source = await openSheet(path);
    for await (const _ of source.rows());
    return 'rows';
  } catch (e) {
    return e;
  }
}

describe('fuzzed files end in rows or a SheetError', () => {
  // xlsx seeds get most of the inputs: theirs is the streaming code that reads offsets and lengths itself.
  const PER_SEED: Record<string, number> = { exceljs: 900, stored: 900, ods: 100, xls: 100, xlsb: 100 };

  it('for a few thousand mutated inputs', { timeout: 120_000 }, async () => {
    const rnd = createRandom(20261202);
    const unexpected: string[] = [];
    let n = 0;
    const started = Date.now();
    const inputs: { label: string; ext: string; data: Buffer }[] = [];
    for (const seed of seeds) {
      for (let i = 0; i < PER_SEED[seed.name]!; i++) {
        inputs.push({ label: `${seed.name}#${i}`, ext: seed.ext, data: mutate(seed.data, rnd) });
      }
    }
    // Several files at a time: the readers wait on file reads more than they compute.
    const check = async (input: (typeof inputs)[number], slot: number): Promise<void> => {
      const path = join(dir, `f${slot}.${input.ext}`);
      await writeFile(path, input.data);
      const t0 = Date.now();
      const got = await outcome(path);
      const took = Date.now() - t0;
      if (got !== 'rows' && !(got instanceof SheetError)) {
        const stack = String((got as Error)?.stack ?? got);
        unexpected.push(`${input.label}: ${stack.split('\n').slice(0, 3).join(' | ')}`);
      } else if (got instanceof SheetError && (got.message.includes('\n') || got.message.length > 400)) {
        unexpected.push(`${input.label}: message ${JSON.stringify(got.message.slice(0, 500))}`);
      }
      if (took > 5_000) unexpected.push(`${input.label}: took ${took} ms`);
      n++;
    };
    const SLOTS = 16;
    await Promise.all(
      Array.from({ length: SLOTS }, async (_, slot) => {
        for (let i = slot; i < inputs.length; i += SLOTS) await check(inputs[i]!, slot);
      }),
    );
    expect(unexpected.slice(0, 10)).toEqual([]);
    expect(n).toBeGreaterThanOrEqual(2_000);
    console.log(`fuzz: ${n} inputs in ${Date.now() - started} ms`);
  });
});
