import type { Lang } from '../i18n';

/** Seconds → "1 h 05 min" / "2 min 10 s" / "12 s" (or the Chinese units). */
export function formatDuration(seconds: number, lang: Lang): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const [uh, um, us] = lang === 'zh-CN' ? ['小时', '分', '秒'] : [' h', ' min', ' s'];
  if (h > 0) return `${h}${uh} ${String(m).padStart(2, '0')}${um}`;
  if (m > 0) return `${m}${um} ${String(sec).padStart(2, '0')}${us}`;
  return `${sec}${us}`;
}
