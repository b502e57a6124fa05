// The catalogue itself: every part merged, typed keys, and the lookup.
import { format, type Vars } from './format';
import type { Lang } from './lang';
import { app } from './messages/app';
import { cli } from './messages/cli';
import { cliJobs } from './messages/cli-jobs';
import { help } from './messages/help';
import { contacts } from './messages/contacts';
import { directory } from './messages/directory';
import { people } from './messages/people';
import { plan } from './messages/plan';
import { written } from './messages/written';
import { sheets } from './messages/sheets';
import { ui } from './messages/ui';
import { undo } from './messages/undo';

/** Every part, for the consistency test (a key defined in two parts is a mistake). */
export const CATALOGUE_PARTS = {
  ui,
  plan,
  app,
  contacts,
  directory,
  people,
  sheets,
  written,
  cli,
  cliJobs,
  help,
  undo,
} as const;

export const CATALOGUE = {
  ...ui,
  ...plan,
  ...app,
  ...contacts,
  ...directory,
  ...people,
  ...sheets,
  ...written,
  ...cli,
  ...cliJobs,
  ...help,
  ...undo,
} as const;

export type MessageKey = keyof typeof CATALOGUE;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(CATALOGUE, key);

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  return format(CATALOGUE[key][lang], vars);
}

const TRANSLATORS: Readonly<Record<Lang, Translate>> = {
  en: (key, vars) => translate('en', key, vars),
  'zh-CN': (key, vars) => translate('zh-CN', key, vars),
};

/** `t` for one language. */
export const translator = (lang: Lang): Translate => TRANSLATORS[lang];
