import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreNeutralised } from '../../electron/core/sheets';

describe('formula guard', () => {
  it.each([
    ['=SUM(A1:A3)', "'=SUM(A1:A3)"],
    ['+cmd|calc', "'+cmd|calc"],
    ['-2+3', "'-2+3"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\tindent', "'\tindent"],
    ['\rline', "'\rline"],
    ['+86 138 0013 8000', "'+86 138 0013 8000"],
    ['-', "'-"],
  ])('neutralises %j', (input, written) => {
    expect(neutraliseFormula(input)).toBe(written);
    expect(restoreNeutralised(written)).toBe(input);
  });

  it.each(['-12', '+8613800138000', '-0.5', '+.5', '-1e5', '13800138000', '张三', '', 'a=b', "it's"])(
    'leaves safe value %j unchanged',
    (input) => {
      expect(neutraliseFormula(input)).toBe(input);
      expect(restoreNeutralised(input)).toBe(input);
    },
  );

  it('round-trips values that already start with an apostrophe', () => {
    for (const s of ["'=x", "''=x", "'-12", "'", "'abc", "'''+1+1", "'\t"]) {
      const written = neutraliseFormula(s);
      expect(restoreNeutralised(written)).toBe(s);
    }
    expect(neutraliseFormula("'=x")).toBe("''=x");
    expect(neutraliseFormula("'abc")).toBe("'abc");
  });

  it('restore only strips what neutralise added', () => {
    expect(restoreNeutralised("'abc")).toBe("'abc");
    expect(restoreNeutralised("'-12")).toBe("'-12");
    expect(restoreNeutralised("'=1")).toBe('=1');
  });
});
