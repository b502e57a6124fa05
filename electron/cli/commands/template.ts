// `dtload template <out.xlsx>`: a blank import sheet with drop-down lists of valid label names.
import type { Command } from 'commander';
import { translate } from '../../../shared/i18n';
import { DirectoryService } from '../../core/directory';
import { templateStaff, writeImportTemplate } from '../../core/export';
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
        // Staff names for the owner and sharing drop-downs (ids, with a warning, without the permission).
        const people = await templateStaff(new DirectoryService(conn.client, { language: lang }), lang);
        if (people.warning) ctx.stderr.write(`dtload: ${people.warning}\n`);
        await writeImportTemplate(out, groups, { lang, ...(people.staff ? { staff: people.staff } : {}) });
        ctx.stdout.write(translate(lang, 'cli.templateWritten', { groups: groups.length, out }) + '\n');
      } finally {
        await conn.close();
      }
    });
}
