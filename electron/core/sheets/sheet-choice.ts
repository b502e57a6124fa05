// Errors about the sheet read (empty, header only, a blank header row, no known header) name that sheet and
// the workbook's other sheets that hold data, hidden ones marked, so the admin can pick the right one.
import { clip, listSome } from '../../../shared/clip';
import { LANGS, translate, type Lang, type Localised } from '../../../shared/i18n';
import { isBlank } from './headers';
import type { RawRow } from './raw-row';

export interface SheetWithData {
  name: string;
  hidden: boolean;
}

/** Sheets looked into, at most (each costs a read of its first rows). */
const MAX_LOOKED = 20;

/** The first rows of one sheet, by name; the caller's reader (xlsx or SheetJS). */
export type FirstRows = (sheet: string) => AsyncIterable<RawRow[]>;

/** Does the sheet hold a table: a header and at least one row under it? */
async function hasTable(rows: AsyncIterable<RawRow[]>): Promise<boolean> {
  let n = 0;
  for await (const batch of rows) {
    for (const r of batch) if (!isBlank(r.cells) && ++n >= 2) return true;
  }
  return false;
}

/** The sheets other than `read` that hold a table, in workbook order; a sheet that fails to read is left out. */
export async function otherSheetsWithData(
  sheets: readonly string[],
  hidden: readonly string[],
  read: string,
  firstRows: FirstRows,
): Promise<SheetWithData[]> {
  const out: SheetWithData[] = [];
  for (const name of sheets.filter((s) => s !== read).slice(0, MAX_LOOKED)) {
    if (await hasTable(firstRows(name)).catch(() => false)) out.push({ name, hidden: hidden.includes(name) });
  }
  return out;
}

/** `"客户", "旧数据" (hidden)` in the admin's language, at most five, then "… and 3 more". */
export function sheetList(sheets: readonly SheetWithData[], lang: Lang): string {
  // listSome clips and counts; the names it is given are indexes so the hidden mark is never clipped away.
  const shown = (i: string): string => {
    const s = sheets[Number(i)]!;
    return translate(lang, s.hidden ? 'sheet.hiddenSheet' : 'sheet.namedSheet', { name: clip(s.name, 40) });
  };
  return listSome(
    sheets.map((_, i) => String(i)),
    lang,
    5,
    shown,
  );
}

/**
 * `text` followed, in each language, by the other sheets that hold data, or by "no other sheet has data"
 * when the workbook has other sheets but none does (nothing for a one-sheet workbook or a CSV).
 */
export function withOtherSheets(
  text: Localised,
  others: readonly SheetWithData[],
  sheetCount: number,
): Localised {
  const tail = (lang: Lang): string => {
    if (others.length > 0)
      return translate(lang, 'sheet.otherSheets', {
        sheets: sheetList(others, lang),
        first: clip(others[0]!.name, 40),
      });
    return sheetCount > 1 ? translate(lang, 'sheet.noOtherSheets') : '';
  };
  return Object.fromEntries(LANGS.map((lang) => [lang, text[lang] + tail(lang)])) as Localised;
}
