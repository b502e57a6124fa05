// `dtload import` reading a sheet the way the admin says: --encoding, --header-row; the plan and the report
// name the encoding used. Against a sandbox over loopback HTTP.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSheet } from '../../electron/core/sheets';
import { runCli, type CliRun } from '../cli/run-cli';
import { startOrg, writes, type Org } from './org';

let org: Org;
let dir: string;
beforeAll(async () => {
  org = await startOrg(20);
  dir = await mkdtemp(join(tmpdir(), 'dtload-sheet-options-'));
});
afterAll(() => org.sandbox.close());

function run(...args: string[]): Promise<CliRun> {
  const env = { DTLOAD_APP_KEY: org.sandbox.appKey, DTLOAD_APP_SECRET: org.sandbox.appSecret };
  return runCli(['--base-url', org.sandbox.baseUrl, '--data-dir', dir, ...args], env);
}
const calls = (): number => Object.values(org.sandbox.callCounts()).reduce((a, b) => a + b, 0);

async function write(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('encodings in the plan', () => {
  it('a Windows-1252 csv reads right and the plan and report name the encoding', async () => {
    const c = org.sandbox.contacts()[1]!;
    const file = await write(
      'western.csv',
      iconv.encode(`user_id,remark\r\n${c.userid},Chris Müller & Söhne\r\n`, 'windows-1252'),
    );
    const report = join(dir, 'western.json');
    const r = await run('import', file, '--report', report);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/header row 1, encoding Windows-1252 \(detected\)\)/);
    expect(r.out).toContain('"Chris Müller & Söhne"');
    const json = JSON.parse(await readFile(report, 'utf8'));
    expect(json.source).toMatchObject({
      format: 'csv',
      encoding: 'windows-1252',
      encodingSource: 'detected',
    });
    expect(json.rows[0].changes[0].after).toBe('Chris Müller & Söhne');
    expect(writes(org)).toBe(0);
  });

  it("the xlsx and csv reports say the encoding above the table, in the admin's language, and still import", async () => {
    const c = org.sandbox.contacts()[3]!;
    const file = await write(
      'zoe.csv',
      iconv.encode(`user_id,remark\r\n${c.userid},Zoë Brontë\r\n`, 'windows-1252'),
    );
    const said = {
      en: 'Source: CSV file "zoe", header row 1, encoding Windows-1252 (detected)',
      'zh-CN': '来源：CSV 文件“zoe”，表头在第 1 行，编码 Windows-1252（自动识别）',
    };
    for (const [lang, line] of Object.entries(said)) {
      for (const ext of ['xlsx', 'csv']) {
        const report = join(dir, `zoe-${lang}.${ext}`);
        expect((await run('--lang', lang, 'import', file, '--report', report)).code).toBe(0);
        const source = await openSheet(report);
        expect((await source.preview(1))[0]!.cells[0]).toBe(line);
        expect(source.info.headerRow).toBe(2);
        expect(source.info.headers.slice(0, 2)).toEqual(['user_id', 'remark']);
      }
    }
    expect(writes(org)).toBe(0);
  });

  it('--encoding overrides detection and the plan says so', async () => {
    const c = org.sandbox.contacts()[2]!;
    const file = await write('big5.csv', iconv.encode(`user_id,title\r\n${c.userid},經理\r\n`, 'big5'));
    const r = await run('import', file, '--encoding', 'big5');
    expect(r.out).toMatch(/encoding Big5 \(as given\)/);
    expect(r.out).toContain('title');
    expect(r.out).toContain('"經理"');
  });

  it('a doubtful guess is a note in the plan with a sample of the text', async () => {
    const c = org.sandbox.contacts()[3]!;
    const file = await write(
      'doubt.csv',
      iconv.encode(`user_id,remark\r\n${c.userid},José Núñez\r\n`, 'windows-1252'),
    );
    const r = await run('import', file);
    expect(r.out).toMatch(
      /\n {2}note: The encoding was guessed as Windows-1252 \(it could also be .*Núñez.*--encoding/,
    );
  });
});

describe('bad sheet options exit 2 with one line and send nothing', () => {
  it.each([
    [
      'an unknown encoding',
      ['--encoding', 'klingon'],
      /^dtload: --encoding "klingon" is not an encoding dtload knows/,
    ],
    [
      'a header row that is not a number',
      ['--header-row', 'two'],
      /^dtload: --header-row "two": give the header's row number/,
    ],
    ['a header row of 0', ['--header-row', '0'], /^dtload: --header-row "0"/],
    [
      'a header row past the data',
      ['--header-row', '9'],
      /has no rows after row 2; row 9 cannot be the header$/,
    ],
  ])('%s', async (_what, extra, message) => {
    const file = await write('ok.csv', 'user_id,remark\r\nu1,x\r\n');
    const before = calls();
    const r = await run('import', file, ...extra);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err.trim()).toMatch(message);
    expect(calls()).toBe(before);
  });

  it('an undecodable file names the offset, the encodings tried and --encoding', async () => {
    const head = Buffer.from('user_id,remark\r\n');
    const file = await write(
      'undecodable.csv',
      Buffer.concat([head, Buffer.from([0x81, 0x98, 0xff, 0x0d, 0x0a])]),
    );
    const before = calls();
    const r = await run('import', file);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(
      /is not readable text: the byte at offset 1[6-8] cannot be read as .*Windows-1252.*--encoding/,
    );
    expect(calls()).toBe(before);
  });
});

describe('--header-row', () => {
  it('takes the row the admin names', async () => {
    const c = org.sandbox.contacts()[5]!;
    const file = await write(
      'titled.csv',
      `Contacts 2026,,\r\nuser_id,remark,x\r\nuser_id,title,remark\r\n${c.userid},Boss,hi\r\n`,
    );
    const r = await run('import', file, '--header-row', '3');
    expect(r.code).toBe(0);
    expect(r.out).toContain('header row 3');
    expect(r.out).toContain('"Boss"');
    expect(writes(org)).toBe(0);
  });
});

describe('the sheet read', () => {
  it("a sheet without the key column names the sheet read and the sheets with data, in the admin's language", async () => {
    const c = org.sandbox.contacts()[6]!;
    const path = join(dir, 'instructions-first.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填写说明').addRows([
      ['填写说明'],
      ['步骤', '做法'],
      ['第一步', '导出联系人'],
      ['第二步', '修改后导入'],
    ]);
    wb.addWorksheet('客户').addRows([
      ['联系人ID', '备注'],
      [c.userid, 'hi'],
    ]);
    wb.addWorksheet('旧表', { state: 'hidden' }).addRows([
      ['联系人ID', '备注'],
      [c.userid, 'old'],
    ]);
    await wb.xlsx.writeFile(path);
    const before = calls();
    const en = await run('import', path, '--sheet', '填写说明');
    expect(en.code).toBe(2);
    expect(en.err.trim().split('\n')).toHaveLength(1);
    expect(en.err).toContain(
      ' The sheet read was "填写说明"; sheets with data: "客户", "旧表" (hidden) (choose one with --sheet).',
    );
    const zh = await run('--lang', 'zh-CN', 'import', path, '--sheet', '填写说明');
    expect(zh.code).toBe(2);
    expect(zh.err).toContain(
      '读取的是工作表 "填写说明"；有数据的工作表："客户"、"旧表"（隐藏）（可用 --sheet 选择）。',
    );
    expect(calls() - before).toBeLessThanOrEqual(4); // token and label groups at most: nothing written
    expect(writes(org)).toBe(0);
    // Without --sheet, the data sheet is found by its headers.
    expect((await run('import', path)).out).toContain('sheet "客户"');
  });
});
