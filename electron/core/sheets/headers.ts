// Header-row detection and header naming.

export const HEADER_SCAN_ROWS = 30;

export const nonEmptyCount = (cells: string[]): number => cells.filter((c) => c.trim() !== '').length;
export const isBlank = (cells: string[]): boolean => cells.every((c) => c.trim() === '');

/** Drop trailing cells that are empty (formatted-but-empty columns on the right). */
export function trimTrailing(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.trim() === '') end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

/** "导出时间：2026-11-30", "Exported by: Zhang": a label and its value in one cell, what info rows hold. */
const INFO_CELL = /^[^:：]{1,24}[:：]\s*\S/;
const isInfoRow = (cells: string[]): boolean => {
  const filled = cells.filter((c) => c.trim() !== '');
  return filled.length > 0 && filled.filter((c) => INFO_CELL.test(c.trim())).length * 2 > filled.length;
};

/**
 * Index (into `rows`) of the header. A row holding known headers (`isKnown`: 姓名, mobile, 公司名称…) wins: the
 * one with the most of them, at least two (or one that is also wide enough). Otherwise the first row whose
 * non-empty cell count is at least max(2, half of the widest row) and that is not an info row of
 * "label：value" cells. Title rows ("2024 客户名单") and info rows ("导出时间：2026-11-30") above a table are
 * skipped. Falls back to the first row for one-column sheets.
 */
export function detectHeaderIndex(rows: string[][], isKnown?: (text: string) => boolean): number {
  const scan = rows.slice(0, HEADER_SCAN_ROWS);
  const widest = Math.max(0, ...scan.map(nonEmptyCount));
  const need = Math.max(2, widest / 2);
  const wide = (cells: string[]): boolean => nonEmptyCount(cells) >= need;
  if (isKnown) {
    let best = -1;
    let most = 0;
    scan.forEach((cells, i) => {
      let known = 0;
      for (const c of cells) if (c.trim() !== '' && isKnown(c)) known++;
      if (known > most) [best, most] = [i, known];
    });
    if (most >= 2 || (most === 1 && wide(scan[best]!))) return best;
  }
  const i = scan.findIndex((cells) => wide(cells) && !isInfoRow(cells));
  if (i >= 0) return i;
  const j = scan.findIndex(wide);
  return j >= 0 ? j : 0;
}

/** Trimmed header names made distinct: empty → "Column 5", repeats → "Phone (2)". */
export function distinctHeaders(cells: string[]): string[] {
  const seen = new Set<string>();
  // On one line: a header typed with Alt+Enter ("姓名\n(必填)") would break every message that names it.
  const lines = cells.map((c) => c.replace(/\s*[\r\n]+\s*/g, ' ').trim());
  const taken = new Set(lines.map((c) => c.toLowerCase()));
  return lines.map((line, i) => {
    const base = line || `Column ${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()) || (name !== base && taken.has(name.toLowerCase())); n++) {
      name = `${base} (${n})`;
    }
    seen.add(name.toLowerCase());
    return name;
  });
}
