// Errors the backend throws on purpose. Each carries the contract's ErrorInfo kind; anything else that
// escapes a method is explained by toErrorInfo (errors.ts).
import type { ErrorInfo } from '../../../shared/contract';

export class AppError extends Error {
  readonly kind: ErrorInfo['kind'];
  readonly solution: string;
  constructor(kind: ErrorInfo['kind'], message: string, solution = '') {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.solution = solution;
  }
}

export const badRequest = (message: string): AppError =>
  new AppError(
    'bad-request',
    message,
    'This is a bug in the caller: the request did not match the contract.',
  );

export const notFound = (what: string, solution = ''): AppError => new AppError('not-found', what, solution);
