// The languages dtload speaks, and how a tag from a flag, a setting, the OS or a browser becomes one.
// Pure: no Node or DOM here; callers pass the environment and the OS locale in.

export type Lang = 'en' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];

/** A text in every language dtload speaks (errcode explanations, message entries). */
export type Localised = Readonly<Record<Lang, string>>;

/**
 * An explicit choice (`--lang`, a setting, the contract): `en`, `zh-CN`, and the aliases `zh`, `zh_CN`,
 * `zh-Hans`, `en-US`… Case-insensitive. Anything else is undefined, so the caller can say what it accepts.
 */
export function parseLang(input: string | null | undefined): Lang | undefined {
  const tag = input?.trim().toLowerCase().replace(/_/g, '-');
  if (!tag) return undefined;
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  if (tag === 'zh' || tag === 'zh-cn' || tag === 'zh-sg' || tag.startsWith('zh-hans')) return 'zh-CN';
  return undefined;
}

/**
 * A locale the system reports (`zh_CN.UTF-8`, `zh-TW`, `en_GB`, `de-DE`): every Chinese variant reads
 * Simplified (the closest we ship), English stays English, anything else is undefined (fall through).
 */
export function langFromLocale(locale: string | null | undefined): Lang | undefined {
  const tag = locale?.trim().toLowerCase().split('.')[0]?.replace(/_/g, '-');
  if (!tag) return undefined;
  if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  return undefined;
}

/**
 * The language when none was chosen: `DTLOAD_LANG`, then the POSIX locale variables in their order of
 * precedence, then the OS locale as Intl reports it (Windows and macOS set no LANG), then English.
 */
export function defaultLang(
  env: Readonly<Record<string, string | undefined>> = {},
  osLocale: string | undefined = Intl.DateTimeFormat().resolvedOptions().locale,
): Lang {
  const chosen = parseLang(env.DTLOAD_LANG);
  if (chosen) return chosen;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    // "C"/"POSIX" say nothing about the language: keep looking.
    if (value && value !== 'C' && value !== 'POSIX' && !value.startsWith('C.')) {
      return langFromLocale(value) ?? 'en';
    }
  }
  return langFromLocale(osLocale) ?? 'en';
}

/** The language an options object asks for (plans, reports), English when it names none. */
export const langOf = (options: { language?: Lang } | undefined): Lang => options?.language ?? 'en';
