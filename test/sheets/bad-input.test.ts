import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openSheet, SheetError } from '../../electron/core/sheets';
import { makeFixtures, type Fixtures } from '../fixtures/make-fixtures';
import { expectSheetError, tempDir } from './helpers';

let fx: Fixtures;
beforeAll(async () => {
  fx = await makeFixtures(await tempDir());
});

const notSpreadsheet = (path: string, why: string): string =>
  `${path} is not a spreadsheet (${why}); save it as .xlsx or .csv and try again`;

describe('bad input gives one clear line', () => {
  it('missing file', async () => {
    const path = join(fx.dir, 'nope.xlsx');
    await expectSheetError(path, 'missing', `File not found: ${path}`);
    const err = await openSheet(path).catch((e: SheetError) => e);
    expect((err as SheetError).in('zh-CN')).toBe(`找不到文件：${path}`);
  });
  it('a folder', async () => {
    await expectSheetError(fx.dir, 'not-a-spreadsheet', notSpreadsheet(fx.dir, 'it is a folder'));
  });
  it('empty files', async () => {
    await expectSheetError(fx.emptyCsv, 'empty', `${fx.emptyCsv} is empty`);
    await expectSheetError(fx.emptyXlsx, 'empty', `${fx.emptyXlsx} is empty`);
    await expectSheetError(fx.blankXlsx, 'empty', `${fx.blankXlsx} has no data in any sheet`);
  });
  it('header only', async () => {
    await expectSheetError(
      fx.headerOnlyCsv,
      'header-only',
      `${fx.headerOnlyCsv} has a header row (row 1) but no data rows`,
    );
    await expectSheetError(
      fx.headerOnlyXlsx,
      'header-only',
      `sheet "Sheet1" of ${fx.headerOnlyXlsx} has a header row (row 1) but no data rows`,
    );
  });
  it('a PDF renamed .xlsx', async () => {
    await expectSheetError(
      fx.pdfAsXlsx,
      'not-a-spreadsheet',
      notSpreadsheet(fx.pdfAsXlsx, 'it is a PDF document'),
    );
  });
  it('a zip that is not a workbook', async () => {
    await expectSheetError(
      fx.zipAsXlsx,
      'not-a-spreadsheet',
      notSpreadsheet(fx.zipAsXlsx, 'it is a zip file but not an Excel workbook'),
    );
  });
  it('a damaged .xls', async () => {
    await expectSheetError(
      fx.xlsAsXlsx,
      'not-a-spreadsheet',
      notSpreadsheet(fx.xlsAsXlsx, 'it looks like an Excel 97-2003 (.xls) file but is damaged'),
    );
  });
  it('an HTML table named .xls is read as a sheet', async () => {
    await expectSheetError(
      fx.htmlAsXls,
      'header-only',
      `sheet "Sheet1" of ${fx.htmlAsXls} has a header row (row 1) but no data rows`,
    );
  });
  it('random bytes named .csv', async () => {
    const randomZero = (await readFile(fx.randomCsv)).indexOf(0);
    await expectSheetError(
      fx.randomCsv,
      'encoding',
      `${fx.randomCsv} is not readable text: the byte at offset ${randomZero} cannot be read as UTF-8 or UTF-16. If you know its encoding, name it with --encoding (for example --encoding gbk), or in Excel use "Save as" → "CSV UTF-8" or .xlsx`,
    );
  });
  it('a header row the caller picked beyond the data', async () => {
    await expectSheetError(
      fx.utf8Csv,
      'header-only',
      `${fx.utf8Csv} has no rows after row 5; row 9 cannot be the header`,
      { headerRow: 9 },
    );
  });
});
