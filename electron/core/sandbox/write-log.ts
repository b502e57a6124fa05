// One write call as the sandbox logged it. The body is kept as the text received and parsed when read:
// a parsed body per write outlived young-generation GC in long runs and was most of the sandbox's garbage.
import type { Endpoint } from '../../../shared/domain';
import { BadBody, parseBody, type Fields } from './body';
import type { WriteLogEntry } from './types';

export class LoggedWrite implements WriteLogEntry {
  readonly at = Date.now();
  userId?: string;
  mobile?: string;
  applied = false;
  errcode: number | string = 0;
  dropped?: boolean;

  constructor(
    readonly endpoint: WriteLogEntry['endpoint'] & Endpoint,
    private readonly contentType: string,
    private readonly bodyText: string,
  ) {}

  /** The parsed body (after form decoding), as the handler saw it: `{}` when it was not valid. */
  get body(): Fields {
    try {
      return parseBody(this.contentType, this.bodyText);
    } catch (e) {
      if (!(e instanceof BadBody)) throw e;
      return {};
    }
  }
}
