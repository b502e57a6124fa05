import { describe, expect, it } from 'vitest';
import { dateText, numberText, serialToDate } from '../../electron/core/sheets/number-text';
import { formatKind, formatNumber } from '../../electron/core/sheets/number-format';

const serial = (y: number, m: number, d: number, h = 0, mi = 0, s = 0): number =>
  (Date.UTC(y, m - 1, d, h, mi, s) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe('numberText', () => {
  it.each([
    [13800138000, '13800138000'],
    [1.3e10, '13000000000'],
    [123456789012345, '123456789012345'],
    [1e21, '1000000000000000000000'],
    [-42, '-42'],
    [-0, '0'],
    [3.14, '3.14'],
    [0.1 + 0.2, '0.3'],
    [1.5e-7, '0.00000015'],
    [-2.5e-10, '-0.00000000025'],
    [1234.5678, '1234.5678'],
    [Number.NaN, ''],
  ])('%d → %s', (n, text) => {
    expect(numberText(n)).toBe(text);
    expect(numberText(n)).not.toMatch(/e/i);
  });
});

describe('dates', () => {
  it('prints midnight as a date and anything else with the time', () => {
    expect(dateText(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
    expect(dateText(new Date(Date.UTC(2024, 2, 5, 9, 7, 3)))).toBe('2024-03-05 09:07:03');
    // float noise just below midnight rounds to the second
    expect(dateText(serialToDate(serial(2024, 3, 6) - 1e-9))).toBe('2024-03-06');
  });

  it('knows the Chinese built-in date and time formats by id', () => {
    for (const id of [27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58, 14])
      expect(formatKind({ id })).toBe('date');
    for (const id of [32, 33, 34, 35, 55, 56, 20, 21]) expect(formatKind({ id })).toBe('time');
    expect(formatNumber(serial(2024, 12, 31), { id: 31 })).toBe('2024-12-31');
    expect(formatNumber(serial(1899, 12, 30, 14, 30), { id: 32 })).toBe('14:30:00');
    expect(formatNumber(serial(2024, 1, 2, 8, 0), { id: 58 })).toBe('2024-01-02 08:00:00');
  });

  it('recognises custom date codes, including Chinese literals', () => {
    expect(formatNumber(serial(1990, 3, 7), { id: 176, code: 'yyyy"年"m"月"d"日"' })).toBe('1990-03-07');
    expect(formatNumber(serial(1990, 3, 7), { code: '[$-804]yyyy/m/d;@' })).toBe('1990-03-07');
    expect(formatNumber(serial(1990, 3, 7, 18, 5), { code: 'yyyy-mm-dd hh:mm' })).toBe('1990-03-07 18:05:00');
    expect(formatNumber(serial(1899, 12, 30, 18, 5), { code: 'h:mm AM/PM' })).toBe('18:05:00');
  });

  it('supports 1904-based workbooks', () => {
    expect(formatNumber(0, { id: 14 }, true)).toBe('1904-01-01');
  });
});

describe('other formats', () => {
  it('keeps ids, phones and numbers plain whatever the format', () => {
    expect(formatNumber(13800138000, { id: 3, code: '#,##0' })).toBe('13800138000');
    expect(formatNumber(3.1, { id: 2, code: '0.00' })).toBe('3.1');
    expect(formatNumber(1.3e10, { id: 11, code: '0.00E+00' })).toBe('13000000000');
    expect(formatNumber(13800138000, { code: '@' })).toBe('13800138000');
  });
  it('shows percentages and zero-padded codes as Excel does', () => {
    expect(formatNumber(0.25, { id: 9, code: '0%' })).toBe('25%');
    expect(formatNumber(0.12345, { id: 10, code: '0.00%' })).toBe('12.35%');
    expect(formatNumber(1234, { code: '000000' })).toBe('001234');
  });

  it('keeps literal text around the zeros, and never rounds a number to pad it', () => {
    expect(formatNumber(1234, { code: '"ID"000000' })).toBe('ID001234');
    expect(formatNumber(-56, { code: '\\A0000"号"' })).toBe('-A0056号');
    expect(formatNumber(1234.5, { code: '0' })).toBe('1234.5');
    expect(formatNumber(17, { code: '0" "' })).toBe('17');
    expect(formatNumber(13800138000, { code: '000"-"0000"-"0000' })).toBe('13800138000');
    expect(formatNumber(13800138000, { code: '000\\-0000\\-0000' })).toBe('13800138000');
  });

  it('reads General under a colour or 中文数字 (DBNum) prefix as a number, not a date', () => {
    for (const code of ['[DBNum1][$-804]General', '[DBNum2][$-804]General', '[Red]General;[Red]-General'])
      expect(formatNumber(1234.5, { code })).toBe('1234.5');
  });
});
