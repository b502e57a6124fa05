// Real files through the real reader into plans, against the sandbox over loopback HTTP.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/domain';
import { planImport } from '../../electron/core/import';
import { openSheet } from '../../electron/core/sheets';
import { makeFixtures } from '../fixtures/make-fixtures';
import { makeImportFixtures, type ImportFixtures } from './fixtures';
import { startOrg, writes, type Org } from './org';

let org: Org;
let fx: ImportFixtures;
let c: Contact[];

beforeAll(async () => {
  org = await startOrg(120);
  c = org.sandbox.contacts();
  fx = await makeImportFixtures(
    await mkdtemp(join(tmpdir(), 'dtload-import-fx-')),
    c,
    org.sandbox.labelGroups(),
  );
});
afterAll(() => org.sandbox.close());

const plan = async (path: string, options = {}) =>
  planImport({ source: await openSheet(path), client: org.client, options });

describe('fixtures', () => {
  it('reads a GB18030 CSV with Chinese headers and a Chinese label group', async () => {
    const p = await plan(fx.gb18030Csv);
    expect(p.mapping.unrecognised).toEqual([]);
    expect(p.summary).toMatchObject({ rows: 1, update: 1, invalid: 0 });
    const row = p.rows[0]!;
    expect(row.userId).toBe(c[0]!.userid);
    expect(row.changes.find((x) => x.field === 'name')).toEqual({
      field: 'name',
      before: c[0]!.name,
      after: '王小明',
    });
    const industryGroup = org.sandbox.labelGroups().find((g) => g.name === '行业')!;
    const kept = c[0]!.label_ids.filter((id) => !industryGroup.labels.some((l) => l.id === id));
    const ids = (p.ops[0]!.kind === 'update' && p.ops[0]!.body.label_ids) || [];
    expect(ids.slice().sort()).toEqual(
      [...kept, industryGroup.labels.find((l) => l.name === fx.industry)!.id].sort(),
    );
    expect(row.changes.find((x) => x.field === 'labels')!.after).toContain(fx.industry);
  });

  it('reads a BOM CSV: the BOM does not hide the first header', async () => {
    const p = await plan(fx.bomCsv);
    expect(p.mapping.columns[0]!.target).toBe('user_id');
    expect(p.rows[0]!.changes).toEqual(
      c[1]!.title === 'Engineer' ? [] : [{ field: 'title', before: c[1]!.title ?? '', after: 'Engineer' }],
    );
  });

  it('reads a quirky xlsx: title row, text ids, numeric mobile, multi-line label cells, rich text', async () => {
    const p = await plan(fx.quirksXlsx);
    expect(p.headerRow).toBe(2);
    expect(p.mapping.unrecognised).toEqual(['Empty']);
    expect(p.rows.map((r) => r.row)).toEqual([3, 5]);
    expect(p.rows.map((r) => r.userId)).toEqual([c[2]!.userid, c[3]!.userid]);
    expect(p.summary.invalid).toBe(0);
    const src = (r: number) =>
      p.rows[r]!.changes.find((x) => x.field === 'labels')?.after as string[] | undefined;
    const after2 = src(0) ?? [];
    expect(
      after2.filter((n) => ['Website', 'Referral', 'Exhibition', 'Source/Other'].includes(n)).sort(),
    ).toEqual(['Referral', 'Website']);
    expect(p.rows[1]!.changes.find((x) => x.field === 'name')?.after).toBe('Rich Name');
    // A number-typed mobile cell reads as its digits; it differs from DingTalk's, and update cannot change it.
    expect(p.rows[0]!.warnings).toEqual([
      `Mobile "13912345678" differs from DingTalk's "${c[2]!.mobile}" but cannot be changed through update; it is left as it is`,
    ]);
  });

  it('makes label edge cases invalid with messages that name the candidates', async () => {
    const p = await plan(fx.labelsCsv);
    const [shared, qualified, unknown, many, group] = p.rows;
    expect(shared!.action).toBe('invalid');
    expect(shared!.errors).toEqual(['"Other" is in 2 groups: write "Source/Other" or "Region/Other"']);
    expect(qualified!.errors).toEqual([]);
    expect(qualified!.action).toBe('update');
    expect(unknown!.errors[0]).toMatch(/^Unknown label "Nonexistent"/);
    expect(many!.errors).toEqual(['labels: 21 ids, DingTalk takes at most 20']);
    expect(group!.errors).toEqual([]);
    expect(p.summary.invalid).toBe(3);
    expect(writes(org)).toBe(0);
  });

  it('makes the later rows of a duplicate key invalid, naming the first row', async () => {
    const byId = await plan(fx.duplicatesCsv);
    expect(byId.rows.map((r) => r.action)).toEqual(['update', 'update', 'invalid']);
    expect(byId.rows[2]!.errors).toEqual([`Contact ID "${c[0]!.userid}" is also on row 2`]);
    const byMobile = await plan(fx.duplicatesCsv, { match: 'mobile', create: true });
    expect(byMobile.rows[1]!.errors).toEqual(['Mobile +86 13700000001 is also on row 2']);
  });
});

describe('the sheets fixtures (makeFixtures) as import input', () => {
  it('plans a GB18030 name/mobile/company sheet by mobile: creates need an owner and a label', async () => {
    const sheets = await makeFixtures(await mkdtemp(join(tmpdir(), 'dtload-import-sheets-')));
    const p = await plan(sheets.gb18030Csv, { match: 'mobile', create: true });
    expect(p.mapping.columns.map((x) => x.target)).toEqual(['name', 'mobile', 'company_name']);
    expect(p.rows.map((r) => r.action)).toEqual(['invalid', 'invalid', 'invalid', 'invalid']);
    for (const r of p.rows) {
      expect(r.errors).toEqual([
        'follower_user_id (owner) is required',
        'at least one label is required (DingTalk answers 60204 otherwise)',
      ]);
    }
    // "+8613600136000" is read as state code 86 and a local number.
    expect(p.rows[3]!.changes.find((x) => x.field === 'mobile')?.after).toBe('13600136000');
    expect(writes(org)).toBe(0);
  });
});

describe('ids that lost their leading zeros in Excel', () => {
  it('names the id that exists and why', async () => {
    const [a, b] = [c[0]!, c[1]!];
    expect(a.userid.startsWith('0')).toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'dtload-import-zeros-'));
    const path = join(dir, 'zeros.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Contacts');
    ws.addRow(['user_id', 'remark']);
    ws.addRow([Number(a.userid), 'typed as a number']);
    ws.addRow([b.userid, 'typed as text']);
    await wb.xlsx.writeFile(path);
    const p = await plan(path);
    expect(p.rows[0]!.errors).toEqual([
      `no contact has user_id "${a.userid.replace(/^0+/, '')}"; "${a.userid}" exists: Excel drops leading zeros from a number column, format it as text`,
    ]);
    expect(p.rows[1]!.action).toBe('update');
  });
});
