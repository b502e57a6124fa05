// `dtload export <out.xlsx|out.csv> [--json]`: every external contact, labels as names.
import type { Command } from 'commander';
import { translate } from '../../../shared/i18n';
import { exportContacts } from '../../core/export';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { createProgress } from '../progress';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description(
      'write every external contact to .xlsx or .csv, labels as names (one column per label group)',
    )
    .argument('<out>', 'output file, .xlsx or .csv')
    .option('--json', 'print NDJSON progress events and a summary on stdout')
    .action(async (out: string, opts: { json?: boolean }, cmd: Command) => {
      const lang = ctx.lang(cmd);
      if (!/\.(xlsx|csv)$/i.test(out)) throw new CliError(translate(lang, 'cli.exportExtension', { out }));
      const conn = await ctx.connect(cmd);
      const progress = createProgress('Exporting contacts', {
        json: opts.json,
        stream: ctx.stderr,
        out: ctx.stdout,
      });
      try {
        const res = await exportContacts({
          client: conn.client,
          path: out,
          lang,
          onProgress: (done) => progress.update({ done, extra: 'contacts' }),
        });
        progress.finish();
        if (opts.json) {
          ctx.stdout.write(JSON.stringify({ event: 'summary', ...res }) + '\n');
        } else {
          ctx.stdout.write(
            translate(lang, 'cli.exported', {
              contacts: res.contacts,
              groups: res.labelGroups,
              from: conn.label,
              out,
            }) + '\n',
          );
        }
      } finally {
        await conn.close();
      }
    });
}
