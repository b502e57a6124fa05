// Round trips of every encoding admins' tools write: text encoded as Excel (or a script) would, read back by
// detection alone, cell for cell; the encoding the reader reports; --encoding; undecodable bytes.
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { SheetError } from '../../electron/core/sheets';
import { expectSheetError, readAll, tempDir } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('dtload-encodings-');
});

const csv = (rows: string[][]): string =>
  rows
    .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\r\n') + '\r\n';

/** Contact sheets as each locale's admins write them. */
const TABLES: Record<string, string[][]> = {
  simplified: [
    ['姓名', '手机号码', '职务', '公司名称', '备注'],
    ['张三', '13800138000', '经理', '阿里巴巴', '老客户'],
    ['李四', '13900139000', '工程师', '腾讯科技', '重点跟进'],
    ['王五', '13700137000', '销售总监', '北京字节跳动', ''],
  ],
  traditional: [
    ['姓名', '手機', '職位', '公司名稱', '備註'],
    ['陳大文', '0912345678', '經理', '台灣積體電路', '舊客戶'],
    ['林小美', '0922333444', '工程師', '鴻海精密工業', '重點跟進'],
    ['黃志明', '0933555666', '業務總監', '聯發科技', ''],
  ],
  japanese: [
    ['氏名', '電話番号', '役職', '会社名', '備考'],
    ['山田太郎', '09012345678', '部長', '株式会社テスト', '重要顧客'],
    ['鈴木花子', '08011112222', '課長', 'ソニー株式会社', ''],
    ['佐藤一郎', '07033334444', 'エンジニア', 'トヨタ自動車', '新規'],
  ],
  korean: [
    ['이름', '전화번호', '직위', '회사명', '비고'],
    ['김철수', '01012345678', '부장', '삼성전자', '주요 고객'],
    ['이영희', '01098765432', '과장', '엘지전자', ''],
    ['박민수', '01055556666', '엔지니어', '현대자동차', '신규'],
  ],
  western: [
    ['Name', 'Mobile', 'Title', 'Company', 'Remark'],
    ['Chris Müller', '13800138000', 'Geschäftsführer', 'Müller & Söhne GmbH', 'Straße 5'],
    ['José Núñez', '13900139000', 'Director de operaciones', 'Telefónica', 'año 2024'],
    ['Hélène Dupré', '13700137000', 'Responsable des ventes', 'Crédit Agricole', 'très bien'],
  ],
  central: [
    ['Name', 'Mobile', 'Title', 'Company'],
    ['Łukasz Wójcik', '13800138000', 'Kierownik sprzedaży', 'Żabka Polska'],
    ['Zdeněk Řezníček', '13900139000', 'Ředitel', 'Škoda Auto'],
    ['Małgorzata Świątek', '13700137000', 'Księgowa', 'Orlen Spółka'],
  ],
  cyrillic: [
    ['Имя', 'Телефон', 'Должность', 'Компания'],
    ['Иван Петров', '13800138000', 'Менеджер', 'Газпром'],
    ['Мария Иванова', '13900139000', 'Бухгалтер', 'Сбербанк'],
  ],
  // Short Western sheets: three names, where jschardet's single-byte models lean to Central European pages.
  westernShort: [
    ['name', 'mobile', 'company'],
    ['Chris Müller', '13800138000', 'ACME'],
    ['José', '13900139000', 'Foo'],
    ['Zoë', '13700137000', 'Bar'],
  ],
  oneUmlaut: [
    ['name', 'mobile', 'company'],
    ['Chris Müller', '13800138000', 'ACME'],
  ],
  nordic: [
    ['name', 'mobile'],
    ['François', '13800138000'],
    ['Björn', '13900139000'],
    ['Søren Ærø', '13700137000'],
  ],
  remark: [
    ['user_id', 'remark'],
    ['u1', 'Zoë Brontë'],
  ],
  // Other single-byte pages that short text must not be taken from.
  turkish: [
    ['name', 'mobile'],
    ['Yılmaz Şahin', '13800138000'],
    ['Güneş Öztürk', '13900139000'],
  ],
  baltic: [
    ['name', 'mobile'],
    ['Jonas Petrauskas', '13800138000'],
    ['Rūta Žukauskienė', '13900139000'],
  ],
  cyrillicShort: [
    ['name', 'mobile'],
    ['Иван', '13800138000'],
  ],
};

const WESTERN_PAGES = ['windows-1252', 'iso-8859-1', 'iso-8859-15'];

/**
 * [encoding written, byte-order mark, table, encodings the reader may report (ones that read the same text),
 * how it was chosen]. Every encoding admins' tools write, read back by detection alone.
 */
const CASES: [string, boolean, keyof typeof TABLES, string[], string][] = [
  ['utf-8', false, 'simplified', ['utf-8'], 'utf-8'],
  ['utf-8', false, 'western', ['utf-8'], 'utf-8'],
  ['utf-8', true, 'simplified', ['utf-8-bom'], 'bom'],
  ['utf-16le', true, 'simplified', ['utf-16le'], 'bom'],
  ['utf-16be', true, 'simplified', ['utf-16be'], 'bom'],
  ['utf-16le', true, 'western', ['utf-16le'], 'bom'],
  ['gb18030', false, 'simplified', ['gb18030'], 'detected'],
  ['gbk', false, 'simplified', ['gb18030'], 'detected'],
  ['big5', false, 'traditional', ['big5'], 'detected'],
  ['shift_jis', false, 'japanese', ['shift_jis'], 'detected'],
  ['euc-kr', false, 'korean', ['euc-kr'], 'detected'],
  ['windows-1252', false, 'western', ['windows-1252'], 'detected'],
  ['windows-1252', false, 'westernShort', ['windows-1252'], 'detected'],
  ['windows-1252', false, 'oneUmlaut', ['windows-1252'], 'detected'],
  ['windows-1252', false, 'nordic', ['windows-1252'], 'detected'],
  ['windows-1252', false, 'remark', ['windows-1252'], 'detected'],
  ['iso-8859-1', false, 'western', WESTERN_PAGES, 'detected'],
  ['iso-8859-1', false, 'westernShort', WESTERN_PAGES, 'detected'],
  ['iso-8859-15', false, 'western', WESTERN_PAGES, 'detected'],
  ['windows-1250', false, 'central', ['windows-1250'], 'detected'],
  ['windows-1251', false, 'cyrillic', ['windows-1251'], 'detected'],
  ['windows-1251', false, 'cyrillicShort', ['windows-1251'], 'detected'],
  ['windows-1254', false, 'turkish', ['windows-1254'], 'detected'],
  ['windows-1257', false, 'baltic', ['windows-1257'], 'detected'],
];

describe('every encoding round-trips by detection alone', () => {
  it.each(CASES)('%s (BOM: %s) %s', async (encoding, bom, table, reported, how) => {
    const rows = TABLES[table]!;
    const path = join(dir, `${table}-${encoding}-${bom}.csv`);
    await writeFile(path, iconv.encode(csv(rows), encoding, { addBOM: bom }));
    const { info, rows: read } = await readAll(path);
    expect(reported).toContain(info.encoding);
    expect(info.encodingSource).toBe(how);
    expect(info.headers).toEqual(rows[0]);
    expect(read.map((r) => r.cells)).toEqual(rows.slice(1));
  });

  it('UTF-16 without a BOM is told by its zero bytes', async () => {
    const rows = [
      ['name', 'mobile', 'company'],
      ['Zhang San', '13800138000', 'Alibaba'],
    ];
    for (const encoding of ['utf-16le', 'utf-16be']) {
      const path = join(dir, `bomless-${encoding}.csv`);
      await writeFile(path, iconv.encode(csv(rows), encoding));
      const { info, rows: read } = await readAll(path);
      expect(info).toMatchObject({ encoding, encodingSource: 'detected' });
      expect(read.map((r) => r.cells)).toEqual(rows.slice(1));
    }
  });

  it('a doubtful guess is a note that shows the decoded text', async () => {
    const path = join(dir, 'doubtful.csv');
    // One short line: Windows-1252 and other code pages score alike, and read ñ differently.
    await writeFile(path, iconv.encode('name,mobile\r\nJosé Núñez,13800138000\r\n', 'windows-1252'));
    const { info } = await readAll(path);
    expect(info.encoding).toBe('windows-1252');
    const note = info.notes.find((n) => n.code === 'encoding-guess');
    expect(note?.text.en).toMatch(
      /^The encoding was guessed as Windows-1252 \(it could also be [^)]+\); check/,
    );
    expect(note?.text.en).toContain('"José Núñez,13800138000"');
    expect(note?.text.en).toContain('--encoding');
    expect(note?.text['zh-CN']).toContain('文件编码推测为 Windows-1252');
    expect(note?.text.en).not.toContain('\n');
  });

  it('a clear guess and valid UTF-8 carry no note', async () => {
    const path = join(dir, 'clear-big5.csv');
    await writeFile(path, iconv.encode(csv(TABLES.traditional!), 'big5'));
    expect((await readAll(path)).info.notes).toEqual([]);
    const utf8 = join(dir, 'clear-utf8.csv');
    await writeFile(utf8, csv(TABLES.simplified!));
    expect((await readAll(utf8)).info).toMatchObject({
      encoding: 'utf-8',
      encodingSource: 'utf-8',
      notes: [],
    });
  });
});

describe('--encoding', () => {
  it('overrides detection, by any name iconv-lite knows', async () => {
    const path = join(dir, 'given.csv');
    await writeFile(path, iconv.encode(csv(TABLES.traditional!), 'big5'));
    for (const name of ['big5', 'BIG5', 'cp950']) {
      const { info, rows } = await readAll(path, { encoding: name });
      expect(info).toMatchObject({ encoding: 'big5', encodingSource: 'given' });
      expect(rows[0]!.cells[2]).toBe('經理');
    }
    // Read as GB18030 on purpose: no longer Big5 text, but the admin asked for it.
    expect((await readAll(path, { encoding: 'gbk' })).info.encoding).toBe('gbk');
  });

  it('an unknown name is one line', async () => {
    const path = join(dir, 'given.csv');
    await expectSheetError(
      path,
      'encoding',
      '--encoding "klingon" is not an encoding dtload knows (for example utf-8, gb18030, gbk, big5, shift_jis, euc-kr, windows-1252)',
      { encoding: 'klingon' },
    );
  });

  it('a byte the given encoding cannot read names its offset', async () => {
    const path = join(dir, 'bad-utf8.csv');
    const head = Buffer.from('name,mobile\r\n' + 'Zhang San,13800138000\r\n'.repeat(5000));
    await writeFile(path, Buffer.concat([head, Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\r\n')]));
    const err = await readAll(path, { encoding: 'utf-8' }).then(
      () => undefined,
      (e: unknown) => e as SheetError,
    );
    expect(err).toBeInstanceOf(SheetError);
    expect(err!.message).toBe(
      `${path}: the byte at offset ${head.length} is not valid UTF-8. Name the right encoding with --encoding (for example --encoding gbk), or in Excel use "Save as" → "CSV UTF-8"`,
    );
    expect(err!.in('zh-CN')).toContain(`偏移 ${head.length} 处`);
  });
});

describe('undecodable files', () => {
  it('name the byte offset, the encodings tried, and --encoding', async () => {
    const path = join(dir, 'undecodable.csv');
    // ASCII, then bytes no encoding we try reads: 0x81 is unassigned in the Windows code pages (0x98 in
    // Windows-1251) and a control character in ISO-8859; 0xFF starts no character in the CJK encodings.
    const head = Buffer.from('name,mobile\r\n' + 'Zhang San,13800138000\r\n'.repeat(100));
    await writeFile(path, Buffer.concat([head, Buffer.from([0x81, 0x98, 0xff, 0x20, 0x0d, 0x0a])]));
    const err = await readAll(path).then(
      () => undefined,
      (e: unknown) => e as SheetError,
    );
    expect(err).toBeInstanceOf(SheetError);
    expect(err!.code).toBe('encoding');
    const m =
      /^(.*) is not readable text: the byte at offset (\d+) cannot be read as (.*?)\. If you know/.exec(
        err!.message,
      );
    expect(m?.[1]).toBe(path);
    // The first of the three bad bytes, as the encoding tried first sees it.
    expect(Number(m?.[2]) - head.length).toBeGreaterThanOrEqual(0);
    expect(Number(m?.[2]) - head.length).toBeLessThan(3);
    for (const name of ['UTF-8', 'GB18030', 'Big5', 'Shift_JIS', 'EUC-KR', 'Windows-1252'])
      expect(m?.[3]).toContain(name);
    expect(err!.message).toContain('--encoding');
    expect(err!.message).not.toContain('\n');
  });
});
