// Import pipeline bench: 100,000 rows of xlsx and CSV through reader + mapping + label resolution + diff
// against in-memory current contacts, next to a bare exceljs streaming / papaparse read of the same file.
// Targets: pipeline ≤ 1.5× the bare read, peak RSS < 500 MB. Prints figures (medians and both ratios:
// reader / bare and pipeline / bare), asserts nothing.
// Each measurement runs in its own process, so its peak RSS is its own (not the set-up's).
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { writeContactsFile } from '../electron/core/export';
import { planImport, type SheetSource } from '../electron/core/import';
import { seedContacts, seedLabelGroups } from '../electron/core/sandbox';
import { bareXlsx, mb, median, memoryClient } from './memory-org';
import { openSheet } from '../electron/core/sheets';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
const SEED = 1;

function bareCsv(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let n = 0;
    Papa.parse(createReadStream(path, 'utf8'), {
      step: () => void n++,
      complete: () => resolve(n),
      error: reject,
    });
  });
}

type Task = 'bare' | 'reader' | 'pipeline' | 'diff';

/** One measurement in this (child) process: median time of RUNS, then the process's peak RSS. */
async function child(task: Task, path: string): Promise<void> {
  const groups = seedLabelGroups();
  // Current state, as the list would deliver it (planning keeps the matched contacts: all of them here).
  const client =
    task === 'pipeline' || task === 'diff'
      ? memoryClient(groups, seedContacts(ROWS, SEED, groups))
      : undefined;
  let source: SheetSource | undefined;
  if (task === 'diff') {
    const opened = await openSheet(path);
    const rows: { row: number; cells: string[] }[] = [];
    for await (const r of opened.rows()) rows.push(r);
    source = {
      info: opened.info,
      async *rows() {
        yield* rows;
      },
    };
  }
  let note = '';
  let firstRss = 0;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    if (task === 'bare') note = `${await (path.endsWith('.xlsx') ? bareXlsx(path) : bareCsv(path))} rows`;
    else if (task === 'reader') {
      let n = 0;
      for await (const _ of (await openSheet(path)).rows()) n++;
      note = `${n} rows`;
    } else {
      const plan = await planImport({ source: source ?? (await openSheet(path)), client: client! });
      note = `${plan.summary.update} updates, ${plan.summary.unchanged} unchanged, ${plan.summary.invalid} invalid`;
    }
    times.push(performance.now() - t);
    // Peak RSS of the first run: later runs add the garbage of earlier ones, which a real import has not.
    if (i === 0) firstRss = process.resourceUsage().maxRSS * 1024;
  }
  const rss = firstRss;
  process.stdout.write(JSON.stringify({ ms: median(times), runs: times, rss, note }) + '\n');
}

function measure(task: Task, path: string): { ms: number; runs: number[]; rss: number; note: string } {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', self, '--child', task, path], {
    encoding: 'utf8',
    env: process.env,
  });
  if (r.status !== 0) throw new Error(`bench child ${task} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dtload-import-bench-'));
  try {
    const groups = seedLabelGroups();
    const current = seedContacts(ROWS, SEED, groups);
    // The sheet: the organisation's export with one row in ten edited, so the diff has work to do.
    const edited = current.map((c, i) =>
      i % 10 === 0 ? { ...c, remark: `edited ${i}`, title: 'Bench' } : c,
    );
    const files = { xlsx: join(dir, 'contacts.xlsx'), csv: join(dir, 'contacts.csv') };
    for (const path of Object.values(files)) await writeContactsFile({ path, groups, contacts: edited });
    console.log(
      `${ROWS.toLocaleString('en')} rows × ${groups.length + 12} columns, median of ${RUNS} runs, one process per line`,
    );
    const line = (label: string, m: { ms: number; runs: number[]; rss: number; note: string }): void =>
      console.log(
        `${label.padEnd(40)} ${(m.ms / 1000).toFixed(2).padStart(6)} s  peak RSS ${mb(m.rss).padStart(7)}  ` +
          `(runs ${m.runs.map((t) => (t / 1000).toFixed(2)).join(', ')}; ${m.note})`,
      );
    let peak = 0;
    for (const [format, path] of Object.entries(files)) {
      const bare = measure('bare', path);
      line(`bare ${format} read (${format === 'xlsx' ? 'exceljs stream' : 'papaparse'})`, bare);
      const reader = measure('reader', path);
      line(`dtload reader only (${format})`, reader);
      const pipeline = measure('pipeline', path);
      line(`pipeline ${format} (read+map+labels+diff)`, pipeline);
      // Two honest ratios: the reader against the bare read (the same work: every row's cells, our encoding,
      // delimiter and header detection included), and the whole pipeline, which also maps, resolves labels,
      // merges and diffs 100,000 rows against current state: work the bare read does not do at all.
      const ratio = (ms: number): string => `${(ms / bare.ms).toFixed(2)}×`;
      const verdict = (ms: number): string => (ms / bare.ms <= 1.5 ? 'met' : 'missed');
      console.log(
        `  ${format}: reader / bare = ${ratio(reader.ms)} (target ≤ 1.5×: ${verdict(reader.ms)}); ` +
          `pipeline / bare = ${ratio(pipeline.ms)} (target ≤ 1.5×: ${verdict(pipeline.ms)}); ` +
          `planning on top of the reader = ${((pipeline.ms - reader.ms) / 1000).toFixed(2)} s (medians)`,
      );
      peak = Math.max(peak, pipeline.rss);
    }
    const diff = measure('diff', files.csv);
    line(`diff of ${ROWS.toLocaleString('en')} rows (map+labels+merge)`, diff);
    console.log(`peak RSS of the pipeline: ${mb(Math.max(peak, diff.rss))} (target < 500 MB)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(process.argv[at + 1] as Task, process.argv[at + 2]!);
else await main();
