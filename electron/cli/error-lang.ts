// Commander's usage errors ("error: unknown option '--x'") in the admin's language. Commander writes them
// in English through configureOutput().outputError; for zh-CN each one it can write is recognised and
// said from the catalogue (shared/i18n/messages/help.ts). Anything else passes as it is.
import { joinList, translate, type Lang, type MessageKey, type Vars } from '../../shared/i18n';

type Rule = [RegExp, MessageKey, (m: RegExpExecArray, lang: Lang) => Vars];

const RULES: readonly Rule[] = [
  [/^error: missing required argument '(.+)'$/, 'help.error.missingArgument', (m) => ({ name: m[1]! })],
  [/^error: unknown option '(.+)'$/, 'help.error.unknownOption', (m) => ({ flag: m[1]! })],
  [/^error: unknown command '(.+)'$/, 'help.error.unknownCommand', (m) => ({ name: m[1]! })],
  [/^error: option '(.+)' argument missing$/, 'help.error.argumentMissing', (m) => ({ flags: m[1]! })],
  [
    /^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/,
    'help.error.badChoice',
    (m, lang) => ({ flags: m[1]!, value: m[2]!, choices: joinList(m[3]!.split(', '), lang) }),
  ],
  [/^error: required option '(.+)' not specified$/, 'help.error.requiredOption', (m) => ({ flags: m[1]! })],
  [
    /^error: too many arguments(?: for '.+')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    'help.error.tooManyArguments',
    (m) => ({ expected: m[1]!, received: m[2]! }),
  ],
];

/** One line commander wrote (its own "(Did you mean …?)" line included), said in `lang`. */
export function localiseUsageError(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return text
    .split('\n')
    .map((line) => {
      const hint = /^\(Did you mean (?:one of )?(.+)\?\)$/.exec(line);
      if (hint) return translate(lang, 'help.error.didYouMean', { suggestion: hint[1]! });
      for (const [pattern, key, vars] of RULES) {
        const m = pattern.exec(line);
        if (m) return translate(lang, key, vars(m, lang));
      }
      return line;
    })
    .join('\n');
}
