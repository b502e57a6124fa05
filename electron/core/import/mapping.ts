// Column mapping: which contact field (or label group) each spreadsheet column fills.
import { HEADER_ALIASES } from '../../../shared/fields';
import type { LabelGroup } from '../../../shared/domain';
import type { ColumnMapping, MappingFile, MappingResult, MappingTarget } from '../../../shared/import-types';
import { translator, type Lang } from '../../../shared/i18n';
import { clip } from '../../../shared/clip';

/** Trailing columns dtload's own reports append; ignored so a fixed report imports again as it is. */
export const REPORT_COLUMNS = ['action', 'status', 'errcode', 'errmsg', 'hint'] as const;
/** Last column of the failed-rows file. */
export const ERROR_COLUMN = 'error';

export function normHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const ALIAS_INDEX: ReadonlyMap<string, MappingTarget> = (() => {
  const m = new Map<string, MappingTarget>();
  for (const [field, aliases] of Object.entries(HEADER_ALIASES)) {
    for (const a of aliases) m.set(normHeader(a), field as MappingTarget);
  }
  return m;
})();

export function targetKey(t: MappingTarget): string {
  return typeof t === 'string' ? t : `group:${t.group}`;
}

export function describeTarget(t: MappingTarget, lang: Lang = 'en'): string {
  return typeof t === 'string' ? t : translator(lang)('plan.groupLabels', { group: t.group });
}

/** A header equal to `name`, or renamed by the reader to stay distinct ("status (2)" next to a "Status" group). */
const isReportHeader = (header: string | undefined, name: string): boolean =>
  header !== undefined && new RegExp(`^${name}(?: \\(\\d+\\))?$`).test(header.trim());

/** Indexes of the trailing report columns (report signature or failed-rows `error`), if present. */
function reportColumnIndexes(headers: readonly string[]): Set<number> {
  const out = new Set<number>();
  const n = headers.length;
  const k = REPORT_COLUMNS.length;
  if (n > k && REPORT_COLUMNS.every((c, i) => isReportHeader(headers[n - k + i], c))) {
    for (let i = n - k; i < n; i++) out.add(i);
  } else if (n > 1 && isReportHeader(headers[n - 1], ERROR_COLUMN)) {
    out.add(n - 1);
  }
  return out;
}

/**
 * Maps headers by the contract's alias table and label-group names (trimmed, case-insensitive). A
 * mapping file, when given, decides for the headers it names. Two columns for one target: the first
 * wins, the later one is ignored with a warning.
 */
export function autoMap(
  headers: readonly string[],
  labelGroups: readonly LabelGroup[],
  mappingFile?: MappingFile,
  lang: Lang = 'en',
): MappingResult {
  const say = translator(lang);
  const groupByNorm = new Map<string, string>();
  for (const g of labelGroups)
    if (!groupByNorm.has(normHeader(g.name))) groupByNorm.set(normHeader(g.name), g.name);
  const fileByNorm = new Map<string, MappingTarget>();
  for (const [h, t] of Object.entries(mappingFile ?? {})) fileByNorm.set(normHeader(h), t);

  const reportCols = reportColumnIndexes(headers);
  const warnings: string[] = [];
  const unrecognised: string[] = [];
  const taken = new Map<string, string>();
  const columns: ColumnMapping[] = headers.map((header, index) => {
    const norm = normHeader(header);
    let target: MappingTarget;
    let source: ColumnMapping['source'];
    const fromFile = fileByNorm.get(norm);
    if (fromFile !== undefined) {
      target = fromFile;
      source = 'mapping-file';
    } else if (reportCols.has(index)) {
      return { index, header, target: 'ignore', source: 'report-column' };
    } else if (ALIAS_INDEX.has(norm)) {
      target = ALIAS_INDEX.get(norm)!;
      source = 'alias';
    } else if (groupByNorm.has(norm)) {
      target = { group: groupByNorm.get(norm)! };
      source = 'group';
    } else {
      if (norm !== '') unrecognised.push(header);
      const suggestions = norm === '' ? [] : suggestTargets(norm, labelGroups);
      return {
        index,
        header,
        target: 'ignore',
        source: 'unrecognised',
        ...(suggestions.length ? { suggestions } : {}),
      };
    }
    if (target === 'ignore') return { index, header, target, source };
    const key = targetKey(target);
    const first = taken.get(key);
    if (first !== undefined) {
      warnings.push(
        say('plan.columnDuplicate', {
          header: clip(header),
          first: clip(first),
          target: describeTarget(target, lang),
        }),
      );
      return { index, header, target: 'ignore', source: 'duplicate' };
    }
    taken.set(key, header);
    return { index, header, target, source };
  });
  const present = new Set(headers.map(normHeader));
  for (const h of Object.keys(mappingFile ?? {})) {
    if (!present.has(normHeader(h))) warnings.push(say('plan.mappingMissingColumn', { header: clip(h) }));
  }
  return { columns, unrecognised, warnings };
}

/** Field keys and group names close to an unrecognised header (edit distance or containment). */
export function suggestTargets(norm: string, labelGroups: readonly LabelGroup[]): string[] {
  const scored: { name: string; score: number }[] = [];
  const consider = (candidate: string, name: string): void => {
    const c = normHeader(candidate);
    if (c === '') return;
    const d = editDistance(norm, c);
    const limit = Math.max(1, Math.floor(Math.max(norm.length, c.length) / 4));
    let score = d <= limit ? d : Infinity;
    const shorter = Math.min(norm.length, c.length);
    if (score === Infinity && shorter >= 2 && (norm.includes(c) || c.includes(norm))) score = limit + 1;
    if (score !== Infinity) scored.push({ name, score });
  };
  for (const [field, aliases] of Object.entries(HEADER_ALIASES)) for (const a of aliases) consider(a, field);
  for (const g of labelGroups) consider(g.name, g.name);
  scored.sort((a, b) => a.score - b.score);
  return [...new Set(scored.map((s) => s.name))].slice(0, 3);
}

/** Edit distance with adjacent transpositions ("Compnay" is one edit from "Company"). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** Column index of each mapped target, for the row parser. */
export interface ColumnIndex {
  fields: Map<string, number>;
  /** `labels` column (all groups) index, if any. */
  labels?: number;
  /** Group name → column index. */
  groups: Map<string, number>;
}

export function indexColumns(mapping: MappingResult): ColumnIndex {
  const fields = new Map<string, number>();
  const groups = new Map<string, number>();
  let labels: number | undefined;
  for (const c of mapping.columns) {
    if (c.target === 'ignore') continue;
    if (c.target === 'labels') labels = c.index;
    else if (typeof c.target === 'object') groups.set(c.target.group, c.index);
    else fields.set(c.target, c.index);
  }
  return { fields, groups, ...(labels !== undefined ? { labels } : {}) };
}
