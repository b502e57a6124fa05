// Filling {placeholders} and joining lists the way each language writes them.
import type { Lang } from './lang';

export type Vars = Readonly<Record<string, string | number>>;

/** `{name}` → vars.name; a placeholder without a value stays as it is (visible, never "undefined"). */
export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

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
