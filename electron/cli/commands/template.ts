// `dtload template <out.xlsx>`: a blank import sheet with drop-down lists of valid label names.
import type { Command } from 'commander';
import { translate } from '../../../shared/i18n';
import { writeImportTemplate } from '../../core/export';
import { readLabelGroups } from '../../core/import';
import type { CliContext } from '../context';
import { CliError } from '../errors';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('template')
    .description('write a blank import sheet; label columns have drop-down lists of valid names')
    .argument('<out>', 'output file, .xlsx')
    .action(async (out: string, _opts: unknown, cmd: Command) => {
      const lang = ctx.lang(cmd);
      if (!out.toLowerCase().endsWith('.xlsx'))
        throw new CliError(translate(lang, 'cli.templateExtension', { out }));
      const conn = await ctx.connect(cmd);
      try {
        const groups = await readLabelGroups(conn.client);
        await writeImportTemplate(out, groups, { lang });
        ctx.stdout.write(translate(lang, 'cli.templateWritten', { groups: groups.length, out }) + '\n');
      } finally {
        await conn.close();
      }
    });
}
