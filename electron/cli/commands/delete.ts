// `dtload delete <file> [--apply] [--report F] [--json]`: delete the contacts a sheet lists by user_id.
// A dry run (the default) lists who would be deleted; an applied delete first backs them up.
import type { Command } from 'commander';
import { backupBeforeDelete, planDelete } from '../../core/import';
import { openSheet } from '../../core/sheets';
import type { CliContext } from '../context';
import { addSheetOptions, sheetOpenOptions, type SheetCliOptions } from '../sheet-options';
import { asInputError, checkReportPath, finish, withProgress } from './import';

interface DeleteCommandOptions extends SheetCliOptions {
  apply?: boolean;
  report?: string;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  const command = program
    .command('delete')
    .description(
      'delete the contacts a sheet lists by user_id (dry run by default; --apply backs them up first)',
    )
    .argument('<file>', 'a spreadsheet with a user_id column, .xlsx or .csv');
  addSheetOptions(command)
    .option('--apply', 'delete them (without it: a dry run that sends nothing)')
    .option('--report <file>', 'write a report: .xlsx, .csv or .json')
    .option('--json', 'print NDJSON progress events and a summary on stdout')
    .action(async (file: string, opts: DeleteCommandOptions, cmd: Command) => {
      await checkReportPath(opts.report, ctx.lang(cmd), file);
      const source = await openSheet(file, sheetOpenOptions(opts));
      const conn = await ctx.connect(cmd);
      try {
        const plan = await withProgress(ctx, cmd, opts.json, (onProgress) =>
          asInputError(() =>
            planDelete({ source, client: conn.client, onProgress, language: ctx.lang(cmd) }),
          ),
        );
        ctx.exitCode = await finish({
          ctx,
          cmd,
          conn,
          plan,
          file,
          source,
          opts,
          kind: 'delete',
          meta: {},
          beforeApply: async () =>
            (
              await backupBeforeDelete({
                plan,
                client: conn.client,
                dataDir: ctx.dataDir(cmd),
                lang: ctx.lang(cmd),
              })
            ).path,
        });
      } finally {
        await conn.close();
      }
    });
}
