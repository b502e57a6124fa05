// The options that say how to read the sheet (import and delete): which sheet, which header row, which encoding.
import type { Command } from 'commander';
import { isKnownHeader } from '../core/import';
import type { OpenOptions } from '../core/sheets';
import { CliError } from './errors';

export interface SheetCliOptions {
  sheet?: string;
  headerRow?: string;
  encoding?: string;
}

export function addSheetOptions(cmd: Command): Command {
  return cmd
    .option('--sheet <name>', 'sheet to read (default: the first visible sheet with data)')
    .option('--header-row <n>', 'row number of the header row (default: detected)')
    .option(
      '--encoding <name>',
      'text encoding of a .csv, e.g. utf-8, gb18030, gbk, big5, shift_jis, euc-kr, windows-1252 (default: detected)',
    );
}

/** The options as openSheet takes them; a header row that is not a row number is bad input (exit 2). */
export function sheetOpenOptions(opts: SheetCliOptions): OpenOptions {
  const out: OpenOptions = { isKnownHeader };
  if (opts.sheet !== undefined) out.sheet = opts.sheet;
  if (opts.headerRow !== undefined) {
    const n = Number(opts.headerRow);
    if (!/^\s*\d+\s*$/.test(opts.headerRow) || !Number.isSafeInteger(n) || n < 1) {
      throw new CliError(
        `--header-row "${opts.headerRow.slice(0, 20)}": give the header's row number as Excel shows it (1, 2, 3…)`,
      );
    }
    out.headerRow = n;
  }
  if (opts.encoding !== undefined) out.encoding = opts.encoding;
  return out;
}
