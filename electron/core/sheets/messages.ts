// What the sheet readers tell the admin, from the one catalogue (shared/i18n, part `sheets`): each message in
// every language, so the caller (CLI, app, plan) shows it in the admin's.
import {
  LANGS,
  translate,
  type Lang,
  type Localised,
  type MessageKey,
  type Vars,
} from '../../../shared/i18n';

export type { Lang, Localised };

/** The message in every language, placeholders filled. */
export function sheetMessage(key: MessageKey & `sheets.${string}`, vars: Vars = {}): Localised {
  return Object.fromEntries(LANGS.map((lang) => [lang, translate(lang, key, vars)])) as Record<Lang, string>;
}

/** Input quoted in a message: one line, at most `max` characters. */
export function quoteInput(text: string, max = 80): string {
  const line = text.replace(/\s*[\r\n]+\s*/g, ' ');
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
