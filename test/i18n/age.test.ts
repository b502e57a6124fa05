// How old a read is, in words (renderer/src/lib/age's agoText), and the staff directory's badge that says it
// ("Directory read 3 hours ago" / "3 小时前读取通讯录"): hours and days, never hundreds of minutes, in both
// languages.
import { beforeAll, describe, expect, it } from 'vitest';
import { translator, type Lang, type Translate } from '../../shared/i18n';

// The node tsconfig cannot include renderer files: loaded through a computed path at run time.
const AGE = ['..', '..', 'renderer', 'src', 'lib', 'age'].join('/');
let agoText: (t: Translate, iso: string) => string;
beforeAll(async () => {
  ({ agoText } = (await import(/* @vite-ignore */ AGE)) as { agoText: typeof agoText });
});

const MINUTE = 60_000;
const ago = (ms: number): string => new Date(Date.now() - ms).toISOString();
/** The badge's text for a directory read `ms` ago, as DirectoryAge writes it. */
const badge = (lang: Lang, ms: number): string => {
  const t = translator(lang);
  return t('people.dir.age', { age: agoText(t, ago(ms)) });
};

describe('the staff directory badge', () => {
  it.each([
    ['en', 10_000, 'Directory read just now'],
    ['en', 1 * MINUTE + 5_000, 'Directory read 1 minute ago'],
    ['en', 12 * MINUTE + 5_000, 'Directory read 12 minutes ago'],
    ['en', 60 * MINUTE + 5_000, 'Directory read 1 hour ago'],
    ['en', 200 * MINUTE, 'Directory read 3 hours ago'],
    ['en', 47 * 60 * MINUTE + 5_000, 'Directory read 47 hours ago'],
    ['en', 3 * 24 * 60 * MINUTE + 5_000, 'Directory read 3 days ago'],
    ['zh-CN', 10_000, '刚刚读取通讯录'],
    ['zh-CN', 12 * MINUTE + 5_000, '12 分钟前读取通讯录'],
    ['zh-CN', 200 * MINUTE, '3 小时前读取通讯录'],
    ['zh-CN', 3 * 24 * 60 * MINUTE + 5_000, '3 天前读取通讯录'],
  ] as const)('%s, read %i ms ago: %s', (lang, ms, text) => {
    expect(badge(lang, ms)).toBe(text);
  });

  it('says the age in the same words as the connection card and the contacts index', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const t = translator(lang);
      const age = agoText(t, ago(5 * 60 * MINUTE));
      expect(age).toBe(t('index.age.hours', { n: 5 }));
      expect(badge(lang, 5 * 60 * MINUTE)).toContain(age);
      expect(t('people.dir.summary', { staff: 1, departments: 1, age })).toContain(age);
    }
  });

  it('never counts a clock running ahead as negative', () => {
    expect(badge('en', -5 * MINUTE)).toBe('Directory read just now');
  });
});
