// `--help` in the admin's language. The commands declare their help in English; for zh-CN the titles,
// summaries, options and arguments are replaced from the catalogue (shared/i18n/messages/help.ts), by
// command and flag where one exists, else by flag.
import type { Command } from 'commander';
import { defaultLang, isMessageKey, parseLang, translate, type Lang } from '../../shared/i18n';

/** `--lang X` / `--lang=X` as given (the last wins), else DTLOAD_LANG, else the OS locale. */
export function argvLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  let given: string | undefined;
  argv.forEach((a, i) => {
    if (a === '--lang') given = argv[i + 1];
    else if (a.startsWith('--lang=')) given = a.slice('--lang='.length);
  });
  return parseLang(given) ?? defaultLang(env);
}

const TITLES: Record<string, string> = {
  'Usage:': 'help.title.usage',
  'Options:': 'help.title.options',
  'Commands:': 'help.title.commands',
  'Arguments:': 'help.title.arguments',
  'Global Options:': 'help.title.global',
};

export function localiseHelp(program: Command, lang: Lang): void {
  if (lang === 'en') return;
  const t = (key: string): string | undefined => (isMessageKey(key) ? translate(lang, key) : undefined);
  const walk = (cmd: Command): void => {
    cmd.configureHelp({
      styleTitle: (s: string) => (TITLES[s] ? translate(lang, TITLES[s] as never) : s),
    });
    cmd.helpOption('-h, --help', t('help.opt.--help'));
    for (const o of cmd.options) {
      const d = (o.long && (t(`help.${cmd.name()}.${o.long}`) ?? t(`help.opt.${o.long}`))) || undefined;
      if (d) o.description = d;
    }
    for (const a of cmd.registeredArguments) {
      const d = t(`help.arg.${a.name()}`);
      if (d) a.description = d;
    }
    for (const sub of cmd.commands) {
      const d = t(`help.cmd.${sub.name()}`);
      if (d) sub.description(d);
      walk(sub);
    }
  };
  program.description(translate(lang, 'help.program'));
  program.helpCommand('help [command]', translate(lang, 'help.cmd.help'));
  walk(program);
}
