// DingTalkError: every failure of a DingTalk call as one value the engine can branch on by class.
// Its message, stack and fields never hold the access_token, the app secret or a URL's query string.
import type { Endpoint, RetryClass } from '../../../shared/domain';
import { retryClassOf } from '../../../shared/errcodes';

/** dtload's names for failures that carry no DingTalk errcode (all in shared/errcodes.ts). */
export type TransportErrcode =
  'timeout' | 'network' | 'http' | 'not-found' | 'non-json' | 'ip-ban' | 'credentials' | 'token-refused';

export interface DingTalkErrorInit {
  endpoint: Endpoint;
  errcode: number | string;
  errmsg: string;
  /** True when the request may have reached the server and the outcome is unknown. */
  sent?: boolean;
  waitSeconds?: number;
  subCode?: string;
  httpStatus?: number;
}

export class DingTalkError extends Error {
  readonly endpoint: Endpoint;
  readonly errcode: number | string;
  readonly errmsg: string;
  readonly retryClass: RetryClass;
  readonly sent: boolean;
  readonly waitSeconds?: number;
  readonly subCode?: string;
  readonly httpStatus?: number;

  constructor(init: DingTalkErrorInit) {
    const sub = init.subCode ? ` (sub_code ${init.subCode})` : '';
    super(`${init.endpoint}: ${init.errcode} ${init.errmsg}${sub}`);
    this.name = 'DingTalkError';
    this.endpoint = init.endpoint;
    this.errcode = init.errcode;
    this.errmsg = init.errmsg;
    this.retryClass = retryClassOf(init.errcode);
    this.sent = init.sent ?? false;
    if (init.waitSeconds !== undefined) this.waitSeconds = init.waitSeconds;
    if (init.subCode !== undefined) this.subCode = init.subCode;
    if (init.httpStatus !== undefined) this.httpStatus = init.httpStatus;
  }

  /** Plain data for journals and reports (JSON.stringify of an Error drops message otherwise). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      endpoint: this.endpoint,
      errcode: this.errcode,
      errmsg: this.errmsg,
      retryClass: this.retryClass,
      sent: this.sent,
      waitSeconds: this.waitSeconds,
      subCode: this.subCode,
      httpStatus: this.httpStatus,
    };
  }
}

export function isDingTalkError(e: unknown): e is DingTalkError {
  return e instanceof DingTalkError;
}
