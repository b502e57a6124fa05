// `dtload resume <job-id> [--report F] [--json] [--other-org]`: finish an interrupted (or cancelled, or
// stopped) job without repeating the rows the journal records as done.
import type { Command } from 'commander';
import type { JobProgress } from '../../../shared/domain';
import { translator, type Lang, type Translate } from '../../../shared/i18n';
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
      await checkReportPath(opts.report, ctx.lang(cmd));
      const dataDir = ctx.dataDir(cmd);
      const conn = await ctx.connect(cmd);
      const lang = ctx.lang(cmd);
      const t = translator(lang);
      const progress = createProgress(t('progress.job', { jobId }), { stream: ctx.stderr });
      const onProgress = (p: JobProgress): void => {
        if (opts.json) ctx.stdout.write(JSON.stringify({ event: 'progress', ...p }) + '\n');
        else progress.update({ done: p.done, total: p.total, extra: describeProgress(p, t) });
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
          const vars = { message: e instanceof Error ? e.message : '', jobId, dir: dataDir };
          if (e instanceof JobNotFoundError) throw new CliError(t('resume.notFound', vars));
          if (e instanceof JobLockedError) throw new CliError(t('resume.locked', vars));
          if (e instanceof OtherOrgError)
            throw new CliError(t('resume.otherOrg', { ...vars, where: conn.label }));
          if (e instanceof DamagedJobError)
            throw new CliError(t('resume.damaged', { ...vars, message: e.in(lang) }));
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
        ctx.exitCode = await printOutcome(outcome, ctx, dataDir, opts, lang);
      } finally {
        await conn.close();
      }
    });
}

function describeProgress(p: JobProgress, t: Translate): string {
  const run = t('progress.run', { ok: p.ok, failed: p.failed, rate: p.rate.toFixed(1) });
  if (p.pausedForSeconds) return run + t('progress.paused', { s: Math.ceil(p.pausedForSeconds) });
  const eta = p.etaSeconds === null ? '' : t('progress.eta', { s: p.etaSeconds });
  return run + eta + (p.state === 'paused' ? t('progress.pausedState') : '');
}

async function printOutcome(
  outcome: JobOutcome,
  ctx: CliContext,
  dataDir: string,
  opts: ResumeOptions,
  lang: Lang,
): Promise<number> {
  const t = translator(lang);
  // The whole job's numbers, from the plan kept with it: the same as `dtload jobs` and the app show.
  const args = await jobReportArgs(dataDir, outcome.jobId);
  if (opts.report) await writeReport(opts.report, { ...args, lang });
  // The printed rows in the admin's language (the --json output keeps the journal's English).
  const report = buildJsonReport(opts.json ? args : { ...args, lang });
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
  const lines = [
    t('cli.jobCounts', {
      jobId: outcome.jobId,
      state: lang === 'en' ? outcome.state : t(`apply.state.${outcome.state}`),
      counts: describeCounts(s, lang),
    }),
  ];
  if (outcome.fatal) lines.push(t('cli.stopped', { ...outcome.fatal }));
  if (outcome.state === 'interrupted' || outcome.state === 'cancelled' || outcome.fatal) {
    lines.push(t('resume.finishIt', { jobId: outcome.jobId }));
  }
  for (const r of report.rows
    .filter((x) => x.status === 'failed' || x.status === 'conflict')
    .slice(0, MAX_LISTED_ROWS)) {
    lines.push(
      t('cli.failedRow', {
        row: r.row,
        text: `${r.errcode} ${r.errmsg ?? ''}${r.hint ? ` — ${r.hint}` : ''}`,
      }),
    );
  }
  if (opts.report) lines.push(t('cli.reportAt', { path: opts.report }));
  ctx.stdout.write(lines.join('\n') + '\n');
  return code;
}
