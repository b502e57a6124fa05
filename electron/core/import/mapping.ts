// Column mapping: which contact field (or label group) each spreadsheet column fills.
import { HEADER_ALIASES, matchHeader, normaliseHeader } from '../../../shared/header-synonyms';
import type { LabelGroup } from '../../../shared/domain';
import type { ColumnMapping, MappingFile, MappingResult, MappingTarget } from '../../../shared/import-types';
import { fieldLabel, LANGS, translate, translator, type Lang, type MessageKey } from '../../../shared/i18n';
import { clip } from '../../../shared/clip';

const REPORT_COLUMN_KEYS = [
  'sheet.col.action',
  'sheet.col.status',
  'sheet.col.errcode',
  'sheet.col.errmsg',
  'sheet.col.hint',
] as const satisfies readonly MessageKey[];

/** Trailing columns dtload's own reports append, in the report's language; ignored on import. */
export const reportColumns = (lang: Lang = 'en'): string[] =>
  REPORT_COLUMN_KEYS.map((k) => translate(lang, k));
/** Last column of the failed-rows file. */
export const errorColumn = (lang: Lang = 'en'): string => translate(lang, 'sheet.col.error');
/** The English names (the CLI contract's). */
export const REPORT_COLUMNS = reportColumns('en');
export const ERROR_COLUMN = errorColumn('en');

/** Headers are compared as header-synonyms.ts normalises them (case, spaces, line breaks, `(必填)` notes). */
export const normHeader = normaliseHeader;

/** `标签：Level` / `Labels: Level`: how an export heads a group whose name is also a field's header. */
const GROUP_HEADER = /^(?:labels?|tags?|标签|標籤)\s*[:：]\s*(.+)$/i;

export function targetKey(t: MappingTarget): string {
  return typeof t === 'string' ? t : `group:${t.group}`;
}

export function describeTarget(t: MappingTarget, lang: Lang = 'en'): string {
  const say = translator(lang);
  return typeof t === 'string' ? fieldLabel(say, t) : say('plan.groupLabels', { group: t.group });
}

/** A header equal to `key`'s name in either language, or renamed by the reader to stay distinct ("status (2)"). */
const isReportHeader = (header: string | undefined, key: MessageKey): boolean => {
  const bare = header?.trim().replace(/ \(\d+\)$/, '');
  return bare !== undefined && LANGS.some((lang) => translate(lang, key) === bare);
};

/** Indexes of the trailing report columns (report signature or failed-rows `error`), if present. */
function reportColumnIndexes(headers: readonly string[]): Set<number> {
  const out = new Set<number>();
  const n = headers.length;
  const k = REPORT_COLUMN_KEYS.length;
  if (n > k && REPORT_COLUMN_KEYS.every((c, i) => isReportHeader(headers[n - k + i], c))) {
    for (let i = n - k; i < n; i++) out.add(i);
  } else if (n > 1 && isReportHeader(headers[n - 1], 'sheet.col.error')) {
    out.add(n - 1);
  }
  return out;
}

/**
 * How many leading columns are the sheet's own: a report or failed-rows file imported again ends with the
 * columns dtload appended, which a new report replaces rather than repeats.
 */
export function ownColumnCount(headers: readonly string[]): number {
  return headers.length - reportColumnIndexes(headers).size;
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
    const match = matchHeader(header);
    const prefixed = GROUP_HEADER.exec(header.trim())?.[1];
    const prefixedGroup = prefixed === undefined ? undefined : groupByNorm.get(normHeader(prefixed));
    let target: MappingTarget;
    let source: ColumnMapping['source'];
    const fromFile = fileByNorm.get(norm);
    if (fromFile !== undefined) {
      target = fromFile;
      source = 'mapping-file';
    } else if (reportCols.has(index)) {
      return { index, header, target: 'ignore', source: 'report-column' };
    } else if (match?.tier === 'own') {
      target = match.field;
      source = 'alias';
    } else if (groupByNorm.has(norm) || prefixedGroup !== undefined) {
      target = { group: groupByNorm.get(norm) ?? prefixedGroup! };
      source = 'group';
    } else if (match) {
      // An everyday synonym; a label group of the same name (checked above) is the organisation's own word.
      target = match.field;
      source = 'alias';
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
