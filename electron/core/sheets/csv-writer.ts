// CSV writer: UTF-8 with BOM (so Excel picks the right encoding), CRLF, RFC 4180 quoting, formula guard.
import type { WriteStream } from 'node:fs';
import { neutraliseFormula } from './formula-guard';
import { openOutput, writeFailure } from './open-output';
import { numberText } from './number-text';
import type { SheetCell, SheetWriter } from './types';

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: SheetCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? numberText(value) : neutraliseFormula(String(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: SheetCell[]): string => `${cells.map(csvField).join(',')}\r\n`;

export async function createCsvWriter(
  path: string,
  headers: string[],
  titleRows: string[] = [],
): Promise<SheetWriter> {
  const out: WriteStream = await openOutput(path);
  let failure: Error | undefined;
  out.on('error', (e) => (failure ??= writeFailure(path, e)));
  const write = async (text: string): Promise<void> => {
    if (failure) throw failure;
    if (!out.write(text)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          out.off('drain', done);
          out.off('error', done);
          resolve();
        };
        out.on('drain', done);
        out.on('error', done);
      });
      if (failure) throw failure;
    }
  };
  await write(`\uFEFF${titleRows.map((t) => csvLine([t])).join('')}${csvLine(headers)}`);
  let closing: Promise<void> | undefined;
  return {
    addRow: (cells) =>
      closing
        ? Promise.reject(new Error(`Cannot add a row to ${path}: the writer is closed`))
        : write(csvLine(cells)),
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        if (failure) return reject(failure);
        out.end(() => (failure ? reject(failure) : resolve()));
      })),
  };
}
