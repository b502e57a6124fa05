// Reading a failed call as data. The client throws DingTalkError; the engine only needs its fields, so it
// reads them structurally and never depends on the class identity (two copies of a module, a worker).
import type { RetryClass } from '../../../shared/domain';
import { hintFor, retryClassOf } from '../../../shared/errcodes';
import type { ApiFailure, FatalInfo } from './types';

const RETRY_CLASSES: ReadonlySet<string> = new Set(['transient', 'token', 'job-fatal', 'row-permanent']);

/** The failure's fields, or null when `e` is not an API failure (a bug: let it surface). */
export function asApiFailure(e: unknown): ApiFailure | null {
  if (typeof e !== 'object' || e === null) return null;
  const o = e as Record<string, unknown>;
  const errcode = o.errcode;
  if (typeof errcode !== 'number' && typeof errcode !== 'string') return null;
  const retryClass =
    typeof o.retryClass === 'string' && RETRY_CLASSES.has(o.retryClass)
      ? (o.retryClass as RetryClass)
      : retryClassOf(errcode);
  return {
    endpoint: o.endpoint as ApiFailure['endpoint'],
    errcode,
    errmsg: typeof o.errmsg === 'string' ? o.errmsg : String(o.message ?? ''),
    retryClass,
    sent: o.sent === true,
    waitSeconds: typeof o.waitSeconds === 'number' ? o.waitSeconds : undefined,
  };
}

/** A token error reaching the engine means the client's one refresh did not help: stop the job. */
export const isJobFatal = (f: ApiFailure): boolean =>
  f.retryClass === 'job-fatal' || f.retryClass === 'token';

export function fatalInfo(f: ApiFailure): FatalInfo {
  return { errcode: f.errcode, errmsg: f.errmsg, hint: hintFor(f.errcode) };
}
