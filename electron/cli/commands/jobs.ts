// `dtload jobs [--json]`: the jobs in the data dir, newest first, with their state.
import type { Command } from 'commander';
import { listJobs, type JobSummary } from '../../core/engine';
import type { CliContext } from '../context';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('jobs')
    .description(
      'list jobs in the data dir with their state (interrupted jobs can be finished with `dtload resume`)',
    )
    .option('--json', 'print JSON (an array of jobs)')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const dataDir = ctx.dataDir(cmd);
      const jobs = await listJobs(dataDir);
      if (opts.json) {
        ctx.stdout.write(JSON.stringify(jobs) + '\n');
        return;
      }
      if (jobs.length === 0) {
        ctx.stdout.write(`No jobs in ${dataDir}\n`);
        return;
      }
      ctx.stdout.write(formatJobs(jobs) + '\n');
      if (jobs.some((j) => j.state === 'interrupted' || j.state === 'cancelled' || j.fatal)) {
        ctx.stdout.write('Finish an interrupted, cancelled or stopped job with `dtload resume <job-id>`.\n');
      }
    });
}

export function formatJobs(jobs: JobSummary[]): string {
  const rows = [
    ['JOB ID', 'STATE', 'KIND', 'DONE', 'OK', 'FAILED', 'SKIPPED', 'CREATED', 'SOURCE'],
    ...jobs.map((j) => [
      j.jobId,
      j.state,
      j.meta.kind,
      `${j.done}/${j.total}`,
      String(j.ok),
      String(j.failed),
      String(j.skipped),
      j.createdAt.slice(0, 19).replace('T', ' '),
      j.meta.source + (j.fatal ? `  (stopped: ${j.fatal.errcode} ${j.fatal.errmsg})` : ''),
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
