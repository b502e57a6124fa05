// What the sheet readers say: errors about a file (one line, exit 2 in the CLI) and notes on how a sheet was
// read (shown with the plan, in the app's file step and in reports).
import type { Entries } from './entries';

export const sheets = {
  'sheets.notText': {
    en: '{path} is not readable text: the byte at offset {offset} cannot be read as {tried}. If you know its encoding, name it with --encoding (for example --encoding gbk), or in Excel use "Save as" → "CSV UTF-8" or .xlsx',
    'zh-CN':
      '{path} 不是可读的文本：偏移 {offset} 处的字节无法按 {tried} 解码。如果知道文件编码，请用 --encoding 指定（例如 --encoding gbk），或在 Excel 中“另存为”→“CSV UTF-8”或 .xlsx',
  },
  'sheets.badByte': {
    en: '{path}: the byte at offset {offset} is not valid {encoding}. Name the right encoding with --encoding (for example --encoding gbk), or in Excel use "Save as" → "CSV UTF-8"',
    'zh-CN':
      '{path}：偏移 {offset} 处的字节不是有效的 {encoding} 编码。请用 --encoding 指定正确的编码（例如 --encoding gbk），或在 Excel 中“另存为”→“CSV UTF-8”',
  },
  'sheets.unknownEncoding': {
    en: '--encoding "{name}" is not an encoding dtload knows (for example utf-8, gb18030, gbk, big5, shift_jis, euc-kr, windows-1252)',
    'zh-CN':
      '--encoding "{name}" 不是可识别的编码（例如 utf-8、gb18030、gbk、big5、shift_jis、euc-kr、windows-1252）',
  },
  'sheets.encodingGuess': {
    en: 'The encoding was guessed as {encoding} (it could also be {other}); check the text reads right, for example "{sample}". If not, choose the encoding (--encoding NAME)',
    'zh-CN':
      '文件编码推测为 {encoding}（也可能是 {other}）；请确认文字显示正确，例如 "{sample}"。如不正确，请指定编码（--encoding 名称）',
  },
} as const satisfies Entries;
