// The one error type readers throw: a code for programs and a single human line for people, in English and
// Simplified Chinese (the CLI says `message`, the app picks the UI language with `in(lang)`).

export type SheetErrorCode =
  | 'missing'
  | 'not-a-spreadsheet'
  | 'empty'
  | 'header-only'
  | 'encoding'
  | 'no-sheet'
  | 'too-large'
  | 'merged-header';

export type SheetLang = 'en' | 'zh';
export interface SheetText {
  en: string;
  zh: string;
}

export class SheetError extends Error {
  override readonly name = 'SheetError';
  readonly text: SheetText;

  constructor(
    readonly code: SheetErrorCode,
    message: string | SheetText,
  ) {
    const text = typeof message === 'string' ? { en: message, zh: message } : message;
    super(text.en);
    this.text = text;
    // The message is the whole story; a stack would only confuse an admin reading the CLI output.
    this.stack = `${this.name}: ${text.en}`;
  }

  /** The message in the admin's language. */
  in(lang: SheetLang): string {
    return this.text[lang];
  }
}

export const isSheetError = (e: unknown): e is SheetError => e instanceof SheetError;
