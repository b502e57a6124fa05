// One exceljs cell value → the text the admin sees in Excel.
import type { CellValue } from 'exceljs';
import { decodeXmlEscapes } from './xml-escapes';
import { formatDate, formatNumber, type NumberFormat } from './number-format';

type RichText = { richText: { text?: string | null }[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function cellText(value: CellValue | unknown, fmt: NumberFormat, date1904 = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return decodeXmlEscapes(value);
  if (typeof value === 'number') return formatNumber(value, fmt, date1904);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value, fmt);
  if (!isObject(value)) return String(value);
  if (Array.isArray((value as RichText).richText)) {
    return decodeXmlEscapes((value as RichText).richText.map((r) => r.text ?? '').join(''));
  }
  // Formula (plain or shared): the cached result is what Excel shows.
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (typeof result === 'number' && Number.isNaN(result)) return '';
    if (isObject(result) && 'error' in result) return String(result.error);
    return cellText(result, fmt, date1904);
  }
  // Hyperlink: its text (which may itself be rich text).
  if ('hyperlink' in value || 'text' in value) return cellText(value.text, fmt, date1904);
  if ('error' in value) return String(value.error);
  return '';
}
