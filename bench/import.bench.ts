// CSV dry-run bench (issue 12 item 4, issue 15 item 3, issue 9 item 9). Each line is its own process (its
// peak RSS is its own), median of RUNS; wall time and the process's CPU time (user + system: steadier on a
// shared machine) are both printed. Prints, asserts nothing:
//  - a 100,000-row csv dry run (read + map + labels + merge + diff) against the bare work it cannot avoid:
//    papaparse's parse of the same file plus a read of the organisation's contacts. Target ≤ 2×. Printed
//    twice: the organisation in memory (dtload's CPU, plus generating the contacts as they are read, which
//    memory-org.ts does in both and a line measures alone) and over loopback HTTP (as dtload reads DingTalk).
//  - the plan stage (map, labels, merge, diff): what the dry run adds to the reader. Target ≥ 200k rows/s.
//  - peak RSS of the 100,000-row dry run. Target < 300 MB.
//  - name resolution: the same dry run with owner and sharing written as names, as ids, and with those
//    columns ignored, run in turn in one process (ratios within each round, median of the rounds). Target:
//    names add < 5% over ids (both checked against the same staff directory).
//  - a 1,048,575-row (Excel's maximum, ~200 MB) csv dry run: peak RSS. Target ≤ 1 GB, bounded.
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Contact } from '../shared/domain';
import type { MappingFile } from '../shared/import-types';
import { DirectoryService } from '../electron/core/directory';
import { writeContactsFile } from '../electron/core/export';
import { planImport, type ImportClient } from '../electron/core/import';
import { seedContacts, seedContactStream, seedDirectory, seedLabelGroups } from '../electron/core/sandbox';
import { openSheet } from '../electron/core/sheets';
import { mb, median, memoryClient } from './memory-org';
import { startSandboxProcess } from './sandbox-process';
import { createDingTalkClient } from '../electron/core/dingtalk';
import { memoryDirectory } from './memory-directory';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const MAX_ROWS = Number(process.env.BENCH_IMPORT_MAX_ROWS ?? 1_048_575);
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
const SEED = 1;
/** The owner and sharing columns as the export heads them (en): ignored, the dry run resolves nobody. */
const NO_PEOPLE: MappingFile = {
  Owner: 'ignore',
  'Shared with staff': 'ignore',
  'Shared with departments': 'ignore',
};

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

/** The same read of the organisation's contacts the dry run makes. */
async function bareContacts(client: ImportClient): Promise<number> {
  let n = 0;
  await client.listLabelGroups();
  for await (const _ of client.listContacts()) n++;
  return n;
}

type Task = 'org' | 'bare' | 'reader' | 'dry' | 'bare-http' | 'dry-http';

/**
 * The '-http' tasks read the organisation as dtload reads DingTalk: over loopback HTTP from the sandbox in a
 * process of its own (no rate limit), JSON parsed into fresh objects; the others from memory, which leaves
 * dtload's own CPU alone in the figure.
 */
async function httpClient(rows: number): Promise<{ client: ImportClient; close(): Promise<void> }> {
  const sb = await startSandboxProcess({ contacts: rows, seed: SEED });
  const client = createDingTalkClient({ baseUrl: sb.baseUrl, appKey: sb.appKey, appSecret: sb.appSecret });
  return { client, close: () => sb.close() };
}

interface Figure {
  ms: number;
  cpu: number;
  runs: number[];
  rss: number;
  note: string;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Remarks lengthened by `pad` words: the organisation of the ~200 MB sheet holds them too. */
const padded = (c: Contact, pad: number): Contact =>
  pad ? { ...c, remark: `${c.remark ?? ''} ${'note '.repeat(pad)}`.trim() } : c;

/** A dry run of one sheet, with an optional mapping: its wall and CPU milliseconds. */
async function timedDry(
  client: ImportClient,
  path: string,
  mapping?: MappingFile,
): Promise<[number, number]> {
  (globalThis as { gc?: () => void }).gc?.();
  const t = performance.now();
  const c = cpuMs();
  await planImport({ source: await openSheet(path), client, ...(mapping ? { mapping } : {}) });
  return [performance.now() - t, cpuMs() - c];
}

/** The three ways of writing owners and sharing, as three figures. */
interface PeopleFigures {
  ids: Figure;
  names: Figure;
  ignored: Figure;
  /** Each round's CPU ratio over the rounds: median and quartiles (how far this machine drifts). */
  namesOverIds: Spread;
  idsOverIgnored: Spread;
  namesOverIgnored: Spread;
}

interface Spread {
  median: number;
  low: number;
  high: number;
}

/** Median and quartiles. */
function spread(xs: number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.round(q * (s.length - 1)))]!;
  return { median: at(0.5), low: at(0.25), high: at(0.75) };
}

/**
 * Name resolution's cost, judged within one process: each round runs the ids sheet, the names sheet and
 * the ids sheet with those columns ignored back to back, and the ratios are taken within a round. Wall
 * and CPU times on this machine drift by a third over a minute; separate processes minutes apart measured
 * the drift more than the 5% in question.
 */
async function peopleChild(ids: string, names: string, rows: number, runs: number): Promise<void> {
  const groups = seedLabelGroups();
  const client = memoryClient(groups, () => seedContactStream(rows, SEED, groups));
  const times = { ids: [] as number[][], names: [] as number[][], ignored: [] as number[][] };
  // One round first, not counted: the code is compiled and the caches warm for all three alike.
  await timedDry(client, ids);
  for (let i = 0; i < runs; i++) {
    times.ids.push(await timedDry(client, ids));
    times.names.push(await timedDry(client, names));
    times.ignored.push(await timedDry(client, ids, NO_PEOPLE));
  }
  const fig = (xs: number[][], note: string): Figure => ({
    ms: median(xs.map((x) => x[0]!)),
    cpu: median(xs.map((x) => x[1]!)),
    runs: xs.map((x) => x[0]!),
    rss: 0,
    note,
  });
  const ratio = (a: number[][], b: number[][]): Spread => spread(a.map((x, i) => x[1]! / b[i]![1]!));
  const out: PeopleFigures = {
    ids: fig(times.ids, 'owners and sharing as ids'),
    names: fig(times.names, 'owners and sharing as names'),
    ignored: fig(times.ignored, 'owner and sharing columns ignored'),
    namesOverIds: ratio(times.names, times.ids),
    idsOverIgnored: ratio(times.ids, times.ignored),
    namesOverIgnored: ratio(times.names, times.ignored),
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

/** One measurement in this (child) process: medians of `runs`, then the peak RSS of the first run. */
async function child(task: Task, path: string, rows: number, runs: number, pad: number): Promise<void> {
  const http = task.endsWith('-http') ? await httpClient(rows) : undefined;
  let client: ImportClient;
  if (http) client = http.client;
  else {
    const groups = seedLabelGroups();
    client = memoryClient(groups, function* () {
      for (const c of seedContactStream(rows, SEED, groups)) yield padded(c, pad);
    });
  }
  let note = '';
  let rss = 0;
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    const c = cpuMs();
    if (task === 'org') note = `${await bareContacts(client)} contacts read`;
    else if (task === 'bare' || task === 'bare-http') {
      const read = await bareCsv(path);
      note = `${read} rows parsed, ${await bareContacts(client)} contacts read`;
    } else if (task === 'reader') {
      // As planning reads it (openSheet's sources have batches): a chunk of rows per await.
      let n = 0;
      const source = await openSheet(path);
      for await (const batch of source.batches!()) n += batch.length;
      note = `${n} rows`;
    } else {
      const plan = await planImport({ source: await openSheet(path), client });
      note = `${plan.summary.update} updates, ${plan.summary.unchanged} unchanged, ${plan.summary.invalid} invalid`;
    }
    times.push(performance.now() - t);
    cpus.push(cpuMs() - c);
    // Peak RSS of the first run: later runs add the garbage of earlier ones, which a real import has not.
    if (i === 0) rss = process.resourceUsage().maxRSS * 1024;
  }
  await http?.close();
  const figure: Figure = { ms: median(times), cpu: median(cpus), runs: times, rss, note };
  process.stdout.write(JSON.stringify(figure) + '\n');
}

/** Rounds of the interleaved name-resolution comparison. */
const PEOPLE_ROUNDS = Number(process.env.BENCH_IMPORT_PEOPLE_ROUNDS ?? 11);

function measurePeople(ids: string, names: string): PeopleFigures {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--expose-gc',
      self,
      '--child',
      'people',
      ids,
      String(ROWS),
      String(PEOPLE_ROUNDS),
      names,
    ],
    { encoding: 'utf8', env: process.env, maxBuffer: 16 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`bench child people failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as PeopleFigures;
}

function measure(task: Task, path: string, rows = ROWS, runs = RUNS, pad = 0): Figure {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', self, '--child', task, path, String(rows), String(runs), String(pad)],
    { encoding: 'utf8', env: process.env, maxBuffer: 16 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`bench child ${task} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Figure;
}

const line = (label: string, m: Figure): void =>
  console.log(
    `${label.padEnd(46)} ${(m.ms / 1000).toFixed(2).padStart(6)} s (cpu ${(m.cpu / 1000).toFixed(2)} s)  ` +
      `peak RSS ${mb(m.rss).padStart(7)}  (runs ${m.runs.map((t) => (t / 1000).toFixed(2)).join(', ')}; ${m.note})`,
  );

const ratio = (a: Figure, b: Figure): string =>
  `${(a.ms / b.ms).toFixed(2)}× (cpu ${(a.cpu / b.cpu).toFixed(2)}×)`;

/** The organisation's export, one row in ten edited so the diff has work to do; `pad` lengthens remarks. */
async function sheetOf(
  path: string,
  rows: number,
  opts: { names?: boolean; pad?: number } = {},
): Promise<void> {
  const groups = seedLabelGroups();
  const contacts = seedContacts(rows, SEED, groups).map((c, i): Contact =>
    i % 10 === 0
      ? { ...c, remark: `edited ${i}`, title: 'Bench' }
      : opts.pad
        ? { ...c, remark: `${c.remark ?? ''} ${'note '.repeat(opts.pad)}`.trim() }
        : c,
  );
  let people;
  if (opts.names) {
    const dir = await new DirectoryService(memoryDirectory(seedDirectory())).get();
    people = { person: (u: string) => dir.personLabel(u), department: (d: number) => dir.departmentLabel(d) };
  }
  await writeContactsFile({ path, groups, contacts, ...(people ? { people } : {}) });
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dtload-import-bench-'));
  try {
    const ids = join(dir, 'contacts.csv');
    const names = join(dir, 'contacts-names.csv');
    await sheetOf(ids, ROWS);
    await sheetOf(names, ROWS, { names: true });
    console.log(`${ROWS.toLocaleString('en')}-row csv, median of ${RUNS} runs, one process per line`);
    const bare = measure('bare', ids);
    line('bare: papaparse parse + contacts read', bare);
    const reader = measure('reader', ids);
    line('dtload csv reader only', reader);
    const dry = measure('dry', ids);
    line('dtload csv dry run (owners/shares as ids)', dry);
    // The organisation is generated as it is read (memory-org.ts), in the bare line and the dry run alike:
    // it stands for reading DingTalk's pages (parsing their JSON).
    const org = measure('org', ids);
    line('  of which: generating the contacts read', org);
    console.log(
      `  csv dry run / (bare parse + contacts read) = ${ratio(dry, bare)} (target ≤ 2×: ${dry.ms / bare.ms <= 2 ? 'met' : 'missed'}); ` +
        `reader / bare = ${ratio(reader, bare)}; peak RSS ${mb(dry.rss)} (target < 300 MB: ${dry.rss < 300 * 1024 ** 2 ? 'met' : 'missed'})`,
    );

    // As dtload meets DingTalk: the contacts read over loopback HTTP (JSON parsed), in both lines.
    const bareHttp = measure('bare-http', ids);
    line('bare over HTTP: papaparse + contacts read', bareHttp);
    const dryHttp = measure('dry-http', ids);
    line('dtload csv dry run over HTTP', dryHttp);
    console.log(
      `  over HTTP, csv dry run / (bare parse + contacts read) = ${ratio(dryHttp, bareHttp)} ` +
        `(against the organisation in memory above: ${ratio(dry, bare)}, dtload's CPU alone)`,
    );

    // The plan stage (map, labels, merge, diff, and the contacts read) is what the dry run adds to the reader.
    const stage = (f: 'ms' | 'cpu', minus = 0): number => ROWS / ((dry[f] - reader[f] - minus) / 1000);
    console.log(
      `  plan stage (dry run − reader): ${Math.round(stage('ms')).toLocaleString('en')} rows/s ` +
        `(cpu ${Math.round(stage('cpu')).toLocaleString('en')} rows/s; target ≥ 200,000: ${stage('ms') >= 200_000 ? 'met' : 'missed'}); ` +
        `without generating the contacts: cpu ${Math.round(stage('cpu', org.cpu)).toLocaleString('en')} rows/s`,
    );

    // Name resolution is what a sheet of names costs over the same sheet with ids (which are checked against
    // the same directory, so both read it); reading owner and sharing at all is the ids sheet against the
    // dry run that ignores those columns. The three run in turn in one process (see peopleChild), and CPU
    // time judges the target.
    const people = measurePeople(ids, names);
    for (const [label, f] of [
      ['ids', people.ids],
      ['names', people.names],
      ['ignored', people.ignored],
    ] as const)
      console.log(
        `dry run, owners/shares ${label.padEnd(7)} (in turn, one process) ${(f.ms / 1000).toFixed(2).padStart(6)} s (cpu ${(f.cpu / 1000).toFixed(2)} s)  ` +
          `(runs ${f.runs.map((t) => (t / 1000).toFixed(2)).join(', ')})`,
      );
    const pct = (r: number): string => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)}%`;
    const range = (r: Spread): string => `${pct(r.median)} (quartiles ${pct(r.low)} … ${pct(r.high)})`;
    console.log(
      `  name resolution (names against ids, cpu, median of ${PEOPLE_ROUNDS} rounds): ${range(people.namesOverIds)} ` +
        `(target < 5%: ${people.namesOverIds.median < 1.05 ? 'met' : 'missed'}); ` +
        `owner and sharing columns read at all (ids against ignored): ${range(people.idsOverIgnored)}; ` +
        `names against ignored: ${range(people.namesOverIgnored)}`,
    );

    if (MAX_ROWS > 0) {
      const big = join(dir, 'max.csv');
      const pad = 14;
      await sheetOf(big, MAX_ROWS, { pad });
      const size = (await stat(big)).size;
      const max = measure('dry', big, MAX_ROWS, 1, pad);
      line(`csv dry run of ${(MAX_ROWS + 1).toLocaleString('en')} rows (${mb(size)})`, max);
      console.log(
        `  peak RSS of the ${mb(size)}, ${(MAX_ROWS + 1).toLocaleString('en')}-row csv dry run: ${mb(max.rss)} ` +
          `(target ≤ 1 GB: ${max.rss <= 1024 ** 3 ? 'met' : 'missed'})`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) {
  const [task, path, rows, runs, extra] = process.argv.slice(at + 1);
  if (task === 'people') await peopleChild(path!, extra!, Number(rows), Number(runs));
  else await child(task as Task, path!, Number(rows), Number(runs), Number(extra ?? 0));
} else await main();
