// The two dictionaries agree: same keys (also a type error), nothing blank, and the same {placeholders},
// so no screen shows a raw "{count}" or drops a number in one language.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

type Dict = Record<string, string>;
const I18N = resolve(__dirname, '../../renderer/src/i18n');
let en: Dict;
let zhCN: Dict;

beforeAll(async () => {
  // Loaded by path: the renderer's files belong to the web tsconfig, not to the node one tests compile with.
  en = ((await import(resolve(I18N, 'en.ts'))) as { en: Dict }).en;
  zhCN = ((await import(resolve(I18N, 'zh-CN.ts'))) as { zhCN: Dict }).zhCN;
});

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('i18n dictionaries', () => {
  it('have the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no blank message', () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(zhCN)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
      expect(placeholders(zhCN[key] ?? ''), key).toEqual(placeholders(en[key] ?? ''));
    }
  });

  it('translate the Chinese dictionary (no English sentence left behind)', () => {
    // Product names and codes may stay Latin; a sentence of three or more English words may not.
    const untranslated = Object.entries(zhCN).filter(([, text]) =>
      /[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/.test(text),
    );
    expect(untranslated).toEqual([]);
  });
});
