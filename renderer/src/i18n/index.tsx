// The React side of dtload's one translation system (shared/i18n): the current language, a typed `t`
// over the shared catalogue, and the choice remembered in the browser.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { translator, type Lang, type MessageKey, type Translate } from '../../../shared/i18n';
import { detectLang, rememberLang } from './detect';

export type { Lang, MessageKey, Translate };
export { fieldLabel, format, joinList, type Vars } from '../../../shared/i18n';

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(detectLang);
  const setLang = useCallback((next: Lang) => {
    rememberLang(next);
    setLangState(next);
  }, []);
  const value = useMemo<I18nValue>(() => ({ lang, setLang, t: translator(lang) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
