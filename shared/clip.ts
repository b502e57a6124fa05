// Short, one-line quotes of what the admin's file holds, for every message that echoes input: an 8 MB label or a
// 16,384-column header row must not become an 8 MB error line. Pure text helpers: core, CLI and UI share them.

export type ClipLang = 'en' | 'zh-CN';

/** Input text quoted in a message: line breaks and runs of blanks folded to one space, cut to `max` with "…". */
export function clip(text: string, max = 80): string {
  // Fold only what is looked at: a huge cell is not copied whole to be shortened.
  const head = text.length > max * 4 + 16 ? text.slice(0, max * 4 + 16) : text;
  const line = head.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\t ]{2,}/g, ' ');
  if (line.length <= max && head.length === text.length) return line;
  return `${line.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

const MORE = {
  en: (n: string) => ` … and ${n} more`,
  'zh-CN': (n: string) => ` … 等另外 ${n} 个`,
};
const SEP = { en: ', ', 'zh-CN': '、' };

/**
 * At most `max` names, each clipped, then "… and 16,372 more": `"a", "b", "c" … and 3 more`.
 * `quote` wraps each name (default: as is).
 */
export function listSome(
  names: readonly string[],
  lang: ClipLang = 'en',
  max = 5,
  quote: (s: string) => string = (s) => s,
): string {
  const shown = names.slice(0, max).map((n) => quote(clip(n, 40)));
  const rest = names.length - shown.length;
  return shown.join(SEP[lang]) + (rest > 0 ? MORE[lang](rest.toLocaleString('en-US')) : '');
}
