// A few thousand mutated CSV inputs through the reader: each ends in rows or a SheetError (one line, no
// stack), never a crash, a hang or another kind of error. Deterministic: a seeded generator.
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { openSheet, SheetError } from '../../electron/core/sheets';
import { tempDir } from './helpers';
import { createRandom } from '../../electron/core/sandbox/prng';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('dtload-csv-fuzz-');
});

const SEEDS: Buffer[] = [
  Buffer.from('user_id,name,mobile,remark\r\nu1,Zhang,13800138000,"a, b"\r\nu2,Li,13900139000,"x ""y"""\r\n'),
  Buffer.from('\uFEFF姓名;手机;备注\r\n张三;13800138000;"第一行\r\n第二行"\r\n李四;139;含;分号\r\n'),
  iconv.encode('姓名,手机,公司\r\n张三,13800138000,阿里巴巴\r\n李四,13900139000,腾讯\r\n', 'gb18030'),
  iconv.encode('姓名\t手機\t職位\r\n陳大文\t0912345678\t經理\r\n', 'big5'),
  iconv.encode('name|mobile\r\nChris Müller|1\r\nJosé Núñez|2\r\n', 'windows-1252'),
  iconv.encode('name,mobile\r\nZhang San,13800138000\r\n', 'utf-16le', { addBOM: true }),
  Buffer.from('sep=;\r\nname;note\r\nZhang;"a,b"\r\n'),
  Buffer.from('Contacts 2026\n导出时间：2026-11-30\n\nname,mobile,title\nA,1,x\nB,2,y\n'),
];

/** Tokens that stress a CSV parser and a decoder. */
const TOKENS = ['"', '""', ',', ';', '\t', '|', '\r', '\n', '\r\n', '\0', '\xff', "'=", 'sep=,\n', '\uFEFF'];

function mutate(input: Buffer, next: () => number): Buffer {
  let b = Buffer.from(input);
  const edits = 1 + Math.floor(next() * 6);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (b.length + 1));
    switch (Math.floor(next() * 7)) {
      case 0: // flip a byte
        if (b.length) b[Math.min(at, b.length - 1)] = Math.floor(next() * 256);
        break;
      case 1: // insert a token
        b = Buffer.concat([
          b.subarray(0, at),
          Buffer.from(TOKENS[Math.floor(next() * TOKENS.length)]!, 'latin1'),
          b.subarray(at),
        ]);
        break;
      case 2: // delete a span
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + Math.floor(next() * 16))]);
        break;
      case 3: // truncate
        b = b.subarray(0, at);
        break;
      case 4: // duplicate a span
        b = Buffer.concat([b.subarray(0, at), b.subarray(at, at + 64), b.subarray(at)]);
        break;
      case 5: // random bytes
        b = Buffer.concat([
          b.subarray(0, at),
          Buffer.from(Array.from({ length: 1 + Math.floor(next() * 8) }, () => Math.floor(next() * 256))),
          b.subarray(at),
        ]);
        break;
      default: // repeat a character many times (long cells, many columns)
        b = Buffer.concat([
          b.subarray(0, at),
          Buffer.alloc(1 + Math.floor(next() * 5000), TOKENS[Math.floor(next() * 7)]!),
          b.subarray(at),
        ]);
    }
  }
  return b;
}

describe('fuzzed CSV', () => {
  it('2,000 mutated inputs end in rows or a SheetError', async () => {
    const next = createRandom(20261202);
    const outcomes = { rows: 0, refused: 0 };
    // One in eight goes through encoding detection (about 10 ms of jschardet each); the others are read in an
    // encoding given as --encoding would, which exercises the same decoder, parser and limits.
    const given = ['utf-8', 'gb18030', 'big5', 'windows-1252'];
    for (let i = 0; i < 2000; i++) {
      const input = mutate(SEEDS[i % SEEDS.length]!, next);
      const path = join(dir, `fuzz-${i % 50}.csv`);
      await writeFile(path, input);
      try {
        const src = await openSheet(path, i % 8 === 0 ? {} : { encoding: given[i % given.length] });
        for await (const _ of src.rows());
        await src.preview(5);
        outcomes.rows++;
      } catch (e) {
        if (!(e instanceof SheetError)) {
          throw new Error(
            `input ${i} (${input.toString('base64')}) ended in ${String((e as Error)?.stack ?? e)}`,
          );
        }
        expect(e.message).not.toContain('\n');
        expect(e.message.length).toBeLessThan(600);
        outcomes.refused++;
      }
    }
    // Both kinds happen: the mutations are neither all harmless nor all fatal.
    expect(outcomes.rows).toBeGreaterThan(200);
    expect(outcomes.refused).toBeGreaterThan(50);
  }, 180_000);
});
