// The sheet's plan kept with its job (<dataDir>/jobs/<id>/sheet-plan.json): the rows' cells, diffs and
// counts, so reports, counts and "retry failed rows" work after a restart and from either the CLI or the app.
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportPlan } from '../../../shared/import-types';
import { jobDir } from '../engine';
import { writeJsonFile } from './json-stream';

export const SHEET_PLAN_FILE = 'sheet-plan.json';

export interface SavedPlan {
  /** The file the plan was read from, as the admin named it. */
  source: string;
  plan: ImportPlan;
  /** The organisation and app it was planned on (JobMeta.org). */
  identity?: string;
}

export async function saveJobPlan(dataDir: string, jobId: string, saved: SavedPlan): Promise<void> {
  const path = join(jobDir(dataDir, jobId), SHEET_PLAN_FILE);
  const tmp = `${path}.tmp`;
  // saved → plan → rows: each row is stringified on its own, never the whole plan in one string.
  await writeJsonFile(tmp, saved, 3);
  await rename(tmp, path);
}

/** The saved plan; earlier versions of the app kept it in <dataDir>/job-plans/. Undefined when there is none. */
export async function readJobPlan(dataDir: string, jobId: string): Promise<SavedPlan | undefined> {
  for (const path of [
    join(jobDir(dataDir, jobId), SHEET_PLAN_FILE),
    join(dataDir, 'job-plans', `${jobId}.json`),
  ]) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      continue;
    }
    try {
      const saved = JSON.parse(text) as SavedPlan | null;
      if (saved?.plan && Array.isArray(saved.plan.rows)) return saved;
    } catch {
      // A damaged copy: the job still has its RowOp plan; reports fall back to it.
    }
  }
  return undefined;
}
