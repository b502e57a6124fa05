// The saved plan is written in pieces (a million-row plan is never one string) yet reads back as it was.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJobPlan, saveJobPlan, SHEET_PLAN_FILE, type SavedPlan } from '../../electron/core/jobs';
import { jobDir } from '../../electron/core/engine';
import { CellStore } from '../../electron/core/import/packed-row';
import type { ImportPlan } from '../../shared/import-types';
import { mkdir } from 'node:fs/promises';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function planOf(n: number): ImportPlan {
  const store = new CellStore();
  const rows = Array.from({ length: n }, (_, i) => {
    const r = store.row(i + 2, [`0${i}`, `名字 ${i}`, i % 7 === 0 ? 'a "quoted", line\nbreak' : '', '']);
    if (i % 3 === 0) {
      r.action = 'update';
      r.changes = [{ field: 'remark', before: '', after: `edited ${i}` }];
      r.seq = i;
    } else r.action = 'unchanged';
    if (i % 11 === 0) r.errors = ['bad \u0000 text'];
    return r;
  });
  return {
    kind: 'import',
    headers: ['Contact ID', 'Name', 'Remark', ''],
    headerRow: 1,
    mapping: { columns: [], unrecognised: [], warnings: [] },
    rows,
    ops: rows
      .filter((r) => r.action === 'update')
      .map((r) => ({
        seq: r.seq!,
        row: r.row,
        kind: 'update' as const,
        userId: r.cells[0]!,
        body: {
          user_id: r.cells[0]!,
          name: r.cells[1]!,
          follower_user_id: 'u',
          label_ids: [1],
          title: undefined,
        },
      })),
    summary: { rows: n, create: 0, update: 0, delete: 0, unchanged: 0, invalid: 0 },
    reads: { get: 0, listContacts: 1, strategy: 'list' },
  };
}

describe('saved plan', () => {
  it('is written as JSON.stringify would write it, and reads back with the rows and their cells', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dtload-saved-plan-'));
    dirs.push(dataDir);
    await mkdir(jobDir(dataDir, 'job1'), { recursive: true });
    const saved: SavedPlan = { source: 'sheet.csv', plan: planOf(3000), identity: undefined };
    await saveJobPlan(dataDir, 'job1', saved);
    const text = await readFile(join(jobDir(dataDir, 'job1'), SHEET_PLAN_FILE), 'utf8');
    expect(text).toBe(JSON.stringify(saved));
    const back = await readJobPlan(dataDir, 'job1');
    expect(back?.plan.rows).toHaveLength(3000);
    expect(back?.plan.rows[7]!.cells).toEqual(['07', '名字 7', 'a "quoted", line\nbreak', '']);
    expect(back?.plan.rows[11]!.errors).toEqual(['bad \u0000 text']);
  });
});
