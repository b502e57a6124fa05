// Import fixtures generated from code (no hand-edited binaries): encodings, xlsx quirks, label edge
// cases and duplicate keys, built from the sandbox organisation's contacts so plans can be asserted.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Contact, LabelGroup } from '../../shared/domain';

const csvCell = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csv = (rows: string[][]): string => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

export interface ImportFixtures {
  /** GB18030 CSV, Chinese headers; row 2 renames contact 0 and sets its 行业 to `industry`. */
  gb18030Csv: string;
  /** A 行业 label contact 0 does not have yet. */
  industry: string;
  /** UTF-8 CSV with a BOM; `Title` of contact 1 set to "Engineer" (header "User ID" with a BOM in front). */
  bomCsv: string;
  /** xlsx: a title row above the header, user_id as text, mobile as a number, a label cell with line
   *  breaks and full-width separators, a trailing-space header, a blank row, an empty column. */
  quirksXlsx: string;
  /** Label edge cases, one per row (rows 2..6): shared name, Group/Label, unknown, > 20, group column. */
  labelsCsv: string;
  /** The same user_id on rows 2 and 4, the same mobile on rows 2 and 3 (for --match mobile). */
  duplicatesCsv: string;
}

export async function makeImportFixtures(
  dir: string,
  contacts: readonly Contact[],
  groups: readonly LabelGroup[],
): Promise<ImportFixtures> {
  const [c0, c1, c2, c3, c4] = contacts;
  if (!c0 || !c1 || !c2 || !c3 || !c4) throw new Error('need at least 5 contacts');
  const industry = groups
    .find((g) => g.name === '行业')
    ?.labels.find((l) => !c0.label_ids.includes(l.id))?.name;
  if (!industry) throw new Error('the organisation needs a 行业 label group');

  const gb18030Csv = join(dir, 'gb18030.csv');
  await writeFile(
    gb18030Csv,
    iconv.encode(
      csv([
        ['外部联系人ID', '姓名', '行业', '备注'],
        [c0.userid, '王小明', industry, ''],
      ]),
      'gb18030',
    ),
  );

  const bomCsv = join(dir, 'bom.csv');
  await writeFile(
    bomCsv,
    '\uFEFF' +
      csv([
        ['User ID', 'Title'],
        [c1.userid, 'Engineer'],
      ]),
    'utf8',
  );

  const quirksXlsx = join(dir, 'quirks.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户名单');
  ws.addRow(['2026 客户名单']);
  ws.addRow(['userid', 'Name ', 'Phone', 'Empty', 'Source']);
  const r3 = ws.addRow([c2.userid, c2.name, 13912345678, '', 'Website\nReferral']);
  r3.getCell(1).numFmt = '@';
  ws.addRow([]);
  ws.addRow([
    c3.userid,
    { richText: [{ text: 'Rich ' }, { text: 'Name', font: { bold: true } }] },
    null,
    '',
    'Exhibition；Website',
  ]);
  await wb.xlsx.writeFile(quirksXlsx);

  const labelsCsv = join(dir, 'labels.csv');
  const many = ['Customer', 'Channel partner', 'Supplier', 'Partner', 'Interviewee', 'Other type', 'General'];
  many.push('Important', 'Core', 'Potential', 'Interested', 'In negotiation', 'Closed deal', 'Lost');
  many.push('To be invited', 'To be interviewed', '重要客户', '普通客户', '互联网', '制造业', '金融');
  await writeFile(
    labelsCsv,
    csv([
      ['user_id', 'labels', 'Region'],
      [c0.userid, 'Other', ''],
      [c1.userid, 'Source/Other, Customer', ''],
      [c2.userid, 'Nonexistent', ''],
      [c3.userid, many.join('|'), ''],
      [c4.userid, '', 'Other'],
    ]),
    'utf8',
  );

  const duplicatesCsv = join(dir, 'duplicates.csv');
  await writeFile(
    duplicatesCsv,
    csv([
      ['user_id', 'mobile', 'remark'],
      [c0.userid, '13700000001', 'a'],
      [c1.userid, '137 0000 0001', 'b'],
      [c0.userid, '13700000003', 'c'],
    ]),
    'utf8',
  );
  return { gb18030Csv, industry, bomCsv, quirksXlsx, labelsCsv, duplicatesCsv };
}
