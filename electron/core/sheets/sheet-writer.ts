// createSheetWriter: one streaming writer API for xlsx and CSV exports and reports.
import { extname } from 'node:path';
import { createCsvWriter } from './csv-writer';
import type { SheetWriter, SheetWriterOptions } from './types';
import { createXlsxWriter } from './xlsx-writer';

export function formatFromPath(path: string): 'xlsx' | 'csv' {
  const ext = extname(path).toLowerCase();
  return ext === '.csv' ? 'csv' : 'xlsx';
}

export function createSheetWriter(path: string, opts: SheetWriterOptions): Promise<SheetWriter> {
  const format = opts.format ?? formatFromPath(path);
  return format === 'csv'
    ? createCsvWriter(path, opts.headers, opts.titleRows)
    : createXlsxWriter(path, opts);
}
