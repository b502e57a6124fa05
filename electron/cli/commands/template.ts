// `dtload template <out.xlsx>`: a blank import sheet with drop-down lists of valid label names.
import type { Command } from 'commander';
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
      if (!out.toLowerCase().endsWith('.xlsx'))
        throw new CliError(`"${out}": the template must be an .xlsx file`);
      const conn = await ctx.connect(cmd);
      try {
        const groups = await readLabelGroups(conn.client);
        await writeImportTemplate(out, groups);
        ctx.stdout.write(`Wrote the import template with ${groups.length} label-group columns to ${out}\n`);
      } finally {
        await conn.close();
      }
    });
}
