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

/**
 * Index (into `rows`) of the header: the first row whose non-empty cell count is at least
 * max(2, half of the widest row). Title rows ("2024 客户名单") above a table have one cell and are skipped.
 * Falls back to the first row for one-column sheets.
 */
export function detectHeaderIndex(rows: string[][]): number {
  const scan = rows.slice(0, HEADER_SCAN_ROWS);
  const widest = Math.max(0, ...scan.map(nonEmptyCount));
  const need = Math.max(2, widest / 2);
  const i = scan.findIndex((cells) => nonEmptyCount(cells) >= need);
  return i >= 0 ? i : 0;
}

/** Trimmed header names made distinct: empty → "Column 5", repeats → "Phone (2)". */
export function distinctHeaders(cells: string[]): string[] {
  const seen = new Set<string>();
  const taken = new Set(cells.map((c) => c.trim().toLowerCase()));
  return cells.map((raw, i) => {
    const base = raw.trim() || `Column ${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()) || (name !== base && taken.has(name.toLowerCase())); n++) {
      name = `${base} (${n})`;
    }
    seen.add(name.toLowerCase());
    return name;
  });
}
