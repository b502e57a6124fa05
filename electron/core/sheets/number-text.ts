// Numbers and dates as the admin sees them in Excel, never in exponent notation: ids and phone numbers
// stored as numbers must come back digit for digit.

/** Expand "1.5e-7" / "1.3e+21" into plain positional notation. */
function expandExponent(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s;
  const [, sign, intPart, frac = '', expStr] = m;
  const digits = intPart! + frac;
  const point = intPart!.length + Number(expStr);
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/\.?0+$/, '');
  return sign + out;
}

/**
 * Integers exactly; other numbers as the shortest text that round-trips, after rounding to the 15 significant
 * digits Excel itself displays (so a stored 0.30000000000000004 reads "0.3", as in Excel).
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Object.is(n, -0)) return '0';
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  return expandExponent(String(Number(n.toPrecision(15))));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD`, plus ` HH:mm:ss` when the time is not midnight; `HH:mm:ss` alone for time-only formats. */
export function dateText(d: Date, timeOnly = false): string {
  // Excel serials carry float noise (0.9999999 of a second): round to the nearest second first.
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  if (Number.isNaN(t.getTime())) return '';
  const time = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
  const date = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  // Time-only cells live on day 0 (1899-12-30/31); showing that date would be noise.
  if (timeOnly && t.getTime() < Date.UTC(1900, 0, 1)) return time;
  return time === '00:00:00' ? date : `${date} ${time}`;
}

/** An Excel serial date (days since 1899-12-30, or 1904-01-01 in 1904 workbooks) as a UTC Date. */
export function serialToDate(serial: number, date1904 = false): Date {
  const days = serial + (date1904 ? 1462 : 0) - 25569;
  return new Date(Math.round(days * 86400) * 1000);
}
