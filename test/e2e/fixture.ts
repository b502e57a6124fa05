// Builds the import fixture from a real sandbox export: the first 30 contacts with known edits, so the
// end-to-end test knows exactly what the dry run must count and which row DingTalk must refuse.
import { writeFile } from 'node:fs/promises';
import { userIdFor, type SandboxFaults } from '../../electron/core/sandbox';
import ExcelJS from 'exceljs';
import { fieldLabel, LANGS, translator } from '../../shared/i18n';

export interface ImportFixture {
  path: string;
  rows: number;
  /** Rows the dry run must count as updates (including the one DingTalk refuses). */
  updates: number;
  unchanged: number;
  invalid: number;
  /** Sheet row number of the row with an unknown label. */
  invalidRow: number;
  /** Sheet row number of the row whose owner is not a staff member: DingTalk answers 60121. */
  rejectedRow: number;
  rejectedErrcode: number;
  /** user_id of the invalid row and of the refused row. */
  invalidUserId: string;
  rejectedUserId: string;
}

const ROWS = 30;
const TITLE_EDITS = 8;
const INVALID = TITLE_EDITS + 2;
const REJECTED = TITLE_EDITS + 3;

/** The sandbox refuses the update of the REJECTED row's contact (seeded contacts are in export order). */
export const REJECTED_FAULTS: SandboxFaults = {
  errcodes: [{ errcode: 60121, rate: 1, endpoints: ['update'], userIds: [userIdFor(REJECTED)] }],
};

function cellText(row: ExcelJS.Row, col: number): string {
  const v = row.getCell(col).value;
  return v === null || v === undefined ? '' : String(v);
}

/** Reads `exportPath` (dtload's own export) and writes the edited fixture to `outPath`. */
export async function makeImportFixture(exportPath: string, outPath: string): Promise<ImportFixture> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(exportPath);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error(`${exportPath} has no sheet`);
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));
  const col = (name: string): number => {
    const i = columnOf(headers, name);
    if (i < 0) throw new Error(`export has no "${name}" column (headers: ${headers.join(', ')})`);
    return i + 1;
  };

  const out = new ExcelJS.Workbook();
  const target = out.addWorksheet(sheet.name || 'Contacts');
  target.addRow(headers);
  const rows: string[][] = [];
  for (let r = 2; r < 2 + ROWS; r++) {
    const row = sheet.getRow(r);
    rows.push(headers.map((_, i) => cellText(row, i + 1)));
  }

  const title = col('title') - 1;
  const remark = col('remark') - 1;
  const follower = col('follower_user_id') - 1;
  const level = col('Level') - 1;

  // Sheet row n+2 holds data row n (row 1 is the header). The label change comes first so the diff's
  // first screen shows label chips.
  const current = rows[0]![level];
  rows[0]![level] = current === 'Core' ? 'General' : 'Core';
  for (let i = 1; i <= TITLE_EDITS; i++) rows[i]![title] = `E2E title ${i}`;
  rows[TITLE_EDITS + 1]![remark] = 'Edited by the end-to-end test';
  // A label that exists in no group: the row is invalid and never sent.
  rows[INVALID]![level] = 'No such level';
  // A new owner named as an admin would; DingTalk refuses this contact's update (REJECTED_FAULTS: 60121).
  rows[REJECTED]![follower] = ['lina02', '李娜'].includes(rows[REJECTED]![follower]!) ? '王芳' : '李娜';

  for (const r of rows) target.addRow(r);
  await out.xlsx.writeFile(outPath);

  const updates = TITLE_EDITS + 3;
  const userId = col('user_id') - 1;
  return {
    path: outPath,
    rows: ROWS,
    updates,
    invalid: 1,
    unchanged: ROWS - updates - 1,
    invalidRow: INVALID + 2,
    rejectedRow: REJECTED + 2,
    rejectedErrcode: 60121,
    invalidUserId: rows[INVALID]![userId]!,
    rejectedUserId: rows[REJECTED]![userId]!,
  };
}

/** The first sheet of an xlsx file: its header row and the data rows under it, as text. */
/** A field's column: exports head it in the app's language (Contact ID / 联系人ID), older ones by field name. */
export function columnOf(headers: string[], field: string): number {
  const names = [field, ...LANGS.map((lang) => fieldLabel(translator(lang), field))];
  return headers.findIndex((h) => names.includes(h));
}

export async function readSheet(path: string): Promise<{ headers: string[]; rows: string[][] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error(`${path} has no sheet`);
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));
  const rows: string[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 1 && row.cellCount > 0) rows.push(headers.map((_, i) => cellText(row, i + 1)));
  });
  return { headers, rows };
}

/** A sheet with only a user_id column listing `count` contacts from the end of the export; returns their ids. */
export async function makeDeleteSheet(exportPath: string, outPath: string, count: number): Promise<string[]> {
  const { headers, rows } = await readSheet(exportPath);
  const idCol = columnOf(headers, 'user_id');
  const ids = rows.slice(-count).map((r) => r[idCol]!);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Delete');
  sheet.addRow(['user_id']);
  for (const id of ids) sheet.addRow([id]);
  await book.xlsx.writeFile(outPath);
  return ids;
}

/** The export's rows `from`..`from+count-1` with a new title each: `count` plain updates. */
export async function makeTitleEdits(
  exportPath: string,
  outPath: string,
  from: number,
  count: number,
): Promise<void> {
  const { headers, rows } = await readSheet(exportPath);
  const title = columnOf(headers, 'title');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Contacts');
  sheet.addRow(headers);
  rows.slice(from, from + count).forEach((r, i) => {
    const edited = [...r];
    edited[title] = `Paused and resumed ${i + 1}`;
    sheet.addRow(edited);
  });
  await book.xlsx.writeFile(outPath);
}

const csvCell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A CSV of `total` rows cycling through the export's rows: every repeat of a user_id is a duplicate (invalid). */
export async function makeBigCsv(exportPath: string, outPath: string, total: number): Promise<void> {
  const { headers, rows } = await readSheet(exportPath);
  const lines = [headers.map(csvCell).join(',')];
  for (let i = 0; i < total; i++) lines.push(rows[i % rows.length]!.map(csvCell).join(','));
  await writeFile(outPath, lines.join('\r\n') + '\r\n');
}
