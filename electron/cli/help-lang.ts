// `--help` in the admin's language. The commands declare their help in English; for zh-CN the titles,
// summaries, options and arguments are replaced from the catalogue (shared/i18n/messages/help.ts), by
// command and flag where one exists, else by flag. The fragments commander writes itself (`[options]`,
// `(default: …)`, `(choices: …)`, `(env: …)`) go through its public Help hooks (configureHelp).
import { Help, type Argument, type Command, type Option } from 'commander';
import { columns, wrapColumns } from './help-width';
import { defaultLang, isMessageKey, joinList, parseLang, translate, type Lang } from '../../shared/i18n';

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

const DEFAULT_HELP = new Help();

/** What commander adds after a description, in `lang`: `（可选值："a"、"b"；默认："a"）`. */
function notes(
  lang: Lang,
  description: string,
  o: { argChoices?: string[]; defaultValue?: unknown; defaultValueDescription?: string },
  showDefault: boolean,
  preset?: unknown,
  env?: string,
): string {
  const list: string[] = [];
  if (o.argChoices) {
    const values = joinList(
      o.argChoices.map((c) => JSON.stringify(c)),
      lang,
    );
    list.push(translate(lang, 'help.note.choices', { values }));
  }
  // An empty list is the starting value of a repeatable option, not a default worth telling an admin.
  const emptyList = Array.isArray(o.defaultValue) && o.defaultValue.length === 0;
  if (showDefault && o.defaultValue !== undefined && (o.defaultValueDescription || !emptyList)) {
    const value = o.defaultValueDescription || JSON.stringify(o.defaultValue);
    list.push(translate(lang, 'help.note.default', { value }));
  }
  if (preset !== undefined) list.push(translate(lang, 'help.note.preset', { value: JSON.stringify(preset) }));
  if (env !== undefined) list.push(translate(lang, 'help.note.env', { name: env }));
  if (list.length === 0) return description;
  const note = `（${list.join('；')}）`;
  return description ? `${description}${note}` : note;
}

/** `dtload [options] [command]` with commander's placeholders in `lang`. */
function usageIn(lang: Lang, usage: string): string {
  return usage
    .split(' ')
    .map((w) =>
      w === '[options]'
        ? translate(lang, 'help.usage.options')
        : w === '[command]'
          ? translate(lang, 'help.usage.command')
          : w,
    )
    .join(' ');
}

export function localiseHelp(program: Command, lang: Lang): void {
  if (lang === 'en') return;
  const t = (key: string): string | undefined => (isMessageKey(key) ? translate(lang, key) : undefined);
  const walk = (cmd: Command): void => {
    cmd.configureHelp({
      displayWidth: columns,
      boxWrap: wrapColumns,
      styleTitle: (s: string) => (TITLES[s] ? translate(lang, TITLES[s] as never) : s),
      commandUsage: (c: Command) => usageIn(lang, DEFAULT_HELP.commandUsage(c)),
      subcommandTerm: (c: Command) => usageIn(lang, DEFAULT_HELP.subcommandTerm(c)),
      // As commander decides what to show (help.js optionDescription), written in `lang`.
      optionDescription: (o: Option) =>
        notes(
          lang,
          o.description,
          o,
          o.required || o.optional || (o.isBoolean() && typeof o.defaultValue === 'boolean'),
          o.optional ? o.presetArg : undefined,
          o.envVar,
        ),
      argumentDescription: (a: Argument) => notes(lang, a.description, a, true),
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
  program.helpCommand(`help ${translate(lang, 'help.usage.command')}`, translate(lang, 'help.cmd.help'));
  walk(program);
}
