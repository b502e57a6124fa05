// Every failure that leaves the backend becomes an ErrorInfo: DingTalk errors are explained from the
// errcode catalogue (meaning + fix), input problems keep their message, the rest is "internal".
// Secrets are scrubbed from every text that goes out.
import type { ErrorInfo, Language } from '../../../shared/contract';
import type { Endpoint } from '../../../shared/domain';
import { lookupErrcode, retryClassOf } from '../../../shared/errcodes';
import { translate } from '../../../shared/i18n';
import { isDingTalkError } from '../dingtalk';
import { isDirectoryError, type DirectoryReadFailure } from '../directory';
import { ImportInputError } from '../import';
import { SheetError } from '../sheets';
import { AppError } from './app-error';

/** Removes secrets and tokens from a text that may leave the backend. */
export function createRedactor(secrets: () => Iterable<string>) {
  return (text: string): string => {
    let out = text.replace(/(access_token|appsecret|app_secret|appSecret)=([^&\s"']+)/gi, '$1=***');
    for (const s of secrets()) if (s && s.length >= 4) out = out.split(s).join('***');
    return out;
  };
}

/**
 * The staff directory could not be read: one line naming the call and the fix (a permission, mostly).
 * A DirectoryError as it is thrown, or as the directory service remembers it.
 */
export function directoryReadInfo(
  f: Pick<DirectoryReadFailure, 'errcode' | 'lines'>,
  lang: Language,
  redact: (s: string) => string,
): ErrorInfo {
  return {
    kind: 'dingtalk',
    errcode: f.errcode,
    retryClass: retryClassOf(f.errcode),
    meaning: redact(f.lines[lang]),
    solution: lookupErrcode(f.errcode).solution[lang],
  };
}

export function toErrorInfo(e: unknown, lang: Language, redact: (s: string) => string): ErrorInfo {
  if (e instanceof AppError) {
    const meaning = e.localised?.meaning[lang] ?? e.message;
    const solution = e.localised?.solution[lang] ?? e.solution;
    return { kind: e.kind, meaning: redact(meaning), solution: redact(solution) };
  }
  if (isDirectoryError(e)) {
    return { ...directoryReadInfo(e, lang, redact), endpoint: e.endpoint as Endpoint };
  }
  if (isDingTalkError(e)) {
    const entry = lookupErrcode(e.errcode);
    const known = entry.meaning.en !== `DingTalk error ${e.errcode}`;
    return {
      kind: 'dingtalk',
      errcode: e.errcode,
      endpoint: e.endpoint,
      retryClass: e.retryClass,
      // An errcode the catalogue does not know: DingTalk's own errmsg is the best explanation there is.
      meaning: redact(known || !e.errmsg ? entry.meaning[lang] : `${entry.meaning[lang]}: ${e.errmsg}`),
      solution: entry.solution[lang],
    };
  }
  if (e instanceof SheetError) {
    return { kind: 'input', meaning: redact(e.in(lang)), solution: translate(lang, 'error.input.fix') };
  }
  if (e instanceof ImportInputError) {
    return { kind: 'input', meaning: redact(e.message), solution: translate(lang, 'error.input.fix') };
  }
  const err = e as NodeJS.ErrnoException | null;
  if (
    err &&
    (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR' || err.code === 'EBUSY')
  ) {
    return {
      kind: 'not-found',
      meaning: `${translate(lang, 'error.file.missing')} (${err.code})`,
      solution: translate(lang, 'error.file.fix'),
    };
  }
  const message = err instanceof Error ? err.message : String(e);
  return { kind: 'internal', meaning: redact(message), solution: translate(lang, 'error.internal.fix') };
}
