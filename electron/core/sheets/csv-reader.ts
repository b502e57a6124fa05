// CSV → raw rows, streamed: file stream → decoder → papaparse's parser, one chunk at a time. Nothing is collected.
import Papa from 'papaparse';
import { decodeFile, decodedSample } from './csv-encoding';
import { detectEncoding, givenEncoding, type EncodingChoice } from './encoding-detect';
import { restoreNeutralised } from './formula-guard';
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

/**
 * Every record of the file, numbered as Excel numbers rows (a quoted newline stays inside its row; a blank
 * line is a row), in batches: the records of one decoded chunk at a time. Blank records are included: the
 * caller decides what to skip.
 *
 * Each chunk goes straight through papaparse's parser, the way its own streamers do (the unfinished last
 * record is carried into the next chunk), with no stream in between: its Node stream interface pushes
 * every record through a Readable one at a time, which cost more than the parsing itself.
 */
export async function* csvRowBatches(path: string, format: CsvFormat): AsyncGenerator<RawRow[]> {
  const config = { delimiter: format.delimiter, newline: format.newline };
  let partial = '';
  let baseIndex = 0;
  let row = 0;
  let skipSepLine = format.sepLine;
  const batch = (records: string[][]): RawRow[] => {
    const out: RawRow[] = [];
    for (const cells of records) {
      if (skipSepLine) {
        skipSepLine = false;
        continue;
      }
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i]!;
        if (c.charCodeAt(0) === 39 /* ' */) cells[i] = restoreNeutralised(c);
      }
      // A copy of exactly its length: the parser grows each record cell by cell, leaving spare capacity
      // (41 slots for 20 cells) that planning would keep for every row.
      out.push({ row: ++row, cells: cells.slice() });
    }
    return out;
  };
  for await (const text of decodeFile(path, format.encoding)) {
    const input = partial + text;
    const parsed = new Papa.Parser(config).parse(input, baseIndex, true) as ParsedChunk;
    partial = input.substring(parsed.meta.cursor - baseIndex);
    baseIndex = parsed.meta.cursor;
    yield batch(parsed.data);
  }
  const last = new Papa.Parser(config).parse(partial, baseIndex, false) as ParsedChunk;
  yield batch(last.data);
}

/** What Parser.parse returns (its typings say any). */
interface ParsedChunk {
  data: string[][];
  meta: { cursor: number };
}
