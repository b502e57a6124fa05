// `dtload resume <job-id> [--report F] [--json] [--other-org]`: finish an interrupted (or cancelled, or
// stopped) job without repeating the rows the journal records as done.
import type { Command } from 'commander';
import type { JobProgress } from '../../../shared/domain';
import {
  JobLockedError,
  JobNotFoundError,
  OtherOrgError,
  DamagedJobError,
  type JobHandle,
  readJob,
  type JobOutcome,
} from '../../core/engine';
import { describeCounts, jobReportArgs, resumePlannedJob } from '../../core/jobs';
import { indexJobWrites } from '../../core/contacts';
import { buildJsonReport, writeReport } from '../../core/reports';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { createProgress } from '../progress';
import { checkReportPath, exitCodeOf } from './import';

/** Rows listed in the human output. */
const MAX_LISTED_ROWS = 50;

interface ResumeOptions {
  json?: boolean;
  report?: string;
  otherOrg?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('resume')
    .description('finish an interrupted job without repeating finished rows')
    .argument('<job-id>', 'the job, as `dtload jobs` lists it')
    .option('--report <file>', 'write a report of the whole job: .xlsx, .csv or .json')
    .option('--other-org', 'resume even though the job was planned on another organisation or app')
    .option('--json', 'print NDJSON progress events and a summary on stdout')
    .action(async (jobId: string, opts: ResumeOptions, cmd: Command) => {
      await checkReportPath(opts.report);
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
          handle = await resumePlannedJob({
            client: conn.client,
            dataDir,
            jobId,
            maxQps: ctx.globals(cmd).maxQps,
            onProgress,
            org: conn.identity,
            allowOtherOrg: Boolean(opts.otherOrg),
          });
        } catch (e) {
          if (e instanceof JobNotFoundError)
            throw new CliError(`${e.message} (${dataDir}); see \`dtload jobs\``);
          if (e instanceof JobLockedError) throw new CliError(e.message);
          if (e instanceof OtherOrgError)
            throw new CliError(
              `${e.message}, not ${conn.label}: connect to that one, or add --other-org to send its rows here`,
            );
          if (e instanceof DamagedJobError)
            throw new CliError(
              `${e.message}: it cannot be resumed; plan it again from its source file (see \`dtload jobs\`)`,
            );
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
        ctx.exitCode = await printOutcome(outcome, ctx, dataDir, opts);
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

async function printOutcome(
  outcome: JobOutcome,
  ctx: CliContext,
  dataDir: string,
  opts: ResumeOptions,
): Promise<number> {
  // The whole job's numbers, from the plan kept with it: the same as `dtload jobs` and the app show.
  const args = await jobReportArgs(dataDir, outcome.jobId);
  if (opts.report) await writeReport(opts.report, args);
  const report = buildJsonReport(args);
  const s = report.summary;
  const code = exitCodeOf(outcome, s);
  if (opts.json) {
    ctx.stdout.write(
      JSON.stringify({
        event: 'summary',
        command: 'resume',
        jobId: outcome.jobId,
        state: outcome.state,
        summary: { ...s, total: outcome.summary.total },
        ...(outcome.fatal ? { fatal: outcome.fatal } : {}),
        failedRows: outcome.results.filter((r) => r.status === 'failed'),
        // Contacts read again before their writes (no lost updates): rows, get/list calls, conflicts, gone.
        reread: outcome.reread,
        report: opts.report ?? null,
        exitCode: code,
      }) + '\n',
    );
    return code;
  }
  const lines = [`Job ${outcome.jobId} ${outcome.state}: ${describeCounts(s)}.`];
  if (outcome.fatal)
    lines.push(`Stopped: ${outcome.fatal.errmsg} (${outcome.fatal.errcode}). ${outcome.fatal.hint}`);
  if (outcome.state === 'interrupted' || outcome.state === 'cancelled' || outcome.fatal) {
    lines.push(`Finish it with \`dtload resume ${outcome.jobId}\`.`);
  }
  for (const r of report.rows
    .filter((x) => x.status === 'failed' || x.status === 'conflict')
    .slice(0, MAX_LISTED_ROWS)) {
    lines.push(`  row ${r.row}: ${r.errcode} ${r.errmsg ?? ''}${r.hint ? ` — ${r.hint}` : ''}`);
  }
  if (opts.report) lines.push(`Report: ${opts.report}`);
  ctx.stdout.write(lines.join('\n') + '\n');
  return code;
}
