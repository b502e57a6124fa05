// `dtload resume <job-id> [--json]`: finish an interrupted (or cancelled, or stopped) job without repeating
// the rows the journal records as done.
import type { Command } from 'commander';
import type { JobProgress } from '../../../shared/domain';
import { indexJobWrites } from '../../core/contacts';
import { JobNotFoundError, readJob, resumeJob, type JobHandle, type JobOutcome } from '../../core/engine';
import type { CliContext } from '../context';
import { CliError, EXIT } from '../errors';
import { createProgress } from '../progress';

/** Rows listed in the human output. */
const MAX_LISTED_ROWS = 50;

export function register(program: Command, ctx: CliContext): void {
  program
    .command('resume')
    .description('finish an interrupted job without repeating finished rows')
    .argument('<job-id>', 'the job, as `dtload jobs` lists it')
    .option('--json', 'print NDJSON progress events and a summary on stdout')
    .action(async (jobId: string, opts: { json?: boolean }, cmd: Command) => {
      const dataDir = ctx.dataDir(cmd);
      const conn = await ctx.connect(cmd);
      const progress = createProgress(`Job ${jobId}`, { stream: ctx.stderr });
      const onProgress = (p: JobProgress): void => {
        if (opts.json) ctx.stdout.write(JSON.stringify({ event: 'progress', ...p }) + '\n');
        else progress.update({ done: p.done, total: p.total, extra: describeProgress(p) });
      };
      try {
        let handle: JobHandle;
        try {
          handle = await resumeJob({
            client: conn.client,
            dataDir,
            jobId,
            maxQps: ctx.globals(cmd).maxQps,
            onProgress,
          });
        } catch (e) {
          if (e instanceof JobNotFoundError)
            throw new CliError(`${e.message} (${dataDir}); see \`dtload jobs\``);
          if (e instanceof Error && /still running/.test(e.message)) throw new CliError(e.message);
          throw e;
        }
        // Ctrl-C: rows in flight finish and are journalled; the job stays resumable.
        const onSigint = (): void => handle.interrupt();
        process.once('SIGINT', onSigint);
        let outcome: JobOutcome;
        try {
          outcome = await handle.done;
        } finally {
          process.removeListener('SIGINT', onSigint);
          progress.finish();
        }
        const rec = await readJob(dataDir, jobId).catch(() => undefined);
        if (rec) await indexJobWrites(dataDir, conn.identity, jobId, rec.plan, outcome.results);
        ctx.exitCode = printOutcome(outcome, ctx, opts.json);
      } finally {
        await conn.close();
      }
    });
}

function describeProgress(p: JobProgress): string {
  if (p.pausedForSeconds) return p.message ?? `paused for ${p.pausedForSeconds}s`;
  const eta = p.etaSeconds === null ? '' : `, ${p.etaSeconds}s left`;
  return `${p.ok} ok, ${p.failed} failed, ${p.rate.toFixed(1)}/s${eta}${p.state === 'paused' ? ' (paused)' : ''}`;
}

export function exitCodeFor(outcome: JobOutcome): number {
  if (outcome.fatal) return EXIT.fatal;
  if (outcome.state === 'interrupted' || outcome.state === 'cancelled') return EXIT.interrupted;
  const s = outcome.summary;
  return s.failed > 0 || s.skipped > 0 ? EXIT.rowsFailed : EXIT.ok;
}

function printOutcome(outcome: JobOutcome, ctx: CliContext, json?: boolean): number {
  const code = exitCodeFor(outcome);
  const s = outcome.summary;
  if (json) {
    ctx.stdout.write(
      JSON.stringify({
        event: 'summary',
        command: 'resume',
        jobId: outcome.jobId,
        state: outcome.state,
        summary: s,
        ...(outcome.fatal ? { fatal: outcome.fatal } : {}),
        failedRows: outcome.results.filter((r) => r.status === 'failed'),
        exitCode: code,
      }) + '\n',
    );
    return code;
  }
  const lines = [
    `Job ${outcome.jobId} ${outcome.state}: ${s.ok} ok, ${s.failed} failed, ${s.skipped} skipped of ${s.total}.`,
  ];
  if (outcome.fatal)
    lines.push(`Stopped: ${outcome.fatal.errmsg} (${outcome.fatal.errcode}). ${outcome.fatal.hint}`);
  if (outcome.state === 'interrupted' || outcome.state === 'cancelled' || outcome.fatal) {
    lines.push(`Finish it with \`dtload resume ${outcome.jobId}\`.`);
  }
  for (const r of outcome.results.filter((x) => x.status === 'failed').slice(0, MAX_LISTED_ROWS)) {
    lines.push(`  row ${r.row}: ${r.errcode} ${r.errmsg ?? ''}${r.hint ? ` — ${r.hint}` : ''}`);
  }
  ctx.stdout.write(lines.join('\n') + '\n');
  return code;
}
