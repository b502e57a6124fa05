// Why a job cannot be read, as data, so each place that shows it says it in its reader's language (the
// journal and `dtload jobs --json` keep the English text).
import { translate, type Lang } from '../../../shared/i18n';

export type DamageWhat = 'journal' | 'plan';

export type DamageDetail =
  | { code: 'no-header' | 'journal-missing' | 'plan-missing' }
  | { code: 'plan-not-json' | 'plan-not-row'; line: number }
  | { code: 'journal-bad-lines'; count: number }
  /** Anything else that stopped the job being read (an I/O error): its own message, as it was. */
  | { code: 'other'; text: string };

export function damageText(d: DamageDetail, lang: Lang = 'en'): string {
  switch (d.code) {
    case 'no-header':
      return translate(lang, 'damage.noHeader');
    case 'journal-missing':
      return translate(lang, 'damage.journalMissing');
    case 'plan-missing':
      return translate(lang, 'damage.planMissing');
    case 'plan-not-json':
      return translate(lang, 'damage.planNotJson', { line: d.line });
    case 'plan-not-row':
      return translate(lang, 'damage.planNotRow', { line: d.line });
    case 'journal-bad-lines':
      return translate(lang, 'damage.journalBadLines', { count: d.count });
    case 'other':
      return d.text;
  }
}

export const damageWhat = (what: DamageWhat, lang: Lang = 'en'): string =>
  translate(lang, what === 'plan' ? 'damage.what.plan' : 'damage.what.journal');
