import { describe, expect, it } from 'vitest';
import { detectHeaderIndex, distinctHeaders, trimTrailing } from '../../electron/core/sheets/headers';

describe('header detection', () => {
  it('skips a title row above the table', () => {
    expect(
      detectHeaderIndex([['客户名单 2024'], ['姓名', '手机', '公司', '备注'], ['张三', '1', '', '']]),
    ).toBe(1);
  });
  it('needs at least half of the widest row', () => {
    const rows = [
      ['导出时间', '2024-01-01'],
      ['a', 'b', 'c', 'd', 'e', 'f'],
      ['1', '2', '3', '4', '5', '6'],
    ];
    expect(detectHeaderIndex(rows)).toBe(1);
  });
  it('falls back to the first row for a one-column sheet', () => {
    expect(detectHeaderIndex([['手机'], ['13800138000']])).toBe(0);
  });
  it('only looks at the first 30 rows', () => {
    const rows = [...Array.from({ length: 30 }, () => ['note']), ['a', 'b', 'c']];
    expect(detectHeaderIndex(rows)).toBe(0);
  });
});

describe('header names', () => {
  it('keeps duplicates and empty headers, made distinct (real headers keep their names)', () => {
    expect(distinctHeaders([' 姓名 ', '手机', '', '手机', 'Phone', 'phone', '手机 (2)'])).toEqual([
      '姓名',
      '手机',
      'Column 3',
      '手机 (3)',
      'Phone',
      'phone (2)',
      '手机 (2)',
    ]);
  });
  it('drops trailing empty columns', () => {
    expect(trimTrailing(['a', '', 'b', '', ' '])).toEqual(['a', '', 'b']);
  });
});
