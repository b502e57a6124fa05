// One set of rules for a job's numbers and each row's status, used by the CLI summary line, the JSON/xlsx/csv
// report, `dtload jobs` and the app, so they cannot disagree.
import {
  CONFLICT_ERRCODE,
  type JobCounts,
  type RowOp,
  type RowResult,
  type RowStatus,
} from '../../../shared/domain';
import type { ImportSummary } from '../../../shared/import-types';
import { translator, type Lang } from '../../../shared/i18n';

/** The status of a row with a write, from its result (none yet: planned in a dry run, else not sent). */
export function writeStatus(result: RowResult | undefined, applied: boolean): RowStatus {
  if (!applied) return 'planned';
  if (!result) return 'not-sent';
  if (result.status === 'ok' || result.status === 'failed') return result.status;
  return result.errcode === CONFLICT_ERRCODE ? 'conflict' : 'not-sent';
}

/** The sheet's counts of a job made without a saved sheet plan: every planned write is one row. */
export function summaryOfOps(ops: Iterable<Pick<RowOp, 'kind'>>): ImportSummary {
  const s: ImportSummary = { rows: 0, create: 0, update: 0, delete: 0, unchanged: 0, invalid: 0 };
  for (const op of ops) {
    s.rows++;
    s[op.kind]++;
  }
  return s;
}

/**
 * A job's counts from the sheet's plan summary and the results of its writes (by seq). `applied`: false
 * for a dry run (nothing sent, nothing "not sent" either).
 */
export function countJob(summary: ImportSummary, results: Iterable<RowResult>, applied = true): JobCounts {
  const t = { ok: 0, failed: 0, conflicts: 0 };
  if (applied) {
    for (const r of results) {
      const s = writeStatus(r, true);
      if (s === 'ok') t.ok++;
      else if (s === 'failed') t.failed++;
      else if (s === 'conflict') t.conflicts++;
    }
  }
  return countsFrom(summary, t, applied);
}

/** The counts from the sheet's summary and tallies of the writes' results. */
export function countsFrom(
  summary: ImportSummary,
  t: { ok: number; failed: number; conflicts: number },
  applied = true,
): JobCounts {
  const c: JobCounts = {
    rows: summary.rows,
    create: summary.create,
    update: summary.update,
    delete: summary.delete,
    unchanged: summary.unchanged,
    invalid: summary.invalid,
    ok: 0,
    failed: 0,
    skipped: summary.invalid,
    conflicts: 0,
    notSent: 0,
  };
  if (!applied) return c;
  c.ok = t.ok;
  c.failed = t.failed;
  c.conflicts = t.conflicts;
  c.notSent = Math.max(0, summary.create + summary.update + summary.delete - c.ok - c.failed - c.conflicts);
  return c;
}

/** "10 rows: 3 ok, 1 failed, 1 unchanged, 5 invalid (not sent)" — the one summary line everyone prints. */
export function describeCounts(c: JobCounts, lang: Lang = 'en'): string {
  const t = translator(lang);
  const parts = [
    t('counts.ok', { n: c.ok }),
    t('counts.failed', { n: c.failed }),
    t('counts.unchanged', { n: c.unchanged }),
    t('counts.invalid', { n: c.invalid }),
  ];
  if (c.conflicts) parts.push(t('counts.conflicts', { n: c.conflicts }));
  if (c.notSent) parts.push(t('counts.notSent', { n: c.notSent }));
  return t('counts.line', { rows: c.rows, parts: parts.join(t('counts.sep')) });
}
