// The corpus: small files as other producers write them (test/corpus/files, see its README): files made by
// make-corpus.ts the way Excel 97-2003 and WPS .xls/.et, LibreOffice .ods, .xlsb, SpreadsheetML 2003, an HTML
// table named .xls, Excel's own xlsx, Open XML SDK and Strict packages are written, and real-world files from
// SheetJS's public test suite (Apache-2.0): Apple Numbers and its xlsx export, hidden sheets, WPS .et, formats.
// Each with the rows dtload must read (expected.json).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isKnownHeader } from '../../electron/core/import';
import { writeZip } from '../fixtures/zip';
import { expectSheetError, readAll, tempDir } from '../sheets/helpers';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const EXPECTED = JSON.parse(readFileSync(join(HERE, 'expected.json'), 'utf8')) as Record<
  string,
  {
    format: string;
    sheet: string;
    headerRow: number;
    headers: string[];
    rows: { row: number; cells: string[] }[];
    /** The codes of the notes the admin is shown, where the file should raise any. */
    notes?: string[];
  }
>;

describe('corpus', () => {
  it('has a file of every producer', () => {
    expect(Object.keys(EXPECTED).length).toBeGreaterThanOrEqual(16);
  });

  for (const [name, want] of Object.entries(EXPECTED)) {
    it(`reads ${name}`, async () => {
      // As dtload reads a sheet: header detection knows the contact fields' headers.
      const { info, rows } = await readAll(join(HERE, 'files', name), { isKnownHeader });
      expect({
        format: info.format,
        sheet: info.sheet,
        headerRow: info.headerRow,
        headers: info.headers,
      }).toEqual({
        format: want.format,
        sheet: want.sheet,
        headerRow: want.headerRow,
        headers: want.headers,
      });
      expect(rows).toEqual(want.rows);
      expect(info.notes.map((n) => n.code).filter((c) => c !== 'merged-cells')).toEqual(want.notes ?? []);
    });
  }

  it('knows hidden sheets in xlsx and .ods alike (SheetJS does not report them for .ods)', async () => {
    for (const name of ['sheetjs-sheet-visibility.xlsx', 'sheetjs-sheet-visibility.ods']) {
      const { info } = await readAll(join(HERE, 'files', name));
      expect(info.sheet).toBe('Visible');
      expect(info.hiddenSheets).toEqual(['Hidden', 'VeryHidden']);
    }
  });

  it('names an Apple Numbers file it cannot read', async () => {
    const path = join(await tempDir(), 'contacts.numbers');
    await writeFile(
      path,
      writeZip([
        ['Index/Document.iwa', Buffer.from([0, 1, 2, 3, 4, 5, 6, 7])],
        ['Metadata/Properties.plist', Buffer.from('<plist/>')],
      ]),
    );
    await expectSheetError(
      path,
      'not-a-spreadsheet',
      `${path} is not a spreadsheet (it is an Apple Numbers file: export it as .xlsx); save it as .xlsx or .csv and try again`,
    );
  });
});
