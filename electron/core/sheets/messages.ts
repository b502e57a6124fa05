// What the spreadsheet readers say, in English and Simplified Chinese: one table, like the import's messages.
// Every quoted piece of the admin's file goes through clip() / listSome() (shared/clip.ts) before it lands here.
import type { SheetText } from './sheet-error';

type Params = Record<string, string | number>;

/** "it is …": what a file that is not a readable spreadsheet turned out to be. */
const WHAT = {
  pdf: { en: 'it is a PDF document', zh: '这是 PDF 文档' },
  png: { en: 'it is a PNG image', zh: '这是 PNG 图片' },
  jpeg: { en: 'it is a JPEG image', zh: '这是 JPEG 图片' },
  gif: { en: 'it is a GIF image', zh: '这是 GIF 图片' },
  gzip: { en: 'it is a gzip archive', zh: '这是 gzip 压缩包' },
  rar: { en: 'it is a RAR archive', zh: '这是 RAR 压缩包' },
  sevenZip: { en: 'it is a 7-Zip archive', zh: '这是 7-Zip 压缩包' },
  markup: { en: 'it is an HTML or XML file', zh: '这是 HTML 或 XML 文件' },
  folder: { en: 'it is a folder', zh: '这是文件夹' },
  damaged: { en: 'it is damaged or not an Excel workbook', zh: '文件已损坏或不是 Excel 工作簿' },
  zipNotWorkbook: {
    en: 'it is a zip file but not an Excel workbook',
    zh: '这是 zip 压缩包，但不是 Excel 工作簿',
  },
  excelExtension: {
    en: 'it has an Excel extension but is not an Excel workbook',
    zh: '扩展名是 Excel，但内容不是 Excel 工作簿',
  },
  numbers: {
    en: 'it is an Apple Numbers file: export it as .xlsx',
    zh: '这是 Apple Numbers 文件：请导出为 .xlsx',
  },
  encrypted: {
    en: 'it is password-protected: open it in Excel or WPS, remove the password and save it again',
    zh: '文件设有密码：请在 Excel 或 WPS 中打开，取消密码后重新保存',
  },
  sheetDamaged: { en: 'sheet "{sheet}" is damaged', zh: '工作表 "{sheet}" 已损坏' },
  legacyDamaged: {
    en: 'it looks like an {format} file but is damaged',
    zh: '看起来是 {format} 文件，但文件已损坏',
  },
} satisfies Record<string, SheetText>;

const MESSAGES = {
  notSpreadsheet: {
    en: '{path} is not a spreadsheet ({what}); save it as .xlsx or .csv and try again',
    zh: '{path} 不是可读取的表格（{what}）；请另存为 .xlsx 或 .csv 后重试',
  },
  noSheetNamed: {
    en: '{path} has no sheet named "{want}" (sheets: {sheets})',
    zh: '{path} 中没有名为 "{want}" 的工作表（现有工作表：{sheets}）',
  },
  zipTooBig: {
    en: '{path} is refused: its parts unpack to more than {limit} (a zip bomb or not a spreadsheet)',
    zh: '已拒绝 {path}：解压后超过 {limit}（疑似 zip 炸弹或不是表格文件）',
  },
  zipRatio: {
    en: '{path} is refused: part "{part}" unpacks to {ratio} times its packed size (a zip bomb or not a spreadsheet)',
    zh: '已拒绝 {path}：其中 "{part}" 解压后是压缩大小的 {ratio} 倍（疑似 zip 炸弹或不是表格文件）',
  },
  cellTooLong: {
    en: 'Cell {cell} of sheet "{sheet}" in {path} is longer than Excel\'s limit of 32,767 characters',
    zh: '{path} 的工作表 "{sheet}" 中单元格 {cell} 超过 Excel 的上限 32,767 个字符',
  },
  tooManyRows: {
    en: 'Sheet "{sheet}" of {path} has more than Excel\'s limit of 1,048,576 rows',
    zh: '{path} 的工作表 "{sheet}" 超过 Excel 的上限 1,048,576 行',
  },
  tooManyColumns: {
    en: 'Cell {cell} of sheet "{sheet}" in {path} is beyond Excel\'s last column XFD (16,384 columns)',
    zh: '{path} 的工作表 "{sheet}" 中单元格 {cell} 超出 Excel 的最后一列 XFD（16,384 列）',
  },
  mergedHeader: {
    en: 'The header row of sheet "{sheet}" in {path} has merged cells {cells}: unmerge them so each column has its own header',
    zh: '{path} 的工作表 "{sheet}" 的表头行有合并单元格 {cells}：请取消合并，让每一列都有自己的表头',
  },
  mergedFilled: {
    en: 'merged cells {cells} filled',
    zh: '合并单元格 {cells} 已按合并值填充',
  },
} satisfies Record<string, SheetText>;

export type SheetMessage = keyof typeof MESSAGES;
export type SheetWhat = keyof typeof WHAT;

const fill = (template: string, params: Params): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));

/** One message in both languages. */
export function sheetText(key: SheetMessage, params: Params = {}): SheetText {
  const m = MESSAGES[key];
  return { en: fill(m.en, params), zh: fill(m.zh, params) };
}

/** "{path} is not a spreadsheet (it is …)" in both languages. */
export function notSpreadsheetText(path: string, what: SheetWhat, params: Params = {}): SheetText {
  const w = WHAT[what];
  const m = MESSAGES.notSpreadsheet;
  return {
    en: fill(m.en, { path, what: fill(w.en, params) }),
    zh: fill(m.zh, { path, what: fill(w.zh, params) }),
  };
}
