// The one translation system of dtload: a typed catalogue in en and zh-CN that the core (plans,
// reports, sheets), the CLI and the renderer all read. Add a message to the part it belongs to in
// messages/; both languages are required by the type, and test/i18n checks placeholders agree.
export { LANGS, parseLang, langFromLocale, defaultLang, langOf, type Lang, type Localised } from './lang';
export { format, joinAlternatives, joinList, type Vars } from './format';
export {
  CATALOGUE,
  CATALOGUE_PARTS,
  isMessageKey,
  translate,
  translator,
  type MessageKey,
  type Translate,
} from './catalogue';
export { fieldLabel, GROUP_PREFIX } from './fields';
