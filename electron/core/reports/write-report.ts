// Report files: JSON (the contract's shape), or xlsx/csv with the original cells followed by action,
// status, errcode, errmsg and hint; and the failed-rows file that imports again once fixed.
import { writeFile } from 'node:fs/promises';
import type { RowResult } from '../../../shared/domain';
import type { ImportPlan } from '../../../shared/import-types';
import { translate, translator, type Lang, type MessageKey } from '../../../shared/i18n';
import { encodingText } from './plan-text';
import { errorColumn, ownColumnCount, reportColumns } from '../import/mapping';
import { createSheetWriter } from '../sheets';
import type { ReportMode } from './report-rows';
import { buildJsonReport, failureText, reportRows } from './report-rows';

export type ReportFormat = 'json' | 'xlsx' | 'csv';

export function reportFormat(path: string): ReportFormat | undefined {
  const ext = path.toLowerCase().split('.').pop();
  return ext === 'json' || ext === 'xlsx' || ext === 'csv' ? ext : undefined;
}

export interface ReportArgs {
  plan: ImportPlan;
  mode: ReportMode;
  jobId?: string;
  results?: readonly RowResult[];
  /** Language of the appended columns, their values and hints (default English). */
  lang?: Lang;
}

/** Cells aligned with the headers (short rows padded, so the appended columns line up). */
const aligned = (cells: readonly string[], width: number): string[] =>
  Array.from({ length: Math.max(width, cells.length) }, (_, i) => cells[i] ?? '');

/** The sheet's own headers and a row's cells under them, without the columns an earlier report appended. */
function ownColumns(headers: readonly string[]): {
  headers: string[];
  cells: (c: readonly string[]) => string[];
} {
  const width = ownColumnCount(headers);
  const whole = width === headers.length;
  return {
    headers: headers.slice(0, width),
    cells: (c) => (whole ? aligned(c, width) : aligned(c, width).slice(0, width)),
  };
}

/** 'Source: sheet "contacts", header row 1, encoding Windows-1252 (detected)' above the table, when known. */
function sourceLine(plan: ImportPlan, lang: Lang): string[] {
  const s = plan.source;
  if (!s) return [];
  const t = translator(lang);
  const vars = { sheet: s.sheet, headerRow: plan.headerRow, encoding: encodingText(s, t) };
  return [t(s.format === 'csv' ? 'report.sourceCsv' : 'report.source', vars)];
}

export async function writeReport(path: string, args: ReportArgs): Promise<void> {
  const format = reportFormat(path);
  if (!format) throw new Error(`The report file must end in .json, .xlsx or .csv: ${path}`);
  if (format === 'json') {
    await writeFile(path, JSON.stringify(buildJsonReport(args), null, 2) + '\n', 'utf8');
    return;
  }
  const lang = args.lang ?? 'en';
  const own = ownColumns(args.plan.headers);
  const writer = await createSheetWriter(path, {
    headers: [...own.headers, ...reportColumns(lang)],
    sheetName: translate(lang, 'sheet.report'),
    titleRows: sourceLine(args.plan, lang),
  });
  try {
    for (const { planned, report } of reportRows(args.plan, args.mode, args.results, lang)) {
      await writer.addRow([
        ...own.cells(planned.cells),
        translate(lang, `sheet.action.${report.action}` as MessageKey),
        translate(lang, `sheet.status.${report.status}` as MessageKey),
        report.errcode === null ? '' : String(report.errcode),
        report.errmsg ?? '',
        report.hint ?? '',
      ]);
    }
  } finally {
    await writer.close();
  }
}

/**
 * The rows that failed or were invalid, with the original headers and cells plus an `error` column
 * (which the import ignores). Returns how many rows it holds; writes nothing when there are none.
 */
export async function writeFailedRows(path: string, args: ReportArgs): Promise<number> {
  const lang = args.lang ?? 'en';
  const width = ownColumnCount(args.plan.headers);
  let writer: Awaited<ReturnType<typeof createSheetWriter>> | undefined;
  let n = 0;
  try {
    for (const { planned, report } of reportRows(args.plan, args.mode, args.results, lang)) {
      const text = failureText(report);
      if (text === undefined) continue;
      writer ??= await createSheetWriter(path, {
        headers: [...args.plan.headers.slice(0, width), errorColumn(lang)],
        sheetName: translate(lang, 'sheet.failedRows'),
      });
      await writer.addRow([...aligned(planned.cells, width).slice(0, width), text]);
      n++;
    }
  } finally {
    await writer?.close();
  }
  return n;
}
