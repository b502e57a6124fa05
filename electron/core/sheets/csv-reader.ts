// CSV → raw rows, streamed: file stream → decoder → papaparse's parser, one chunk at a time. Nothing is collected.
import { basename, extname } from 'node:path';
import Papa from 'papaparse';
import { decodeFile, decodedSample } from './csv-encoding';
import { detectEncoding, givenEncoding, type EncodingChoice } from './encoding-detect';
import { restoreNeutralised, textFormulaValue } from './formula-guard';
import { cellName } from './cell-ref';
import { isScientific } from './cell-notes';
import { RecordScanner, RecordTooLarge, type ScanLimits } from './csv-scan';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS } from './limits';
import { sheetText } from './messages';
import { SheetError } from './sheet-error';
import type { TextEncoding } from './types';
import type { RawRow } from './raw-row';

export const CSV_DELIMITERS = [',', ';', '\t', '|'];

export interface CsvFormat {
  encoding: TextEncoding;
  /** How the encoding was chosen, and a doubt to show the admin. */
  choice: EncodingChoice;
  delimiter: string;
  /** Line break, detected like papaparse does (outside quoted fields): '\r\n', '\n' or '\r'. */
  newline: '\r\n' | '\n' | '\r';
  /** The file starts with Excel's `sep=;` hint line, which Excel does not show as a row. */
  sepLine: boolean;
}

const SEP_LINE = /^sep=(.)\r?\n/i;
const NEWLINES: readonly string[] = ['\r\n', '\n', '\r'];

/** Encoding (detected unless `encoding` names one), delimiter, line break and Excel's sep= hint. */
export async function detectCsvFormat(path: string, encodingName?: string): Promise<CsvFormat> {
  const choice = encodingName ? givenEncoding(encodingName) : await detectEncoding(path);
  const { encoding } = choice;
  const sample = await decodedSample(path, encoding);
  const hint = SEP_LINE.exec(sample)?.[1];
  const guess = Papa.parse<string[]>(sample, {
    preview: 50,
    ...(hint ? { delimiter: hint } : { delimitersToGuess: CSV_DELIMITERS }),
  });
  const newline = (
    NEWLINES.includes(guess.meta.linebreak) ? guess.meta.linebreak : '\n'
  ) as CsvFormat['newline'];
  if (hint) return { encoding, choice, delimiter: hint, newline, sepLine: true };
  const delimiter = CSV_DELIMITERS.includes(guess.meta.delimiter) ? guess.meta.delimiter : ',';
  return { encoding, choice, delimiter, newline, sepLine: false };
}

export interface CsvLimits extends ScanLimits {
  rows: number;
}

/** What a read cost, for tests: characters handed to papaparse (linear: about the file's length). */
export interface CsvReadStats {
  parsedChars: number;
}

export const CSV_LIMITS: CsvLimits = { cellChars: MAX_CELL_CHARS, columns: MAX_COLUMNS, rows: MAX_ROWS };

/** An unfinished record longer than this is followed by the scanner instead of being parsed again per chunk. */
const LONG_RECORD = 64 * 1024;

/**
 * Every record of the file, numbered as Excel numbers rows (a quoted newline stays inside its row; a blank
 * line is a row), in batches: the records of one decoded chunk at a time. Blank records are included: the
 * caller decides what to skip.
 *
 * Each chunk goes straight through papaparse's parser, the way its own streamers do (the unfinished last
 * record is carried into the next chunk), with no stream in between: its Node stream interface pushes
 * every record through a Readable one at a time, which cost more than the parsing itself. An unfinished
 * record that outgrows LONG_RECORD is followed by a RecordScanner over the new chunks only, and parsed again
 * once it may have ended: linear time whatever the file. Excel's limits (cell length, columns, rows) are
 * checked as records arrive; the first one passed stops the read with one line.
 */
export async function* csvRowBatches(
  path: string,
  format: CsvFormat,
  limits: CsvLimits = CSV_LIMITS,
  stats?: CsvReadStats,
): AsyncGenerator<RawRow[]> {
  const config = { delimiter: format.delimiter, newline: format.newline };
  const sheet = basename(path, extname(path));
  let partial = '';
  let baseIndex = 0;
  let row = 0;
  let skipSepLine = format.sepLine;
  const tooLarge = (what: 'cell' | 'columns', column: number, at = row + 1): SheetError =>
    what === 'cell'
      ? new SheetError('too-large', sheetText('cellTooLong', { path, sheet, cell: cellName(at, column) }))
      : new SheetError('too-large', sheetText('tooManyColumns', { path, sheet, cell: cellName(at, column) }));
  const batch = (records: string[][]): RawRow[] => {
    const out: RawRow[] = [];
    for (const cells of records) {
      if (skipSepLine) {
        skipSepLine = false;
        continue;
      }
      if (++row > limits.rows) throw new SheetError('too-large', sheetText('tooManyRows', { path, sheet }));
      if (cells.length > limits.columns) throw tooLarge('columns', limits.columns + 1, row);
      let scientific: number[] | undefined;
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i]!;
        if (c.length > limits.cellChars) throw tooLarge('cell', i + 1, row);
        const first = c.charCodeAt(0);
        if (first === 39 /* ' */) cells[i] = restoreNeutralised(c);
        else if (first === 61 /* = */) cells[i] = textFormulaValue(c);
        else if (isScientific(c)) (scientific ??= []).push(i + 1);
      }
      // The parser's own array (it has spare capacity: plans pack their rows' cells, see packed-row.ts).
      out.push(scientific ? { row, cells, scientific } : { row, cells });
    }
    return out;
  };
  const parse = (input: string, more: boolean): RawRow[] => {
    if (stats) stats.parsedChars += input.length;
    const parsed = new Papa.Parser(config).parse(input, baseIndex, more) as ParsedChunk;
    partial = more ? input.substring(parsed.meta.cursor - baseIndex) : '';
    baseIndex = parsed.meta.cursor;
    return batch(parsed.data);
  };
  // While a long record is unfinished: its scanner and the chunks read since (joined once it may end).
  let scanner: RecordScanner | undefined;
  let pending: string[] = [];
  const follow = (text: string): boolean => {
    try {
      return scanner!.scan(text) >= 0;
    } catch (e) {
      if (e instanceof RecordTooLarge) throw tooLarge(e.what, e.column);
      throw e;
    }
  };
  for await (const text of decodeFile(path, format.encoding)) {
    if (scanner) {
      pending.push(text);
      if (!follow(text)) continue;
      const input = partial + pending.join('');
      pending = [];
      scanner = undefined;
      yield parse(input, true);
    } else {
      yield parse(partial + text, true);
    }
    if (partial.length > LONG_RECORD) {
      scanner = new RecordScanner(format.delimiter, format.newline, limits);
      // The scanner reads the record so far once; if it thinks the record already ended (papaparse knows
      // better), it goes on from there and asks again at the next possible end.
      follow(partial);
    }
  }
  yield parse(partial + pending.join(''), false);
}
/** What Parser.parse returns (its typings say any). */
interface ParsedChunk {
  data: string[][];
  meta: { cursor: number };
}
