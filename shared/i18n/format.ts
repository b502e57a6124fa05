// Filling {placeholders} and joining lists the way each language writes them.
import type { Lang } from './lang';

export type Vars = Readonly<Record<string, string | number>>;

/**
 * `{name}` → vars.name; a placeholder without a value stays as it is (visible, never "undefined").
 * English nouns after a count are written plural in the catalogue ("{count} rows"); a count of 1 takes
 * the singular ("1 row", "1 change"), so the catalogue needs no second entry per count.
 */
export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}( [a-z]+\b)?/g, (whole, name: string, word?: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    const one = String(value) === '1' && word !== undefined ? SINGULAR.get(word.slice(1)) : undefined;
    return String(value) + (one !== undefined ? ` ${one}` : (word ?? ''));
  });
}

/** The plural nouns the catalogue writes after a count, and their singular. */
const SINGULAR = new Map(
  (
    'rows changes contacts minutes seconds hours days ids groups labels departments columns sheets files ' +
    'jobs others calls writes errors warnings cells duplicates updates creates deletes matches conflicts names'
  )
    .split(' ')
    .map((p) => [p, p.endsWith('ches') ? p.slice(0, -2) : p.slice(0, -1)]),
);

const OR: Readonly<Record<Lang, string>> = { en: ' or ', 'zh-CN': ' 或 ' };
const LIST: Readonly<Record<Lang, string>> = { en: ', ', 'zh-CN': '、' };

/** `a, b or c` / `a、b 或 c`. */
export function joinAlternatives(items: readonly string[], lang: Lang): string {
  return items.length <= 1 ? (items[0] ?? '') : items.slice(0, -1).join(LIST[lang]) + OR[lang] + items.at(-1);
}

/** `a, b, c` / `a、b、c`. */
export function joinList(items: readonly string[], lang: Lang): string {
  return items.join(LIST[lang]);
}
