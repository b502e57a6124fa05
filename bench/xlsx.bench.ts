// xlsx bench (issue 12 item 4, issue 15 item 3). Each line is its own process (its peak RSS is its own), median
// of RUNS. Prints, asserts nothing:
//  - a 100,000-row xlsx dry run (read + map + labels + merge + diff) against the bare work it cannot avoid:
//    exceljs' streaming read of the same file plus a read of the organisation's contacts. Target ≤ 1.3×.
//  - the peak RSS of a 1,048,576-row (Excel's maximum) xlsx dry run. Target ≤ 1 GB.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeContactsFile } from '../electron/core/export';
import { planImport, type ImportClient } from '../electron/core/import';
import { seedContacts, seedContactStream, seedLabelGroups } from '../electron/core/sandbox';
import { bareXlsx, mb, median, memoryClient } from './memory-org';
import { openSheet } from '../electron/core/sheets';

const ROWS = Number(process.env.BENCH_XLSX_ROWS ?? 100_000);
const MAX_ROWS = Number(process.env.BENCH_XLSX_MAX_ROWS ?? 1_048_575);
const RUNS = Number(process.env.BENCH_XLSX_RUNS ?? 3);
const SEED = 1;

/** The same read of the organisation's contacts the dry run makes. */
async function bareContacts(client: ImportClient): Promise<number> {
  let n = 0;
  await client.listLabelGroups();
  for await (const _ of client.listContacts()) n++;
  return n;
}

type Task = 'bare' | 'dry';

async function child(task: Task, path: string, rows: number, runs: number): Promise<void> {
  const groups = seedLabelGroups();
  const client = memoryClient(groups, () => seedContactStream(rows, SEED, groups));
  const times: number[] = [];
  let note = '';
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    if (task === 'bare') {
      const read = await bareXlsx(path);
      const contacts = await bareContacts(client);
      note = `${read} rows read, ${contacts} contacts read`;
    } else {
      const plan = await planImport({ source: await openSheet(path), client });
      note = `${plan.summary.update} updates, ${plan.summary.unchanged} unchanged, ${plan.summary.invalid} invalid`;
    }
    times.push(performance.now() - t);
    // Peak RSS of the first run: later runs add the garbage of earlier ones, which a real import has not.
    if (i === 0) rss = process.resourceUsage().maxRSS * 1024;
  }
  process.stdout.write(JSON.stringify({ ms: median(times), runs: times, rss, note }) + '\n');
}

interface Figure {
  ms: number;
  runs: number[];
  rss: number;
  note: string;
}

function measure(task: Task, path: string, rows: number, runs: number): Figure {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', self, '--child', task, path, String(rows), String(runs)],
    { encoding: 'utf8', env: process.env, maxBuffer: 16 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`bench child ${task} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Figure;
}

const line = (label: string, m: Figure): void =>
  console.log(
    `${label.padEnd(44)} ${(m.ms / 1000).toFixed(2).padStart(6)} s  peak RSS ${mb(m.rss).padStart(7)}  ` +
      `(runs ${m.runs.map((t) => (t / 1000).toFixed(2)).join(', ')}; ${m.note})`,
  );

/** The organisation's export, one row in ten edited so the diff has work to do. */
async function sheetOf(path: string, rows: number): Promise<void> {
  const groups = seedLabelGroups();
  const contacts = seedContacts(rows, SEED, groups).map((c, i) =>
    i % 10 === 0 ? { ...c, remark: `edited ${i}`, title: 'Bench' } : c,
  );
  await writeContactsFile({ path, groups, contacts });
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dtload-xlsx-bench-'));
  try {
    const path = join(dir, 'contacts.xlsx');
    await sheetOf(path, ROWS);
    console.log(`${ROWS.toLocaleString('en')}-row xlsx, median of ${RUNS} runs, one process per line`);
    const bare = measure('bare', path, ROWS, RUNS);
    line('bare: exceljs stream read + contacts read', bare);
    const dry = measure('dry', path, ROWS, RUNS);
    line('dtload xlsx dry run (read+map+labels+diff)', dry);
    const ratio = dry.ms / bare.ms;
    console.log(
      `  xlsx dry run / (bare read + contacts read) = ${ratio.toFixed(2)}× (target ≤ 1.3×: ${ratio <= 1.3 ? 'met' : 'missed'}); ` +
        `peak RSS ${mb(dry.rss)} (target < 300 MB: ${dry.rss < 300 * 1024 ** 2 ? 'met' : 'missed'})`,
    );

    if (MAX_ROWS > 0) {
      const big = join(dir, 'max.xlsx');
      await sheetOf(big, MAX_ROWS);
      const max = measure('dry', big, MAX_ROWS, 1);
      line(`dtload xlsx dry run of ${(MAX_ROWS + 1).toLocaleString('en')} rows`, max);
      console.log(
        `  peak RSS of the ${(MAX_ROWS + 1).toLocaleString('en')}-row dry run: ${mb(max.rss)} ` +
          `(target ≤ 1 GB: ${max.rss <= 1024 ** 3 ? 'met' : 'missed'})`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) {
  const [task, path, rows, runs] = process.argv.slice(at + 1);
  await child(task as Task, path!, Number(rows), Number(runs));
} else await main();
