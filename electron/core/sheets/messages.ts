// What the spreadsheet readers say, in every language, from the shared catalogue (shared/i18n/messages/sheets.ts).
// Every quoted piece of the admin's file goes through clip() / listSome() (shared/clip.ts) before it lands here.
import { LANGS, translate, type Localised, type MessageKey } from '../../../shared/i18n';

type Vars = Record<string, string | number>;
type Tail<K> = K extends `sheet.what.${infer W}` ? W : never;
type Message<K> = K extends `sheet.what.${string}` ? never : K extends `sheet.${infer M}` ? M : never;

export type SheetWhat = Tail<MessageKey>;
export type SheetMessage = Message<MessageKey>;

const both = (text: (lang: (typeof LANGS)[number]) => string): Localised =>
  Object.fromEntries(LANGS.map((l) => [l, text(l)])) as Localised;

/** One message in every language. */
export const sheetText = (key: SheetMessage, vars: Vars = {}): Localised =>
  both((lang) => translate(lang, `sheet.${key}` as MessageKey, vars));

/** "{path} is not a spreadsheet (it is …)" in every language. */
export const notSpreadsheetText = (path: string, what: SheetWhat, vars: Vars = {}): Localised =>
  both((lang) =>
    translate(lang, 'sheet.notSpreadsheet', {
      path,
      what: translate(lang, `sheet.what.${what}` as MessageKey, vars),
    }),
  );
