// Formula-injection guard (OWASP "CSV injection"): a cell that starts with = + - @ tab or CR is written
// with a leading apostrophe so Excel shows it as text instead of evaluating it. Plain numbers such as
// "-12" or "+8613800138000" are safe and pass unchanged. The reader undoes exactly what the writer did.

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True when Excel could read `s` as a formula. */
function isDangerous(s: string): boolean {
  return s.length > 0 && TRIGGERS.has(s[0]!) && !PLAIN_NUMBER.test(s);
}

/** True for `'…'x` (one or more apostrophes) where x is dangerous: the shapes neutraliseFormula produces. */
function looksNeutralised(s: string): boolean {
  let i = 0;
  while (s[i] === "'") i++;
  return i > 0 && isDangerous(s.slice(i));
}

/**
 * Prefix dangerous values with `'`. Values that already look neutralised get one more apostrophe, so
 * `restoreNeutralised(neutraliseFormula(s)) === s` for every string.
 */
export function neutraliseFormula(s: string): string {
  return isDangerous(s) || looksNeutralised(s) ? `'${s}` : s;
}

/** Inverse of neutraliseFormula. */
export function restoreNeutralised(s: string): string {
  return looksNeutralised(s) ? s.slice(1) : s;
}
