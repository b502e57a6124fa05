// Import pipeline bench: 100,000 rows of xlsx and CSV through reader + mapping + label resolution + diff
// against in-memory current contacts, next to a bare exceljs streaming / papaparse read of the same file.
// Targets: pipeline ≤ 1.5× the bare read, peak RSS < 500 MB. Prints figures, asserts nothing.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Contact, LabelGroup } from '../shared/domain';
import { writeContactsFile } from '../electron/core/export';
import { planImport, type ImportClient, type SheetSource } from '../electron/core/import';
import { seedContacts, seedLabelGroups } from '../electron/core/sandbox';
import { openSheet } from '../electron/core/sheets';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const RUNS = 3;

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

async function medianOf(label: string, f: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    times.push(await timed(f));
  }
  const m = median(times);
  console.log(
    `${label.padEnd(44)} ${(m / 1000).toFixed(2)} s  (runs: ${times.map((t) => (t / 1000).toFixed(2)).join(', ')})`,
  );
  return m;
}

/** The organisation as DingTalk would answer it, served from memory (no HTTP: this measures our code). */
function memoryClient(groups: LabelGroup[], contacts: Contact[]): ImportClient {
  const byId = new Map(contacts.map((c) => [c.userid, c]));
  return {
    listLabelGroups: async () => groups,
    async *listContacts() {
      yield* contacts;
    },
    getContact: async (id) => {
      const c = byId.get(id);
      if (!c) throw Object.assign(new Error('not found'), { errcode: 60121 });
      return c;
    },
  };
}

async function bareXlsx(path: string): Promise<number> {
  let n = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache' });
  for await (const ws of reader) {
    for await (const row of ws) {
      const cells: string[] = [];
      (row as ExcelJS.Row).eachCell(
        { includeEmpty: true },
        (cell) => void cells.push(String(cell.value ?? '')),
      );
      n += cells.length > 0 ? 1 : 0;
    }
  }
  return n;
}

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

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dtload-import-bench-'));
  try {
    const groups = seedLabelGroups();
    const current = seedContacts(ROWS, 1, groups);
    // The sheet: the export of the organisation with one in ten rows edited, so the diff has work to do.
    const edited = current.map((c, i) =>
      i % 10 === 0 ? { ...c, remark: `edited ${i}`, title: 'Bench' } : c,
    );
    const files = { xlsx: join(dir, 'contacts.xlsx'), csv: join(dir, 'contacts.csv') };
    for (const path of Object.values(files)) await writeContactsFile({ path, groups, contacts: edited });
    const client = memoryClient(groups, current);
    console.log(
      `${ROWS.toLocaleString('en')} rows, ${groups.length} label groups; peak RSS after set-up ${mb(peakRss())}`,
    );

    for (const [format, path] of Object.entries(files)) {
      const bare = await medianOf(
        `bare ${format} read (${format === 'xlsx' ? 'exceljs stream' : 'papaparse'})`,
        () => (format === 'xlsx' ? bareXlsx(path) : bareCsv(path)),
      );
      let updates = 0;
      const pipeline = await medianOf(`pipeline ${format} (read+map+labels+diff)`, async () => {
        const plan = await planImport({ source: await openSheet(path), client });
        updates = plan.summary.update;
      });
      console.log(
        `  ${format}: ${updates} updates planned; pipeline / bare = ${(pipeline / bare).toFixed(2)}× (target ≤ 1.5×)`,
      );
    }

    // The diff alone: rows already in memory, current state in memory.
    const rows = (await openSheet(files.csv)).info;
    const cells: { row: number; cells: string[] }[] = [];
    for await (const r of (await openSheet(files.csv)).rows()) cells.push(r);
    const source: SheetSource = {
      info: rows,
      async *rows() {
        yield* cells;
      },
    };
    await medianOf(`diff of ${ROWS.toLocaleString('en')} rows (mapping+labels+merge)`, () =>
      planImport({ source, client }),
    );
    const peak = peakRss();
    console.log(`peak RSS ${mb(peak)} (target < 500 MB)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
