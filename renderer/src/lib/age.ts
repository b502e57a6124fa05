// "just now" / "12 minutes ago" / "3 hours ago" for a time the backend reported (an index or directory read).
import type { Translate } from '../i18n';

/** Whole minutes since `iso` (never negative: the page's clock may run ahead of the backend's). */
export function minutesSince(iso: string): number {
  return Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 60000));
}

/** How long ago `iso` was, in words. */
export function agoText(t: Translate, iso: string): string {
  const m = minutesSince(iso);
  if (m < 1) return t('index.age.now');
  if (m < 60) return t('index.age.minutes', { n: m });
  if (m < 48 * 60) return t('index.age.hours', { n: Math.floor(m / 60) });
  return t('index.age.days', { n: Math.floor(m / (24 * 60)) });
}
