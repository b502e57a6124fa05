// Formula-injection guard for CSV (OWASP "CSV injection"): a CSV field that starts with = + - @ tab or CR is
// written with a leading apostrophe so Excel shows it as text instead of evaluating it; the CSV reader undoes
// exactly what the writer did. Plain numbers such as "-12" or "+8613800138000" pass unchanged. xlsx needs no
// guard: dtload writes text in string cells, which never execute, so names read there exactly as typed.

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

/** `="0123"`: the one-string formula that system exports write so Excel keeps an id's leading zeros. */
const TEXT_FORMULA = /^="((?:[^"]|"")*)"$/;

/** A CSV field as Excel shows it: `="0123"` is the text 0123 (Excel evaluates it); anything else as it is. */
export function textFormulaValue(s: string): string {
  const m = TEXT_FORMULA.exec(s);
  return m ? m[1]!.replace(/""/g, '"') : s;
}
