// The one error type readers throw: a code for programs and a single human line for people, in every language
// dtload speaks (the CLI says `message`, in English unless asked otherwise; the app picks with `in(lang)`).
import type { Lang, Localised } from '../../../shared/i18n';

export type SheetErrorCode =
  | 'missing'
  | 'not-a-spreadsheet'
  | 'empty'
  | 'header-only'
  | 'encoding'
  | 'no-sheet'
  | 'too-large'
  | 'merged-header'
  | 'unwritable';

export class SheetError extends Error {
  override readonly name = 'SheetError';
  readonly text: Localised;

  constructor(
    readonly code: SheetErrorCode,
    message: string | Localised,
  ) {
    const text: Localised = typeof message === 'string' ? { en: message, 'zh-CN': message } : message;
    super(text.en);
    this.text = text;
    // The message is the whole story; a stack would only confuse an admin reading the CLI output.
    this.stack = `${this.name}: ${text.en}`;
  }

  /** The message in the admin's language. */
  in(lang: Lang): string {
    return this.text[lang];
  }
}

export const isSheetError = (e: unknown): e is SheetError => e instanceof SheetError;
