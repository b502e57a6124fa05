// The error every api call rejects with: the backend's explanation (errcode, meaning, solution).
import type { Envelope, ErrorInfo } from '../../../shared/contract';

export class ApiError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(info.errcode !== undefined ? `${info.meaning} (${String(info.errcode)})` : info.meaning);
    this.name = 'ApiError';
    this.info = info;
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error);
}

/** Failures of the link itself (web mode: socket closed mid-call), shaped like backend errors. */
export function linkError(meaning: string, solution: string): ApiError {
  return new ApiError({ kind: 'internal', errcode: 'network', meaning, solution });
}
