// CSV → raw rows, streamed: file stream → decoder → papaparse's Node stream parser. Nothing is collected.
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { decodeFile, decodedSample, detectEncoding } from './csv-encoding';
import { restoreNeutralised } from './formula-guard';
import type { TextEncoding } from './types';
import type { RawRow } from './raw-row';

export const CSV_DELIMITERS = [',', ';', '\t', '|'];

export interface CsvFormat {
  encoding: TextEncoding;
  delimiter: string;
}

export async function detectCsvFormat(path: string): Promise<CsvFormat> {
  const encoding = await detectEncoding(path);
  const sample = await decodedSample(path, encoding);
  const guess = Papa.parse<string[]>(sample, { preview: 50, delimitersToGuess: CSV_DELIMITERS });
  const delimiter = CSV_DELIMITERS.includes(guess.meta.delimiter) ? guess.meta.delimiter : ',';
  return { encoding, delimiter };
}

/**
 * Every record of the file, numbered as Excel numbers rows (a quoted newline stays inside its row; a blank
 * line is a row). Blank records are yielded too: the caller decides what to skip.
 */
export async function* csvRows(path: string, format: CsvFormat): AsyncGenerator<RawRow> {
  const source = Readable.from(decodeFile(path, format.encoding));
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
    delimiter: format.delimiter,
  }) as NodeJS.ReadWriteStream & Readable;
  let failure: unknown;
  source.on('error', (e) => {
    failure = e;
    parser.destroy(e as Error);
  });
  source.pipe(parser);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells: record.map(restoreNeutralised) };
    }
    if (failure) throw failure;
  } finally {
    source.destroy();
    parser.destroy();
  }
}
