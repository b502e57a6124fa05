// What the plan says about how its sheet was read: the source (sheet, encoding) and the readers' notes in the
// plan's language. Read after the rows: readers add notes while they stream.
import type { PlanSource } from '../../../shared/import-types';
import type { Lang, Localised } from '../../../shared/i18n';

/** The parts of a sheet's info planning passes on (electron/core/sheets SheetInfo has them all). */
export interface SourceInfo {
  format?: string;
  sheet?: string;
  encoding?: string;
  encodingSource?: PlanSource['encodingSource'];
  delimiter?: string;
  notes?: readonly { text: Localised }[];
}

export function planSource(info: SourceInfo, lang: Lang): { source?: PlanSource; notes: string[] } {
  const notes = (info.notes ?? []).map((n) => n.text[lang]);
  if (info.format === undefined || info.sheet === undefined) return { notes };
  const source: PlanSource = { format: info.format, sheet: info.sheet };
  if (info.encoding !== undefined) source.encoding = info.encoding;
  if (info.encodingSource !== undefined) source.encodingSource = info.encodingSource;
  if (info.delimiter !== undefined) source.delimiter = info.delimiter;
  return { source, notes };
}
