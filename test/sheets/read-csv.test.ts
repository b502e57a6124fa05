import { beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { CHINESE_ROWS, makeFixtures, type Fixtures } from '../fixtures/make-fixtures';
import { readAll, tempDir } from './helpers';

let fx: Fixtures;
let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  fx = await makeFixtures(dir);
});

const expectedChineseRows = CHINESE_ROWS.slice(1).map((cells, i) => ({ row: i + 2, cells }));

describe('CSV encodings', () => {
  it.each([
    ['gb18030Csv', 'gb18030', ','],
    ['utf8Csv', 'utf-8', ','],
    ['utf16leCsv', 'utf-16le', '\t'],
  ] as const)('%s is read as %s with %j', async (key, encoding, delimiter) => {
    const { info, rows } = await readAll(fx[key]);
    expect(info.format).toBe('csv');
    expect(info.encoding).toBe(encoding);
    expect(info.delimiter).toBe(delimiter);
    expect(info.headerRow).toBe(1);
    expect(info.headers).toEqual(CHINESE_ROWS[0]);
    expect(rows).toEqual(expectedChineseRows);
  });

  it('reads UTF-8 with BOM, semicolons, CRLF and a quoted newline', async () => {
    const { info, rows } = await readAll(fx.bomSemicolonCsv);
    expect(info).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';', headers: ['姓名', '手机', '备注'] });
    expect(rows).toEqual([
      { row: 2, cells: ['张三', '13800138000', '第一行\r\n第二行'] },
      { row: 4, cells: ['李四', '+8613900139000', '含;分号, 和逗号'] },
      { row: 5, cells: ['王五', '-12', '=1+1'] },
    ]);
  });

  it('detects a pipe delimiter', async () => {
    expect((await readAll(fx.pipeCsv)).info.delimiter).toBe('|');
    expect((await readAll(fx.pipeCsv)).rows[1]!.cells).toEqual(['Li Si', '13900139000', 'tab\there']);
  });

  it('checks the whole file for UTF-8, not just the start', async () => {
    const path = join(dir, 'late-gb18030.csv');
    const ascii = Array.from(
      { length: 5000 },
      (_, i) => `user${i},1380013${String(i).padStart(4, '0')},ACME`,
    );
    await writeFile(
      path,
      iconv.encode(
        ['name,mobile,company', ...ascii, '张三,13800138000,阿里巴巴', ''].join('\r\n'),
        'gb18030',
      ),
    );
    const { info, rows } = await readAll(path);
    expect(info.encoding).toBe('gb18030');
    expect(rows.at(-1)).toEqual({ row: 5002, cells: ['张三', '13800138000', '阿里巴巴'] });
  });

  it('detects tabs and semicolons even when commas appear inside cells', async () => {
    const path = join(dir, 'tabs.csv');
    await writeFile(path, 'a\tb\tc\n1,5\t2\t3\n4\t5,5\t6\n');
    const { info, rows } = await readAll(path);
    expect(info.delimiter).toBe('\t');
    expect(rows.map((r) => r.cells)).toEqual([
      ['1,5', '2', '3'],
      ['4', '5,5', '6'],
    ]);
  });
});

describe('CSV layout', () => {
  it('finds a header under a title row, names empty and duplicate headers, drops trailing columns', async () => {
    const path = join(dir, 'layout.csv');
    await writeFile(
      path,
      '客户名单,,,,,,\n\n姓名,手机,姓名,,公司,,\n张三,1,Z,x,阿里,extra,\n,,,,,,\n李四,2,L,,腾讯,,\n',
    );
    const { info, rows } = await readAll(path);
    expect(info.headerRow).toBe(3);
    expect(info.headers).toEqual(['姓名', '手机', '姓名 (2)', 'Column 4', '公司']);
    expect(rows).toEqual([
      { row: 4, cells: ['张三', '1', 'Z', 'x', '阿里'] },
      { row: 6, cells: ['李四', '2', 'L', '', '腾讯'] },
    ]);
  });

  it('ignores a header row that is not a positive integer', async () => {
    for (const headerRow of [0, -1, 1.5, Number.NaN]) {
      expect((await readAll(fx.utf8Csv, { headerRow })).info.headerRow).toBe(1);
    }
    expect((await readAll(fx.utf8Csv, { headerRow: 2 })).info.headers).toEqual(CHINESE_ROWS[1]);
  });

  it("honours Excel's sep= hint line and numbers rows as Excel shows them", async () => {
    const path = join(dir, 'sep-hint.csv');
    await writeFile(path, 'sep=;\r\nname;note\r\nZhang;a,b\r\n');
    const { info, rows } = await readAll(path);
    expect(info).toMatchObject({ delimiter: ';', headerRow: 1, headers: ['name', 'note'] });
    expect(rows).toEqual([{ row: 2, cells: ['Zhang', 'a,b'] }]);
  });

  it('treats a file with only a BOM or blank lines as empty', async () => {
    const path = join(dir, 'bom-only.csv');
    await writeFile(path, '\uFEFF\r\n\r\n');
    await expect(readAll(path)).rejects.toThrow(`${path} is empty`);
  });

  it('pads short rows to the header width', async () => {
    const path = join(dir, 'short.csv');
    await writeFile(path, 'a,b,c\r\n1\r\n2,3\r\n');
    expect((await readAll(path)).rows.map((r) => r.cells)).toEqual([
      ['1', '', ''],
      ['2', '3', ''],
    ]);
  });

  it('treats a one-column file as header plus data', async () => {
    const path = join(dir, 'one-column.csv');
    await writeFile(path, '手机\n13800138000\n13900139000\n');
    const { info, rows } = await readAll(path);
    expect(info.headers).toEqual(['手机']);
    expect(rows.map((r) => r.cells[0])).toEqual(['13800138000', '13900139000']);
  });
});

describe('CSV files larger than one read chunk', () => {
  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ] as const)(
    'keeps every row whole across chunk boundaries with %s line ends and quoted line breaks',
    async (name, eol) => {
      // ~1.2 MB: rows with quoted line breaks, doubled quotes, a neutralised formula and multi-byte text
      // land on every kind of chunk boundary.
      const header = ['user_id', 'name', 'remark', 'title'];
      const expected = Array.from({ length: 6000 }, (_, i) => [
        `u${i}`,
        i % 3 === 0 ? `张${i}` : `Name ${i}`,
        `line one ${i}${eol}line "two" ${'x'.repeat(i % 97)}`,
        i % 50 === 0 ? `=SUM(A${i})` : `t${i}`,
      ]);
      const quote = (c: string): string => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
      const cell = (c: string): string => quote(c.startsWith('=') ? `'${c}` : c);
      const text = [header, ...expected].map((r) => r.map(cell).join(',')).join(eol) + eol;
      const path = join(dir, `big-${name}.csv`);
      await writeFile(path, text, 'utf8');
      const { info, rows } = await readAll(path);
      expect(info).toMatchObject({ encoding: 'utf-8', delimiter: ',', headers: header });
      expect(rows).toHaveLength(expected.length);
      expect(rows.map((r) => r.cells)).toEqual(expected);
      expect(rows.at(-1)!.row).toBe(expected.length + 1);
    },
  );
});
