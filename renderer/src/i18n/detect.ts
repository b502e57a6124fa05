// Which language the app starts in: the browser side of shared/i18n's language rules.
import { langFromLocale, parseLang, type Lang } from '../../../shared/i18n';

const STORAGE_KEY = 'dtload.lang';

/** `?lang=` (tests, links) wins, then the user's last choice, then the OS/browser language. */
export function detectLang(): Lang {
  const fromUrl = parseLang(new URLSearchParams(window.location.search).get('lang'));
  if (fromUrl) return fromUrl;
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled; fall through to the browser language.
  }
  return parseLang(stored) ?? langFromLocale(navigator.language) ?? 'en';
}

export function rememberLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not fatal: the choice lasts for this session only.
  }
}
