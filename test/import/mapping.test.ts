import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  autoMap,
  editDistance,
  ImportInputError,
  loadMapping,
  saveMapping,
} from '../../electron/core/import';
import { GROUPS } from './groups';

describe('autoMap', () => {
  it('maps aliases case-insensitively with spaces trimmed, and group names to their labels', () => {
    const r = autoMap([' User ID ', '姓名', 'PHONE', 'Owner', 'level', '行业', 'Tags', 'Job title'], GROUPS);
    expect(r.columns.map((c) => c.target)).toEqual([
      'user_id',
      'name',
      'mobile',
      'follower_user_id',
      { group: 'Level' },
      { group: '行业' },
      'labels',
      'title',
    ]);
    expect(r.unrecognised).toEqual([]);
  });

  it('reports unrecognised columns with close suggestions and ignores them', () => {
    const r = autoMap(['user_id', 'Compnay', 'Levl', 'Favourite colour'], GROUPS);
    expect(r.unrecognised).toEqual(['Compnay', 'Levl', 'Favourite colour']);
    expect(r.columns[1]).toMatchObject({
      target: 'ignore',
      source: 'unrecognised',
      suggestions: ['company_name'],
    });
    expect(r.columns[2]!.suggestions).toContain('Level');
    expect(r.columns[3]!.suggestions).toBeUndefined();
  });

  it('ignores a second column for the same field with a warning', () => {
    const r = autoMap(['mobile', 'Phone'], GROUPS);
    expect(r.columns[1]).toMatchObject({ target: 'ignore', source: 'duplicate' });
    expect(r.warnings[0]).toContain('"Phone"');
  });

  it("ignores the trailing columns of dtload's own reports, even when a group is called Status", () => {
    const r = autoMap(['user_id', 'Status', 'action', 'status (2)', 'errcode', 'errmsg', 'hint'], GROUPS);
    expect(r.columns.map((c) => c.source)).toEqual([
      'alias',
      'group',
      'report-column',
      'report-column',
      'report-column',
      'report-column',
      'report-column',
    ]);
    const f = autoMap(['user_id', 'name', 'error'], GROUPS);
    expect(f.columns[2]!.source).toBe('report-column');
    expect(f.unrecognised).toEqual([]);
  });

  it('lets a mapping file decide for the headers it names', () => {
    const r = autoMap(['客户编号', 'Status', 'Phone'], GROUPS, {
      客户编号: 'user_id',
      Status: 'ignore',
      Missing: 'name',
    });
    expect(r.columns.map((c) => c.target)).toEqual(['user_id', 'ignore', 'mobile']);
    expect(r.warnings).toEqual(['The mapping names a column "Missing" that the sheet does not have.']);
  });
});

describe('mapping files', () => {
  it('saves a mapping and loads it back identically', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dtload-map-'));
    const r = autoMap(['客户编号', 'Level', 'Phone', 'junk'], GROUPS, { 客户编号: 'user_id' });
    const path = join(dir, 'm.json');
    await saveMapping(path, r);
    const loaded = await loadMapping(path);
    expect(loaded).toEqual({
      客户编号: 'user_id',
      Level: { group: 'Level' },
      Phone: 'mobile',
      junk: 'ignore',
    });
    // Reloaded, the mapping gives every column the same target as before.
    const again = autoMap(['客户编号', 'Level', 'Phone', 'junk'], GROUPS, loaded);
    expect(again.columns.map((c) => c.target)).toEqual(r.columns.map((c) => c.target));
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(loaded);
  });

  it('rejects bad mapping files with one clear message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dtload-map-'));
    await writeFile(join(dir, 'bad.json'), '{ "a": ');
    await writeFile(join(dir, 'field.json'), '{ "a": "nickname" }');
    await writeFile(join(dir, 'array.json'), '["user_id"]');
    await expect(loadMapping(join(dir, 'bad.json'))).rejects.toThrow(/not valid JSON/);
    await expect(loadMapping(join(dir, 'field.json'))).rejects.toThrow(/column "a" maps to "nickname"/);
    await expect(loadMapping(join(dir, 'array.json'))).rejects.toThrow(ImportInputError);
    await expect(loadMapping(join(dir, 'none.json'))).rejects.toThrow(/not found/);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
