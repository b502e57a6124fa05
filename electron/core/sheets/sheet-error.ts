// The one error type readers throw: a code for programs and a single human line for people, in English and
// Chinese (`message` is the English line; `text(lang)` picks one).
import { parseLang } from '../../../shared/i18n';
import type { Localised } from './messages';

export type SheetErrorCode =
  'missing' | 'not-a-spreadsheet' | 'empty' | 'header-only' | 'encoding' | 'no-sheet' | 'too-large';

export class SheetError extends Error {
  override readonly name = 'SheetError';
  /** The line in each language (a plain-string message is the same in all). */
  readonly texts: Localised;

  constructor(
    readonly code: SheetErrorCode,
    message: string | Localised,
  ) {
    const texts = typeof message === 'string' ? { en: message, 'zh-CN': message } : message;
    super(texts.en);
    this.texts = texts;
    // The message is the whole story; a stack would only confuse an admin reading the CLI output.
    this.stack = `${this.name}: ${texts.en}`;
  }

  /** The line in the admin's language (`en`, `zh-CN` or an alias such as `zh`). */
  text(lang: string | undefined): string {
    return this.texts[parseLang(lang) ?? 'en'];
  }
}

export const isSheetError = (e: unknown): e is SheetError => e instanceof SheetError;
