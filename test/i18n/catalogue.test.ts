// The one catalogue (shared/i18n) is complete and consistent in both languages, so no screen, plan,
// report or CLI line shows a raw "{count}", drops a number in one language, or falls back to English.
import { describe, expect, it } from 'vitest';
import {
  CATALOGUE,
  CATALOGUE_PARTS,
  defaultLang,
  format,
  joinAlternatives,
  langFromLocale,
  parseLang,
  translate,
  translator,
} from '../../shared/i18n';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const entries = Object.entries(CATALOGUE);

describe('the catalogue', () => {
  it('defines each key in one part only', () => {
    const seen = new Map<string, string>();
    for (const [part, messages] of Object.entries(CATALOGUE_PARTS)) {
      for (const key of Object.keys(messages)) {
        expect(seen.get(key), `${key} in ${part}`).toBeUndefined();
        seen.set(key, part);
      }
    }
    expect(seen.size).toBe(entries.length);
  });

  it('has no blank message', () => {
    for (const [key, text] of entries) {
      expect(text.en.trim(), key).not.toBe('');
      expect(text['zh-CN'].trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of entries)
      expect(placeholders(text['zh-CN']), key).toEqual(placeholders(text.en));
  });

  it('translates the Chinese side (no English sentence left behind)', () => {
    // Product names, codes and field names may stay Latin; a sentence of three or more English words may not.
    const untranslated = entries.filter(([, text]) => /[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/.test(text['zh-CN']));
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it('fills placeholders and leaves an unknown one visible', () => {
    expect(translate('en', 'common.rows', { count: 3 })).toBe('3 rows');
    expect(translator('zh-CN')('status.connected', { org: '示例' })).toBe('已连接：示例');
    expect(translate('en', 'common.rows')).toBe('{count} rows');
    expect(joinAlternatives(['"a"', '"b"', '"c"'], 'zh-CN')).toBe('"a"、"b" 或 "c"');
  });
});

describe('languages', () => {
  it('takes en and zh-CN, and zh as an alias of zh-CN', () => {
    expect(['en', 'EN', 'en-US', 'en_GB'].map(parseLang)).toEqual(['en', 'en', 'en', 'en']);
    expect(['zh', 'zh-CN', 'zh_CN', 'ZH-cn', 'zh-Hans'].map(parseLang)).toEqual(Array(5).fill('zh-CN'));
    expect(['fr', 'zh-TW', '', undefined].map(parseLang)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads an OS locale: every Chinese variant as zh-CN', () => {
    expect(['zh_CN.UTF-8', 'zh-TW', 'zh_HK.Big5', 'en_US.UTF-8', 'de-DE'].map(langFromLocale)).toEqual([
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'en',
      undefined,
    ]);
  });

  it('defaults from DTLOAD_LANG, then LC_ALL / LC_MESSAGES / LANG, then the OS locale', () => {
    expect(defaultLang({ DTLOAD_LANG: 'zh', LANG: 'en_US.UTF-8' }, 'en-US')).toBe('zh-CN');
    expect(defaultLang({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }, 'en-US')).toBe('zh-CN');
    expect(defaultLang({ LANG: 'en_US.UTF-8' }, 'zh-CN')).toBe('en');
    // No locale variables (Windows, macOS apps) or the C locale: the OS locale decides.
    expect(defaultLang({}, 'zh-Hans-CN')).toBe('zh-CN');
    expect(defaultLang({ LANG: 'C.UTF-8' }, 'zh-CN')).toBe('zh-CN');
    expect(defaultLang({ LANG: 'fr_FR.UTF-8' }, 'zh-CN')).toBe('en');
    expect(defaultLang({}, 'de-DE')).toBe('en');
  });
});

describe('counts in English', () => {
  it('writes the noun after a count of 1 in the singular, in every other case as the catalogue has it', () => {
    const t = translator('en');
    expect(t('import.diff.apply', { count: 1 })).toBe('Apply 1 change');
    expect(t('import.diff.apply', { count: 2 })).toBe('Apply 2 changes');
    expect(t('common.rows', { count: '1' })).toBe('1 row');
    expect(t('common.rows', { count: '1,000' })).toBe('1,000 rows');
    expect(t('delete.confirm.title', { count: 1 })).toBe('Delete 1 contact?');
    expect(format('{n} is {m} matches', { n: 1, m: 1 })).toBe('1 is 1 match');
    expect(translator('zh-CN')('import.diff.apply', { count: 1 })).toBe('执行 1 项变更');
  });
});
