// `dtload labels / export / template / sandbox`: the foundation commands against the sandbox organisation.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDingTalkClient } from '../../electron/core/dingtalk';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox';
import { openSheet } from '../../electron/core/sheets';
import { runCli } from './run-cli';

let sandbox: SandboxHandle;
let dir: string;
let env: NodeJS.ProcessEnv;
const conn = (): string[] => ['--base-url', sandbox.baseUrl, '--data-dir', dir];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  dir = await mkdtemp(join(tmpdir(), 'dtload-cli-'));
  env = { DTLOAD_APP_KEY: sandbox.appKey, DTLOAD_APP_SECRET: sandbox.appSecret };
  // A remark that Excel would run as a formula if it were written as it is.
  const client = createDingTalkClient({
    baseUrl: sandbox.baseUrl,
    appKey: sandbox.appKey,
    appSecret: sandbox.appSecret,
  });
  const first = sandbox.contacts()[0]!;
  await client.updateContact({
    user_id: first.userid,
    name: first.name,
    follower_user_id: first.follower_user_id,
    label_ids: first.label_ids,
    remark: '=HYPERLINK("http://evil.example","click")',
  });
});
afterAll(() => sandbox.close());

describe('labels', () => {
  it('prints every group with its labels and ids', async () => {
    const r = await runCli([...conn(), 'labels'], env);
    expect(r.code).toBe(0);
    for (const g of sandbox.labelGroups()) {
      expect(r.out).toContain(g.name);
      for (const l of g.labels)
        expect(r.out).toMatch(new RegExp(`${l.id}\\s+${l.name.replace(/[()]/g, '\\$&')}`));
    }
    expect(r.out).toContain('#17C295'); // the seed page's Type group colour -15220075
  });

  it('--json gives the groups as data', async () => {
    const r = await runCli([...conn(), 'labels', '--json'], env);
    expect(JSON.parse(r.out)).toEqual(sandbox.labelGroups().map((g) => expect.objectContaining(g)));
  });
});

describe('export', () => {
  it('writes every contact to xlsx with label names, a frozen filtered header and no live formula', async () => {
    const out = join(dir, 'all.xlsx');
    const r = await runCli([...conn(), 'export', out], env);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Exported 500 contacts');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const ws = book.worksheets[0]!;
    expect(ws.rowCount).toBe(501);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const groups = sandbox.labelGroups();
    // Headers in the admin's words (English here), never API field names.
    expect(headers).toEqual(expect.arrayContaining(['Contact ID', 'Name', ...groups.map((g) => g.name)]));
    expect(headers).not.toContain('user_id');

    // Every contact's labels come back as names in their group's column.
    const byId = new Map(sandbox.contacts().map((c) => [c.userid, c]));
    const nameOf = new Map(
      groups.flatMap((g) => g.labels.map((l) => [l.id, { group: g.name, name: l.name }])),
    );
    for (let r2 = 2; r2 <= 501; r2++) {
      const row = ws.getRow(r2);
      const cell = (h: string): string => String(row.getCell(headers.indexOf(h) + 1).value ?? '');
      const c = byId.get(cell('Contact ID'))!;
      expect(c).toBeDefined();
      expect(cell('Name')).toBe(c.name);
      for (const id of c.label_ids) {
        const l = nameOf.get(id)!;
        expect(cell(l.group).split(', ')).toContain(l.name);
      }
      for (const cellValue of (row.values as unknown[]).slice(1)) {
        expect(typeof cellValue === 'object' && cellValue !== null && 'formula' in cellValue).toBe(false);
      }
    }
    const evil = ws.getRow(2).getCell(headers.indexOf('Remark') + 1).value;
    // Text as typed, in a string cell (never a formula: the loop above checked every cell).
    expect(evil).toBe('=HYPERLINK("http://evil.example","click")');
  });

  it('writes CSV in UTF-8 with a BOM that reads back with Chinese intact', async () => {
    const out = join(dir, 'all.csv');
    expect((await runCli([...conn(), 'export', out], env)).code).toBe(0);
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const sheet = await openSheet(out);
    const names = new Set<string>();
    for await (const row of sheet.rows()) names.add(row.cells[sheet.info.headers.indexOf('Name')]!);
    expect(names.size).toBe(new Set(sandbox.contacts().map((c) => c.name)).size);
    expect([...names].some((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true);
    // The neutralised remark reads back as the original text.
    const first = await openSheet(out);
    for await (const row of first.rows()) {
      expect(row.cells[first.info.headers.indexOf('Remark')]).toBe(
        '=HYPERLINK("http://evil.example","click")',
      );
      break;
    }
  });

  it('refuses an output that is not .xlsx or .csv with exit 2 and sends nothing', async () => {
    const before = Object.values(sandbox.callCounts()).reduce((a, b) => a + b, 0);
    const r = await runCli([...conn(), 'export', join(dir, 'all.pdf')], env);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(Object.values(sandbox.callCounts()).reduce((a, b) => a + b, 0)).toBe(before);
  });
});

describe('template', () => {
  it('has a drop-down of valid label names over each label-group column', async () => {
    const out = join(dir, 'template.xlsx');
    expect((await runCli([...conn(), 'template', out], env)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const ws = book.getWorksheet('Contacts')!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const lists = book.getWorksheet('Lists')!;
    for (const g of sandbox.labelGroups()) {
      const col = headers.indexOf(g.name) + 1;
      expect(col).toBeGreaterThan(0);
      const v = ws.getCell(2, col).dataValidation;
      expect(v?.type).toBe('list');
      // The formula points at a range of the Lists sheet holding exactly this group's names.
      const m = /\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)/.exec(v!.formulae![0] as string)!;
      const values: string[] = [];
      for (let r = Number(m[2]); r <= Number(m[3]); r++)
        values.push(String(lists.getCell(`${m[1]}${r}`).value));
      expect(values).toEqual(g.labels.map((l) => l.name));
    }
  });
});

describe('connection and usage', () => {
  it('without credentials says how to give them, in one line, exit 2', async () => {
    const r = await runCli([...conn(), 'labels'], {});
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/DTLOAD_APP_KEY and DTLOAD_APP_SECRET/);
  });

  it('refused credentials stop with exit 3 and never print the secret', async () => {
    const r = await runCli([...conn(), 'labels'], {
      DTLOAD_APP_KEY: sandbox.appKey,
      DTLOAD_APP_SECRET: 'wrong-secret-123',
    });
    expect(r.code).toBe(3);
    expect(r.err + r.out).not.toContain('wrong-secret-123');
  });

  it('the installed bin runs the sandbox export (the README demo path)', async () => {
    const out = join(dir, 'bin.xlsx');
    const bin = resolve(__dirname, '../../bin/dtload.mjs');
    const { stdout } = await promisify(execFile)(process.execPath, [
      bin,
      '--sandbox',
      '--data-dir',
      dir,
      'export',
      out,
    ]);
    expect(stdout).toContain('Exported 500 contacts');
    const sheet = await openSheet(out);
    let n = 0;
    for await (const _ of sheet.rows()) n++;
    expect(n).toBe(500);
  });
});
