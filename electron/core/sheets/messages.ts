// What the sheet readers tell the admin, in English and Simplified Chinese: errors (SheetError) and notes on
// how a sheet was read (a guessed encoding, values under an empty header). Callers pick the language.

export type SheetLang = 'en' | 'zh';
/** One message in both languages. */
export type Bilingual = Record<SheetLang, string>;
type Params = Record<string, string | number>;

const MESSAGES = {
  notText: {
    en: '{path} is not readable text: the byte at offset {offset} cannot be read as {tried}. If you know its encoding, name it with --encoding (for example --encoding gbk), or in Excel use "Save as" → "CSV UTF-8" or .xlsx',
    zh: '{path} 不是可读的文本：偏移 {offset} 处的字节无法按 {tried} 解码。如果知道文件编码，请用 --encoding 指定（例如 --encoding gbk），或在 Excel 中“另存为”→“CSV UTF-8”或 .xlsx',
  },
  badByte: {
    en: '{path}: the byte at offset {offset} is not valid {encoding}. Name the right encoding with --encoding (for example --encoding gbk), or in Excel use "Save as" → "CSV UTF-8"',
    zh: '{path}：偏移 {offset} 处的字节不是有效的 {encoding} 编码。请用 --encoding 指定正确的编码（例如 --encoding gbk），或在 Excel 中“另存为”→“CSV UTF-8”',
  },
  unknownEncoding: {
    en: '--encoding "{name}" is not an encoding dtload knows (for example utf-8, gb18030, gbk, big5, shift_jis, euc-kr, windows-1252)',
    zh: '--encoding "{name}" 不是可识别的编码（例如 utf-8、gb18030、gbk、big5、shift_jis、euc-kr、windows-1252）',
  },
  encodingGuess: {
    en: 'The encoding was guessed as {encoding} (it could also be {other}); check the text reads right, for example "{sample}". If not, choose the encoding (--encoding NAME)',
    zh: '文件编码推测为 {encoding}（也可能是 {other}）；请确认文字显示正确，例如 "{sample}"。如不正确，请指定编码（--encoding 名称）',
  },
} satisfies Record<string, Bilingual>;

export type SheetMessageCode = keyof typeof MESSAGES;

/** The message in both languages, `{name}` placeholders filled. */
export function sheetMessage(code: SheetMessageCode, params: Params = {}): Bilingual {
  const fill = (s: string): string =>
    s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
  return { en: fill(MESSAGES[code].en), zh: fill(MESSAGES[code].zh) };
}

/** Input quoted in a message: one line, at most `max` characters. */
export function quoteInput(text: string, max = 80): string {
  const line = text.replace(/\s*[\r\n]+\s*/g, ' ');
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** Lists at most `max` names: `a, b, c … and 12 more` / `a、b、c 等 15 个`. */
export function listNames(names: readonly string[], lang: SheetLang, max = 5): string {
  const shown = names.slice(0, max);
  const sep = lang === 'zh' ? '、' : ', ';
  if (names.length <= max) return shown.join(sep);
  return lang === 'zh'
    ? `${shown.join(sep)} 等 ${names.length} 个`
    : `${shown.join(sep)} … and ${(names.length - max).toLocaleString('en')} more`;
}
