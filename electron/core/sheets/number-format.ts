// Just enough of Excel's number-format language to show a cell as the admin sees it: which formats are
// dates or times (including the Chinese built-ins that exceljs does not know), percentages and zero padding.
// Everything else prints as a plain number: thousands separators or fixed decimals would corrupt data.
import { dateText, numberText, serialToDate } from './number-text';

/** Built-in numFmt ids that Chinese (zh-CN) Excel renders as dates. */
const CN_DATE_IDS = new Set([27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);
/** Built-in ids that render as times of day (zh-CN: 时/分/秒, 上午/下午; plus the international ones). */
const TIME_IDS = new Set([18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56]);
/** International built-in date ids exceljs may not have a code for in every workbook. */
const DATE_IDS = new Set([14, 15, 16, 17, 22]);

export interface NumberFormat {
  id?: number;
  code?: string;
}

/** Format code with quoted literals, [colour]/[$-804] sections and escapes removed. */
function bare(code: string): string {
  return (
    code
      .split(';')[0]!
      .replace(/"[^"]*"/g, '')
      .replace(/\[[^\]]*]/g, '')
      .replace(/\\./g, '')
      .replace(/_.|\*./g, '')
      // `[Red]General`, `[DBNum1][$-804]General` (中文小写数字): no date, though "General" holds an e.
      .replace(/general/gi, '')
  );
}

/**
 * `"ID"000000` → "ID", 6, "": the first section's literal text around its run of zeros (spaces dropped). Zeros
 * split by literals (`000"-"0000"-"0000`, a phone layout) read as one run: the digits are the data.
 */
function paddedParts(code: string): { before: string; width: number; after: string } {
  let before = '';
  let after = '';
  let width = 0;
  let runs = 0;
  for (const m of code.split(';')[0]!.matchAll(/"([^"]*)"|\\(.)|\[[^\]]*]|[_*].|(0+)|(.)/g)) {
    if (m[3]) {
      width += m[3].length;
      runs++;
    } else if (runs === 0) before += m[1] ?? m[2] ?? m[4] ?? '';
    else after += m[1] ?? m[2] ?? m[4] ?? '';
  }
  return runs > 1 ? { before: '', width, after: '' } : { before: before.trim(), width, after: after.trim() };
}

export type FormatKind = 'date' | 'time' | 'percent' | 'padded' | 'general';

export function formatKind(fmt: NumberFormat): FormatKind {
  if (fmt.id !== undefined) {
    if (TIME_IDS.has(fmt.id)) return 'time';
    if (CN_DATE_IDS.has(fmt.id) || DATE_IDS.has(fmt.id)) return 'date';
  }
  const code = fmt.code;
  if (!code || code === 'General' || code === '@') return 'general';
  const b = bare(code);
  if (/[yd]/i.test(b) || /[e年月日]/.test(b)) return 'date';
  if (/[hs]/i.test(b) || /上午|下午|AM\/PM|[时分秒]/i.test(b)) return 'time';
  if (/m/i.test(b)) return 'date';
  if (/%\s*$/.test(b)) return 'percent';
  if (/^0+$/.test(b.trim())) return 'padded';
  return 'general';
}

/** A numeric cell value shown through its number format. */
export function formatNumber(n: number, fmt: NumberFormat, date1904 = false): string {
  const kind = formatKind(fmt);
  switch (kind) {
    case 'date':
    case 'time':
      return dateText(serialToDate(n, date1904), kind === 'time');
    case 'percent': {
      const decimals = /\.(0+)/.exec(bare(fmt.code ?? ''))?.[1]?.length ?? 0;
      return `${numberText(Number((n * 100).toFixed(decimals)))}%`;
    }
    case 'padded': {
      // "000000" keeps the leading zeros of postcodes and employee numbers typed as numbers; `"ID"000000`
      // its prefix too, as Excel shows it. Only whole numbers: rounding 1234.5 to "1235" (what Excel shows
      // under "0", and what SheetJS reports for LibreOffice's general number styles) would change the data.
      if (!Number.isInteger(n)) return numberText(n);
      const { before, width, after } = paddedParts(fmt.code ?? '');
      const text = numberText(Math.abs(n));
      return (n < 0 ? '-' : '') + before + text.padStart(width, '0') + after;
    }
    default:
      return numberText(n);
  }
}

/** A Date exceljs already converted, shown through its format (time-only formats drop the day-0 date). */
export function formatDate(d: Date, fmt: NumberFormat): string {
  return dateText(d, formatKind(fmt) === 'time');
}
