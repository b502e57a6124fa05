// `dtload labels [--json]`: the label groups and their labels with ids.
import type { Command } from 'commander';
import { argbToHex } from '../../../shared/colors';
import { translator } from '../../../shared/i18n';
import { readLabelGroups } from '../../core/import';
import type { CliContext } from '../context';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('labels')
    .description('print label groups and their labels with ids')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const conn = await ctx.connect(cmd);
      try {
        const groups = await readLabelGroups(conn.client);
        if (opts.json) {
          ctx.stdout.write(
            JSON.stringify(groups.map((g) => ({ ...g, colorHex: argbToHex(g.color) }))) + '\n',
          );
          return;
        }
        const t = translator(ctx.lang(cmd));
        const lines: string[] = [];
        for (const g of groups) {
          lines.push(t('labels.group', { name: g.name, color: argbToHex(g.color), count: g.labels.length }));
          for (const l of g.labels) lines.push(`  ${String(l.id).padEnd(12)} ${l.name}`);
        }
        lines.push(t('labels.total', { count: groups.length, where: conn.label }));
        ctx.stdout.write(lines.join('\n') + '\n');
      } finally {
        await conn.close();
      }
    });
}
