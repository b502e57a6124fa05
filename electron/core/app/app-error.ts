// Errors the backend throws on purpose. Each carries the contract's ErrorInfo kind; anything else that
// escapes a method is explained by toErrorInfo (errors.ts).
import type { ErrorInfo } from '../../../shared/contract';
import { LANGS, translate, type Lang, type Localised, type MessageKey } from '../../../shared/i18n';

export class AppError extends Error {
  readonly kind: ErrorInfo['kind'];
  readonly solution: string;
  /** The texts in every language, when the error was made from the catalogue (toErrorInfo picks one). */
  localised?: { meaning: Localised; solution: Localised };
  constructor(kind: ErrorInfo['kind'], message: string, solution = '') {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.solution = solution;
  }
}

const inEvery = (key: MessageKey | undefined): Localised =>
  Object.fromEntries(LANGS.map((l: Lang) => [l, key ? translate(l, key) : ''])) as Localised;

/**
 * An AppError from catalogue keys, for methods that do not know the admin's language (sync ones): the
 * message is English (logs, tests) and toErrorInfo says it in the admin's language.
 */
export function appError(kind: ErrorInfo['kind'], key: MessageKey, fix?: MessageKey): AppError {
  const e = new AppError(kind, translate('en', key), fix ? translate('en', fix) : '');
  e.localised = { meaning: inEvery(key), solution: inEvery(fix) };
  return e;
}

export const badRequest = (message: string): AppError =>
  new AppError(
    'bad-request',
    message,
    'This is a bug in the caller: the request did not match the contract.',
  );

export const notFound = (what: string, solution = ''): AppError => new AppError('not-found', what, solution);
