// `dtload jobs [--json]`: the jobs in the data dir, newest first, with their state and counts (the same
// numbers the import's summary line, its JSON report and the app show). Damaged jobs are listed, not hidden.
import type { Command } from 'commander';
import { translator, type Lang } from '../../../shared/i18n';
import { listJobViews, type JobView } from '../../core/jobs';
import type { CliContext } from '../context';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('jobs')
    .description(
      'list jobs in the data dir with their state and counts (interrupted jobs can be finished with `dtload resume`)',
    )
    .option('--json', 'print JSON (an array of jobs)')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const dataDir = ctx.dataDir(cmd);
      const lang = ctx.lang(cmd);
      const t = translator(lang);
      // --json keeps the English a script reads; the table and its notes are in the admin's language.
      const jobs = await listJobViews(dataDir, opts.json ? 'en' : lang);
      if (opts.json) {
        ctx.stdout.write(JSON.stringify(jobs) + '\n');
        return;
      }
      if (jobs.length === 0) {
        ctx.stdout.write(t('jobs.none', { dir: dataDir }) + '\n');
        return;
      }
      ctx.stdout.write(formatJobs(jobs, lang) + '\n');
      for (const j of jobs.filter((x) => x.damage)) {
        ctx.stdout.write(
          t('jobs.isDamaged', { jobId: j.jobId, reason: j.damage!.reason, advice: j.damage!.advice }) + '\n',
        );
      }
      if (jobs.some((j) => j.state === 'interrupted' || j.state === 'cancelled' || j.state === 'stopped')) {
        ctx.stdout.write(t('jobs.finishHint') + '\n');
      }
    });
}

export function formatJobs(jobs: JobView[], lang: Lang = 'en'): string {
  const t = translator(lang);
  const kind = (k: JobView['kind']): string => (lang === 'en' ? k : t(`jobs.kind.${k}`));
  const state = (j: JobView): string =>
    j.undoneBy
      ? t('jobs.state.undoneBy', { jobId: j.undoneBy })
      : lang === 'en'
        ? j.state
        : t(`apply.state.${j.state}`);
  const rows = [
    t('jobs.head').split('|'),
    ...jobs.map((j) => [
      j.jobId,
      kind(j.kind),
      state(j),
      j.createdAt.slice(0, 19).replace('T', ' '),
      String(j.rows),
      String(j.ok),
      String(j.failed),
      String(j.unchanged),
      String(j.invalid),
      String(j.conflicts),
      String(j.notSent),
      j.source +
        (j.fatal ? `  ${t('jobs.stoppedBy', { errcode: j.fatal.errcode, errmsg: j.fatal.errmsg })}` : ''),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
