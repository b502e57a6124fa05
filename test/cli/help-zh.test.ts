// `dtload --help` in zh-CN is Chinese throughout: commander's own fragments (titles, `[options]`,
// `(default: …)`, `(choices: …)`, `(env: …)`, the help command and option, and the usage error printed
// before the help) included; English unchanged.
import { describe, expect, it } from 'vitest';
import { columns } from '../../electron/cli/help-width';
import { COMMANDS } from '../../electron/cli/commands/index';
import { runCli } from './run-cli';

const ENGLISH =
  /Usage:|Options:|Commands:|Arguments:|Global Options:|\[options\]|\[command\]|\(default:|default: |\(choices:|choices: |\(env:|env: |preset: |display help/;

async function help(args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const r = await runCli(args, env);
  expect(r.code).toBe(0);
  expect(r.err).toBe('');
  return r.out;
}

/** The display column each described item's description starts at, in one `标题：` block. */
function descriptionColumns(text: string, title: string): number[] {
  const block = text.split(`${title}\n`)[1]!.split('\n\n')[0]!.split('\n');
  return block
    .map((line) => /^( {2}\S+(?: \S+)*? {2,})\S/.exec(line)?.[1])
    .filter((lead): lead is string => lead !== undefined)
    .map(columns);
}

describe('dtload --help in zh-CN', () => {
  it('has no English fragment of commander in the root help, whether asked by --lang or the environment', async () => {
    for (const out of [
      await help(['--lang', 'zh-CN', '--help']),
      await help(['--help'], { DTLOAD_LANG: 'zh-CN' }),
      await help(['--help'], { DTLOAD_LANG: undefined, LANG: 'zh_CN.UTF-8' }),
    ]) {
      expect(out).not.toMatch(ENGLISH);
      expect(out).toContain('用法： dtload [选项] [命令]');
      expect(out).toContain('（默认："20"）');
      expect(out).toMatch(/（环境变量：\s*DTLOAD_BASE_URL）/);
      expect(out).toMatch(/help \[命令\]\s+显示命令的帮助/);
      // Chinese terms and descriptions line up as English ones do (two columns per character).
      expect(new Set(descriptionColumns(out, '命令：')).size).toBe(1);
      // Items wrap at 80 columns (the closing notes are one paragraph each, as in English).
      for (const line of out.split('\n').filter((l) => l.startsWith('  '))) {
        expect(columns(line)).toBeLessThanOrEqual(80);
      }
    }
  });

  it.each(COMMANDS.map((c) => c.name))('%s --help has none either', async (name) => {
    const out = await help(['--lang', 'zh-CN', name, '--help']);
    expect(out).not.toMatch(ENGLISH);
    expect(out).toContain(`用法： dtload ${name} [选项]`);
    expect(out).toMatch(/-h, --help\s+显示帮助/);
  });

  it('import --help (and `help import`) says choices and defaults in Chinese', async () => {
    for (const args of [
      ['import', '--help'],
      ['help', 'import'],
    ]) {
      const out = await help(['--lang', 'zh-CN', ...args]);
      expect(out).not.toMatch(ENGLISH);
      expect(out).toMatch(
        /--match <key>\s+按哪一列匹配联系人（可选值："user_id"、"mobile"；\s+默认："user_id"）/,
      );
      expect(out).toMatch(
        /--labels <mode>\s+替换、添加或移除标签（可选值："replace"、"add"、\s+"remove"；默认："replace"）/,
      );
      expect(new Set(descriptionColumns(out, '选项：')).size).toBe(1);
    }
    // A repeatable option's empty starting list is no default worth stating.
    expect(await help(['--lang', 'zh-CN', 'edit', '--help'])).toMatch(/--remove-label <labels>\s+移除标签\n/);
  });

  it.each([
    [['import'], '错误：缺少必需的参数 file'],
    [['import', 'x.csv', '--mach', 'mobile'], '错误：未知选项 --mach\n（是否要输入 --match？）'],
    [['imprt'], '错误：未知命令 imprt\n（是否要输入 import？）'],
    [
      ['import', 'x.csv', '--match', 'zz'],
      '错误：选项 --match <key> 的值 "zz" 无效，可选值：user_id、mobile',
    ],
    [['export', '--where'], '错误：选项 --where <query> 缺少值'],
    [['reassign', '--to', 'a'], '错误：缺少必需的选项 --from <person>'],
    [['labels', 'extra'], '错误：参数过多：应为 0 个，实际 1 个'],
  ])('usage error %j is said in Chinese, before the Chinese help', async (args, line) => {
    const r = await runCli(['--lang', 'zh-CN', ...args]);
    expect(r.code).toBe(2);
    expect(r.err.startsWith(`${line}\n`)).toBe(true);
    expect(r.err).not.toMatch(/error:|Did you mean/);
    expect(r.err).not.toMatch(ENGLISH);
    const en = await runCli(['--lang', 'en', ...args]);
    expect(en.err).toMatch(/^error: /);
  });

  it('English help keeps commander’s own wording', async () => {
    const root = await help(['--lang', 'en', '--help']);
    expect(root).toContain('Usage: dtload [options] [command]');
    expect(root).toContain('(default: "20")');
    expect(root).toContain('(env: DTLOAD_BASE_URL)');
    expect(root).toMatch(/help \[command\]\s+display help for command/);
    const sub = await help(['--lang', 'en', 'import', '--help']);
    expect(sub).toContain('Usage: dtload import [options] <file>');
    expect(sub).toMatch(/\(choices:\s+"user_id",\s+"mobile",\s+default:\s+"user_id"\)/);
    expect(sub).toMatch(/-h, --help\s+display help for command/);
    expect(await help(['edit', '--help'])).toContain('(default: [])');
  });
});
