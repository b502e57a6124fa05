// The one error type readers throw: a code for programs and a single human line for people.

export type SheetErrorCode =
  'missing' | 'not-a-spreadsheet' | 'empty' | 'header-only' | 'encoding' | 'no-sheet';

export class SheetError extends Error {
  override readonly name = 'SheetError';

  constructor(
    readonly code: SheetErrorCode,
    message: string,
  ) {
    super(message);
    // The message is the whole story; a stack would only confuse an admin reading the CLI output.
    this.stack = `${this.name}: ${message}`;
  }
}

export const isSheetError = (e: unknown): e is SheetError => e instanceof SheetError;
