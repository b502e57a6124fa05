import type { Lang } from './types';

const STORAGE_KEY = 'dtload.lang';

/** Maps any BCP 47 tag to a language we ship: every Chinese variant reads Simplified, the rest English. */
export function normaliseLang(tag: string | null | undefined): Lang | null {
  if (!tag) return null;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return null;
}

/** `?lang=` (tests, links) wins, then the user's last choice, then the OS/browser language. */
export function detectLang(): Lang {
  const fromUrl = normaliseLang(new URLSearchParams(window.location.search).get('lang'));
  if (fromUrl) return fromUrl;
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled; fall through to the browser language.
  }
  return normaliseLang(stored) ?? normaliseLang(navigator.language) ?? 'en';
}

export function rememberLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not fatal: the choice lasts for this session only.
  }
}
