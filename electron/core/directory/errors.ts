// A directory read that failed: the job stops before any write, with one line naming the call and the fix.
import type { RetryClass } from '../../../shared/domain';
import { hintFor, retryClassOf } from '../../../shared/errcodes';
import { isDingTalkError } from '../dingtalk';
import { translator, type Lang } from '../../../shared/i18n';

/** Errcodes meaning the app may not read the directory (dingtalk-api.md, "Staff directory"). */
export const PERMISSION_ERRCODES: ReadonlySet<number | string> = new Set([43007, 60011, 50002, 50004]);

export class DirectoryError extends Error {
  readonly permission: boolean;
  readonly retryClass: RetryClass;
  /** The line in both languages (`message` is the one asked for). */
  readonly lines: Record<Lang, string>;

  constructor(
    readonly endpoint: string,
    readonly errcode: number | string,
    errmsg: string,
    lang: Lang = 'en',
  ) {
    const permission = PERMISSION_ERRCODES.has(errcode);
    const line = (l: Lang): string =>
      permission
        ? translator(l)('directory.permission', { call: endpoint, errcode })
        : translator(l)('directory.failed', { call: endpoint, errcode, errmsg, hint: hintFor(errcode, l) });
    const lines = { en: line('en'), 'zh-CN': line('zh-CN') };
    super(lines[lang]);
    this.name = 'DirectoryError';
    this.permission = permission;
    this.retryClass = retryClassOf(errcode);
    this.lines = lines;
  }

  /** A DingTalkError (or anything else thrown by a read) as a DirectoryError; other errors pass as they are. */
  static from(e: unknown, lang: Lang = 'en'): unknown {
    if (e instanceof DirectoryError) return e;
    if (isDingTalkError(e)) return new DirectoryError(e.endpoint, e.errcode, e.errmsg, lang);
    return e;
  }
}

export const isDirectoryError = (e: unknown): e is DirectoryError => e instanceof DirectoryError;
