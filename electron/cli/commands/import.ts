// `dtload import <file> [options]`: plan (dry run, the default) or --apply an import (cli-contract.md).
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import type {
  ImportOptions,
  ImportPlan,
  ImportPlanProgress,
  MappingFile,
} from '../../../shared/import-types';
import { translate, translator, type Lang } from '../../../shared/i18n';
import { indexJobWrites } from '../../core/contacts';
import type { JobOutcome } from '../../core/engine';
import { describeCounts, startPlannedJob } from '../../core/jobs';
import { ImportInputError, loadMapping, planImport, saveMapping } from '../../core/import';
import {
  buildJsonReport,
  describePlan,
  reportFormat,
  writeFailedRows,
  writeReport,
  type ReportMode,
} from '../../core/reports';
import { checkWritable, openSheet, type SheetSource } from '../../core/sheets';
import type { CliContext, Connection } from '../context';
import { CliError, EXIT } from '../errors';
import { addSheetOptions, sheetOpenOptions, type SheetCliOptions } from '../sheet-options';
import { createProgress, type ProgressSink } from '../progress';

/** Rows listed in the human dry-run output; the report holds them all. */
const MAX_LISTED_ROWS = 50;

export function register(program: Command, ctx: CliContext): void {
  const command = program
    .command('import')
    .description('plan (dry run, the default) or --apply an import of a spreadsheet of contacts')
    .argument('<file>', 'the spreadsheet, .xlsx or .csv');
  addSheetOptions(command)
    .option(
      '--mapping <file.json>',
      'column → field mapping file (header → field | "labels" | {"group": name} | "ignore")',
    )
    .option(
      '--save-mapping <file.json>',
      'save the mapping used (auto-mapped columns too) to reuse with --mapping',
    )
    .addOption(
      new Option('--match <key>', 'match rows to contacts by')
        .choices(['user_id', 'mobile'])
        .default('user_id'),
    )
    .addOption(
      new Option('--labels <mode>', 'replace, add to or remove from the labels')
        .choices(['replace', 'add', 'remove'])
        .default('replace'),
    )
    .addOption(
      new Option('--blank <mode>', 'an empty cell keeps or clears the field')
        .choices(['keep', 'clear'])
        .default('keep'),
    )
    .option('--create', 'rows that match no contact and have a mobile are created')
    .option('--apply', 'send the changes (without it: a dry run that sends nothing)')
    .option('--report <file>', 'write a report: .xlsx, .csv or .json')
    .option('--json', 'print NDJSON progress events and a summary on stdout')
    .action(async (file: string, opts: ImportCommandOptions, cmd: Command) => {
      ctx.exitCode = await runImport(file, opts, cmd, ctx);
    });
}

interface ImportCommandOptions extends SheetCliOptions {
  mapping?: string;
  saveMapping?: string;
  match: ImportOptions['match'];
  labels: ImportOptions['labels'];
  blank: ImportOptions['blank'];
  create?: boolean;
  apply?: boolean;
  report?: string;
  json?: boolean;
}

async function runImport(
  file: string,
  opts: ImportCommandOptions,
  cmd: Command,
  ctx: CliContext,
): Promise<number> {
  // Every input check comes before the first call: bad input exits 2 with nothing sent.
  await checkReportPath(opts.report, ctx.lang(cmd), file);
  let mapping: MappingFile | undefined;
  if (opts.mapping) mapping = await asInputError(() => loadMapping(opts.mapping!, ctx.lang(cmd)));
  const source = await openSheet(file, sheetOpenOptions(opts));
  const lang = ctx.lang(cmd);
  const options: ImportOptions = {
    match: opts.match,
    labels: opts.labels,
    blank: opts.blank,
    create: Boolean(opts.create),
    language: lang,
  };
  const conn = await ctx.connect(cmd);
  try {
    const plan = await withProgress(ctx, cmd, opts.json, (onProgress) =>
      asInputError(() => planImport({ source, mapping, options, client: conn.client, onProgress })),
    );
    if (opts.saveMapping) {
      await saveMapping(opts.saveMapping, plan.mapping);
      if (!opts.json)
        ctx.stdout.write(translate(lang, 'cli.mappingSaved', { path: opts.saveMapping }) + '\n');
    }
    return await finish({ ctx, cmd, conn, plan, file, source, opts, kind: 'import', meta: { ...options } });
  } finally {
    await conn.close();
  }
}

/** Checked before anything is sent: a report that cannot be written after an apply would lose its results. */
export async function checkReportPath(
  path: string | undefined,
  lang: Lang = 'en',
  source?: string,
): Promise<void> {
  if (path === undefined) return;
  if (!reportFormat(path)) throw new CliError(translate(lang, 'cli.reportExt', { path }));
  const dir = dirname(resolve(path));
  const isDir = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) throw new CliError(translate(lang, 'cli.reportDir', { path, dir }));
  // A folder or write-protected file is found now, not after an apply has sent its rows.
  await checkWritable(path);
  // The report must not replace the sheet it reports on (same path, or a link to the same file).
  if (source !== undefined && (await sameFile(path, source)))
    throw new CliError(translate(lang, 'cli.reportIsSource', { path }));
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const [sa, sb] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** Input problems found while planning (no key column, unknown label group) exit 2 like bad options. */
export async function asInputError<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof ImportInputError) throw new CliError(e.message);
    throw e;
  }
}

export async function withProgress<T>(
  ctx: CliContext,
  cmd: Command,
  json: boolean | undefined,
  run: (onProgress: (p: ImportPlanProgress) => void) => Promise<T>,
): Promise<T> {
  const t = translator(ctx.lang(cmd));
  const progress = createProgress(t('progress.planning'), {
    json,
    stream: ctx.stderr as NodeJS.WriteStream,
    out: ctx.stdout,
  });
  try {
    return await run((p) =>
      progress.update({
        done: p.done,
        total: p.total,
        extra: t(`progress.phase.${p.phase === 'done' ? 'planning' : p.phase}`),
      }),
    );
  } finally {
    progress.finish();
  }
}

export interface FinishArgs {
  ctx: CliContext;
  cmd: Command;
  conn: Connection;
  plan: ImportPlan;
  file: string;
  /** The sheet the plan was read from; absent for a plan made from a query (`title` says what it is). */
  source?: SheetSource;
  title?: string;
  opts: { apply?: boolean; report?: string; json?: boolean };
  kind: 'import' | 'delete' | 'undo';
  meta: Record<string, unknown>;
  /** Runs after the plan is shown and before the job starts (the delete backup). */
  beforeApply?: () => Promise<string | undefined>;
  /** Lines to print after an applied job's summary (an undo's new userids). */
  afterApply?: (outcome: JobOutcome) => string[];
}

/** Shows the plan, applies it when asked, writes the reports, and answers the contract's exit code. */
export async function finish(a: FinishArgs): Promise<number> {
  const { ctx, plan, opts } = a;
  const lang = ctx.lang(a.cmd);
  const t = translator(lang);
  const mode: ReportMode = opts.apply ? 'apply' : 'dry-run';
  if (!opts.json) {
    ctx.stdout.write(
      describePlan(plan, {
        file: a.file,
        sheet: a.source?.info.sheet ?? '',
        ...(a.title ? { title: a.title } : {}),
        where: a.conn.label,
        maxRows: MAX_LISTED_ROWS,
        lang,
      }),
    );
  }

  let outcome: JobOutcome | undefined;
  let backup: string | undefined;
  if (opts.apply && plan.ops.length > 0) {
    backup = await a.beforeApply?.();
    if (backup && !opts.json) ctx.stdout.write(t('cli.backup', { path: backup }) + '\n');
    // The backup goes with the job: an undo of it re-creates from there when the job kept no copy.
    outcome = await runJob(backup ? { ...a, meta: { ...a.meta, backup: basename(backup) } } : a);
    // Every write dtload makes updates the local contact index (when this organisation has one).
    await indexJobWrites(a.ctx.dataDir(a.cmd), a.conn.identity, outcome.jobId, plan.ops, outcome.results);
  }

  const reportArgs = { plan, mode, jobId: outcome?.jobId, results: outcome?.results, lang };
  if (opts.report) await writeReport(opts.report, reportArgs);
  const failedPath = await failedRowsPath(a);
  // An undo's rows are not a sheet to fix and import again: its report says what was skipped and why.
  const failedRows = a.kind === 'undo' ? 0 : await writeFailedRows(failedPath, reportArgs);
  const report = buildJsonReport(reportArgs);
  const s = report.summary;

  const interrupted = outcome?.state === 'interrupted';
  const code = exitCodeOf(outcome, s);

  if (opts.json) {
    ctx.stdout.write(
      JSON.stringify({
        event: 'summary',
        command: a.kind,
        mode,
        jobId: outcome?.jobId ?? null,
        state: outcome?.state ?? null,
        summary: s,
        ...(outcome?.fatal ? { fatal: outcome.fatal } : {}),
        reads: plan.reads,
        ...(plan.source ? { source: plan.source } : {}),
        ...(plan.notes?.length ? { notes: plan.notes } : {}),
        unrecognisedColumns: plan.mapping.unrecognised,
        report: opts.report ?? null,
        failedRows: failedRows > 0 ? failedPath : null,
        backup: backup ?? null,
        exitCode: code,
      }) + '\n',
    );
    return code;
  }
  const lines: string[] = [];
  if (outcome) {
    lines.push(
      t('cli.jobCounts', {
        jobId: outcome.jobId,
        // English keeps the state word scripts match on (finished, interrupted…).
        state: lang === 'en' ? outcome.state : t(`apply.state.${outcome.state}`),
        counts: describeCounts(s, lang),
      }),
    );
    if (outcome.fatal) lines.push(t('cli.stopped', { ...outcome.fatal }));
    if (interrupted) lines.push(t('cli.interrupted', { jobId: outcome.jobId }));
    lines.push(...(a.afterApply?.(outcome) ?? []));
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
  } else if (opts.apply) {
    lines.push(t('cli.nothingToSend'));
  } else {
    lines.push(t('cli.dryRun') + (plan.ops.length ? t('cli.dryRunApply') : ''));
  }
  if (opts.report) lines.push(t('cli.reportAt', { path: opts.report }));
  if (failedRows > 0) lines.push(t('cli.failedRowsAt', { path: failedPath }));
  ctx.stdout.write(lines.join('\n') + '\n');
  return code;
}

/** The contract's exit code for a job (or a dry run) and its counts. */
export function exitCodeOf(
  outcome: Pick<JobOutcome, 'state' | 'fatal'> | undefined,
  s: { invalid: number; failed: number; conflicts: number; notSent: number },
): number {
  if (outcome?.fatal || outcome?.state === 'stopped') return EXIT.fatal;
  if (outcome?.state === 'interrupted' || outcome?.state === 'cancelled') return EXIT.interrupted;
  return s.invalid > 0 || s.failed > 0 || s.conflicts > 0 || (outcome !== undefined && s.notSent > 0)
    ? EXIT.rowsFailed
    : EXIT.ok;
}

async function runJob(a: FinishArgs): Promise<JobOutcome> {
  const t = translator(a.ctx.lang(a.cmd));
  const title = t(
    a.kind === 'delete' ? 'progress.deleting' : a.kind === 'undo' ? 'progress.undoing' : 'progress.importing',
  );
  const progress: ProgressSink = createProgress(title, {
    json: a.opts.json,
    stream: a.ctx.stderr as NodeJS.WriteStream,
    out: a.ctx.stdout,
  });
  const handle = startPlannedJob({
    client: a.conn.client,
    dataDir: a.ctx.dataDir(a.cmd),
    maxQps: a.ctx.globals(a.cmd).maxQps,
    plan: a.plan,
    kind: a.kind,
    source: a.file,
    mode: a.kind === 'undo' ? 'undo' : 'apply',
    options: a.meta,
    org: a.conn.identity,
    // With --json, the engine's progress as `dtload resume` prints it: one event per update.
    onProgress: (p) =>
      a.opts.json
        ? a.ctx.stdout.write(JSON.stringify({ event: 'progress', ...p }) + '\n')
        : progress.update({
            done: p.done,
            total: p.total,
            extra:
              t('progress.run', { ok: p.ok, failed: p.failed, rate: p.rate.toFixed(1) }) +
              (p.pausedForSeconds ? t('progress.paused', { s: Math.ceil(p.pausedForSeconds) }) : ''),
          }),
  });
  // Ctrl-C: rows in flight finish and are journalled; `dtload resume` finishes the rest.
  const onSigint = (): void => handle.interrupt();
  process.once('SIGINT', onSigint);
  try {
    return await handle.done;
  } finally {
    process.removeListener('SIGINT', onSigint);
    progress.finish();
  }
}

/** Next to the report when there is one, else in <dataDir>/reports/. */
async function failedRowsPath(a: FinishArgs): Promise<string> {
  const stem = basename(a.file, extname(a.file));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  if (a.opts.report) {
    const r = a.opts.report;
    const beside = join(dirname(r), `${basename(r, extname(r))}.failed-rows.xlsx`);
    // Importing last run's failed-rows file with the same --report: never write over the sheet just read.
    if (!(await sameFile(beside, a.file))) return beside;
  }
  const dir = join(a.ctx.dataDir(a.cmd), 'reports');
  await mkdir(dir, { recursive: true });
  return join(dir, `${stem}.${stamp}.failed-rows.xlsx`);
}
