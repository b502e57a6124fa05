// One report line per plan row: the plan's action joined with the engine's result for that row.
import {
  CONFLICT_ERRCODE,
  GONE_ERRCODE,
  type FieldChange,
  type JobCounts,
  type RowAction,
  type RowResult,
  type RowStatus,
} from '../../../shared/domain';
import { hintFor } from '../../../shared/errcodes';
import type { ImportPlan, PlanSource, PlannedRow } from '../../../shared/import-types';
import { fieldLabel, joinList, translate, translator, type Lang } from '../../../shared/i18n';
import { countJob, writeStatus } from '../jobs/counts';

export type ReportMode = 'dry-run' | 'apply';

export interface ReportRow {
  row: number;
  userId: string | null;
  action: RowAction;
  status: RowStatus;
  errcode: number | string | null;
  errmsg: string | null;
  hint: string | null;
  attempts: number;
  changes: FieldChange[];
}

export interface JsonReport {
  jobId: string | null;
  mode: ReportMode;
  /** The job's counts (jobs/counts.ts): the same numbers `dtload jobs` and the app show. */
  summary: JobCounts;
  /** The sheet read and how (CSV: the encoding used). */
  source?: PlanSource;
  /** Notes on how the sheet was read (a doubtful encoding guess, values under an empty header…). */
  notes?: string[];
  rows: ReportRow[];
}

export const INVALID_HINT = translate('en', 'sheet.hint.invalid');

/** Results by seq; rows of a plan that has not run (dry run) have none. */
export function resultsBySeq(results: readonly RowResult[] | undefined): Map<number, RowResult> {
  return new Map((results ?? []).map((r) => [r.seq, r]));
}

export function reportRow(
  p: PlannedRow,
  mode: ReportMode,
  result: RowResult | undefined,
  lang: Lang = 'en',
): ReportRow {
  const base = {
    row: p.row,
    userId: p.userId ?? result?.userId ?? null,
    action: p.action,
    changes: p.changes,
  };
  const warnings = p.warnings.length ? p.warnings.join('; ') : null;
  if (p.action === 'invalid') {
    return {
      ...base,
      status: 'skipped',
      errcode: null,
      errmsg: p.errors.join('; '),
      hint: translate(lang, 'sheet.hint.invalid'),
      attempts: 0,
    };
  }
  if (p.seq === undefined) {
    // Unchanged: already as the sheet asks, nothing to send (not "ok": nothing was done).
    return {
      ...base,
      status: 'unchanged',
      errcode: null,
      errmsg: null,
      hint: warnings,
      attempts: 0,
    };
  }
  const status = writeStatus(result, mode === 'apply');
  if (!result || status === 'planned' || status === 'not-sent') {
    // The engine's words for a row it did not send are English (the journal's); other languages say it
    // from the catalogue.
    const engineWords = lang === 'en' && result !== undefined;
    return {
      ...base,
      status,
      errcode: null,
      errmsg:
        status !== 'not-sent'
          ? null
          : engineWords
            ? (result.errmsg ?? translate(lang, 'sheet.notRun'))
            : translate(lang, 'sheet.notRun'),
      hint:
        status !== 'not-sent' || !result
          ? warnings
          : engineWords
            ? (result.hint ?? warnings)
            : translate(lang, 'sheet.hint.resume'),
      attempts: result?.attempts ?? 0,
    };
  }
  const failed = status === 'failed';
  const errcode = result.errcode ?? null;
  return {
    ...base,
    status,
    errcode,
    errmsg: decidedMessage(result, lang) ?? result.errmsg ?? null,
    // The journal keeps the engine's English hint; a row with an errcode is explained in the report's language.
    hint:
      failed || status === 'conflict'
        ? errcode !== null
          ? hintFor(errcode, lang)
          : (result.hint ?? null)
        : (result.hint ?? warnings),
    attempts: result.attempts,
  };
}

/** The reason of a row decided on re-reading its contact (conflict, deleted meanwhile), in the report's language. */
export function decidedMessage(r: RowResult, lang: Lang): string | undefined {
  if (r.errcode === GONE_ERRCODE) return translate(lang, 'sheet.gone');
  if (r.errcode !== CONFLICT_ERRCODE || r.status !== 'skipped') return undefined;
  const t = translator(lang);
  return translate(lang, 'sheet.conflict', {
    fields: joinList(
      (r.fields ?? []).map((f) => fieldLabel(t, f)),
      lang,
    ),
  });
}

export function* reportRows(
  plan: ImportPlan,
  mode: ReportMode,
  results?: readonly RowResult[],
  lang: Lang = 'en',
): Generator<{ planned: PlannedRow; report: ReportRow }> {
  const bySeq = resultsBySeq(results);
  for (const p of plan.rows) {
    yield {
      planned: p,
      report: reportRow(p, mode, p.seq === undefined ? undefined : bySeq.get(p.seq), lang),
    };
  }
}

export function buildJsonReport(args: {
  plan: ImportPlan;
  mode: ReportMode;
  jobId?: string;
  results?: readonly RowResult[];
  lang?: Lang;
}): JsonReport {
  const rows = [...reportRows(args.plan, args.mode, args.results, args.lang)].map((r) => r.report);
  return {
    jobId: args.jobId ?? null,
    mode: args.mode,
    summary: countJob(args.plan.summary, args.results ?? [], args.mode === 'apply'),
    ...(args.plan.source ? { source: args.plan.source } : {}),
    ...(args.plan.notes?.length ? { notes: args.plan.notes } : {}),
    rows,
  };
}

/** The failure text of a row for the failed-rows file, or undefined when the row did not fail. */
export function failureText(r: ReportRow): string | undefined {
  if (r.action === 'invalid') return r.errmsg ?? 'invalid';
  if (r.status === 'failed' || r.status === 'conflict' || (r.status === 'not-sent' && r.errmsg)) {
    return [r.errcode !== null ? `[${r.errcode}]` : '', r.errmsg ?? '', r.hint ? `— ${r.hint}` : '']
      .filter(Boolean)
      .join(' ');
  }
  return undefined;
}
