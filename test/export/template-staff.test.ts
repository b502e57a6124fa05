// `dtload template` against the sandbox over loopback HTTP: the owner and shared-staff columns get a
// drop-down of staff names read from the directory, the two 张伟 told apart by department.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli';

async function listColumns(path: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const lists = wb.worksheets.find((w) => w.state === 'hidden')!;
  const cols: string[][] = [];
  lists.eachRow((row) =>
    row.eachCell((cell, col) => {
      (cols[col - 1] ??= []).push(String(cell.value));
    }),
  );
  return cols;
}

describe('dtload template: staff drop-down (sandbox)', () => {
  it.each(['en', 'zh-CN'])('lists every staff member by a name the import resolves (%s)', async (lang) => {
    const dir = await mkdtemp(join(tmpdir(), 'dtload-template-'));
    const out = join(dir, 'template.xlsx');
    const r = await runCli(['--sandbox', '--data-dir', dir, '--lang', lang, 'template', out]);
    expect(r.code, r.err).toBe(0);
    const staff = (await listColumns(out)).find((c) => c.includes('李娜'));
    expect(staff).toBeDefined();
    // 320 staff in the sandbox; names that repeat carry their department.
    expect(staff!.length).toBeGreaterThanOrEqual(300);
    expect(staff).toContain('张伟（华北销售）');
    expect(staff).toContain('张伟（销售部）');
    expect(staff).not.toContain('张伟');
    expect(staff).not.toContain('zhangwei01');
    expect(new Set(staff).size).toBe(staff!.length);
  });
});
