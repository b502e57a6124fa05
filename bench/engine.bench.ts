// Engine bench: (1) throughput against a sandbox limited to 30 calls/s per endpoint over loopback HTTP,
// (2) a naive (one call at a time, no limiter) and a burst (unbounded concurrency) baseline against the same
// limit, (3) engine overhead on a 100,000-row plan against the in-process sandbox with no limit.
// Targets: (1) calls/s ÷ 30 ≥ 0.9 with ≤ 1% throttled; (3) ≥ 5,000 rows/s, peak RSS < 300 MB.
// Prints figures, asserts nothing. Sizes: BENCH_ENGINE_UPDATES (3000), BENCH_ENGINE_ROWS (100000).
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Contact, ContactUpdate, RowOp } from '../shared/domain';
import { createDingTalkClient, isDingTalkError, type DingTalkClient } from '../electron/core/dingtalk';
import {
  isThrottleErrcode,
  startJob,
  type CallScheduler,
  type EngineClient,
  type JobMeta,
} from '../electron/core/engine';
import { startSandbox, type SandboxHandle } from '../electron/core/sandbox';

const LIMIT = 30;
const UPDATES = Number(process.env.BENCH_ENGINE_UPDATES ?? 3000);
const BASELINE_UPDATES = Math.min(UPDATES, 300);
const ROWS = Number(process.env.BENCH_ENGINE_ROWS ?? 100_000);
const OVERHEAD_RUNS = 3;

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const meta = (source: string): JobMeta => ({
  kind: 'import',
  source,
  mode: 'apply',
  options: {},
  createdAt: new Date().toISOString(),
});

const body = (c: Contact, i: number): ContactUpdate => ({
  user_id: c.userid,
  name: c.name,
  follower_user_id: c.follower_user_id,
  label_ids: c.label_ids,
  title: `Bench ${i}`,
});

function updatePlan(contacts: Contact[], n: number, tag: number): RowOp[] {
  return Array.from({ length: n }, (_, i) => {
    const c = contacts[i % contacts.length]!;
    return {
      seq: i,
      row: i + 2,
      kind: 'update' as const,
      userId: c.userid,
      body: body(c, tag * 1_000_000 + i),
    };
  });
}

const clientFor = (sb: SandboxHandle, inProcess = false): DingTalkClient =>
  createDingTalkClient({
    baseUrl: sb.baseUrl,
    appKey: sb.appKey,
    appSecret: sb.appSecret,
    ...(inProcess ? { fetch: sb.fetch, timeoutMs: Number(process.env.BENCH_TIMEOUT_MS ?? 15000) } : {}),
  });

interface Figures {
  label: string;
  /** Wall time of the whole run (job files, token, calls). */
  seconds: number;
  /** From the first to the last write the sandbox received: the rate DingTalk would see. */
  serverSeconds: number;
  accepted: number;
  calls: number;
  throttled: number;
}

function figures(label: string, sb: SandboxHandle, seconds: number): Figures {
  const log = sb.writeLog;
  const span = log.length > 1 ? (log.at(-1)!.at - log[0]!.at) / 1000 : seconds;
  const calls = sb.callCounts().update;
  const throttled = sb.throttledCount();
  // n calls spaced evenly span n - 1 intervals.
  const serverSeconds = (span * log.length) / Math.max(1, log.length - 1);
  return { label, seconds, serverSeconds, accepted: calls - throttled, calls, throttled };
}

function print(f: Figures): void {
  const wall = f.accepted / f.seconds;
  const server = f.accepted / f.serverSeconds;
  console.log(
    `${f.label.padEnd(40)} ${server.toFixed(1).padStart(6)} calls/s accepted ÷${LIMIT} = ${(server / LIMIT).toFixed(3)}` +
      `  (wall time incl. job start: ${wall.toFixed(1)}/s = ${(wall / LIMIT).toFixed(3)})` +
      `   throttled ${f.throttled} of ${f.calls} calls = ${pct(f.throttled / Math.max(1, f.calls))}   ${f.seconds.toFixed(1)} s`,
  );
}

async function limitedSandbox(): Promise<SandboxHandle> {
  return startSandbox({ contacts: 1000, limits: { perSecond: LIMIT } });
}

async function engineRun(label: string, maxQps: number, rows: number, dataDir: string): Promise<Figures> {
  const sb = await limitedSandbox();
  try {
    const plan = updatePlan(sb.contacts(), rows, 1);
    await clientFor(sb).checkCredentials(); // the token is not part of the figure
    const t0 = performance.now();
    const out = await startJob({
      client: clientFor(sb),
      dataDir,
      plan,
      meta: meta(label),
      maxQps,
      concurrency: 8,
    }).done;
    const seconds = (performance.now() - t0) / 1000;
    if (out.summary.ok !== rows) console.log(`  (${label}: ${out.summary.failed} rows failed)`);
    return figures(label, sb, seconds);
  } finally {
    await sb.close();
  }
}

/** A plain loop: retry a throttled call after a fixed pause, as naive code would. */
async function baseline(label: string, concurrency: number): Promise<Figures> {
  const sb = await limitedSandbox();
  try {
    const client = clientFor(sb);
    await client.checkCredentials();
    const plan = updatePlan(sb.contacts(), BASELINE_UPDATES, 2);
    const sendOne = async (op: RowOp): Promise<void> => {
      for (;;) {
        try {
          if (op.kind === 'update') await client.updateContact(op.body);
          return;
        } catch (e) {
          if (!isDingTalkError(e) || !isThrottleErrcode(e.errcode)) throw e;
          await sleep(100);
        }
      }
    };
    const t0 = performance.now();
    if (concurrency === 1) for (const op of plan) await sendOne(op);
    else await Promise.all(plan.map(sendOne));
    return figures(label, sb, (performance.now() - t0) / 1000);
  } finally {
    await sb.close();
  }
}

/** A client that answers at once, to measure the engine alone (scheduler, p-limit, journal, results). */
function instantClient(scheduler?: CallScheduler): EngineClient {
  return {
    updateContact: (b) =>
      scheduler ? scheduler.run('update', async () => void JSON.stringify(b)) : Promise.resolve(),
    createContact: () => Promise.resolve('new'),
    deleteContact: () => Promise.resolve(),
    getContact: () => Promise.reject(new Error('not read in this benchmark')),
    // eslint-disable-next-line require-yield
    listContacts: async function* () {
      return;
    },
    withScheduler: (s) => instantClient(s),
  };
}

async function timedRuns(
  label: string,
  runs: number,
  once: (run: number) => Promise<void>,
  rows = ROWS,
): Promise<void> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    await once(run);
    times.push((performance.now() - t0) / 1000);
  }
  const m = median(times);
  console.log(
    `${label.padEnd(48)} ${(rows / m).toFixed(0).padStart(7)} rows/s median ` +
      `(runs: ${times.map((t) => (rows / t).toFixed(0)).join(', ')})   peak RSS so far ${mb(peakRss())}`,
  );
}

async function overhead(dataDir: string): Promise<void> {
  console.log(`engine overhead, ${ROWS} updates, no rate limit (targets ≥ 5000 rows/s, < 300 MB):`);
  const synthetic = Array.from({ length: ROWS }, (_, i) => ({
    seq: i,
    row: i + 2,
    kind: 'update' as const,
    userId: `u${i}`,
    body: { user_id: `u${i}`, name: 'Name', follower_user_id: 'staff', label_ids: [1, 2], title: `T${i}` },
  }));
  await timedRuns('engine alone (client answering at once)', OVERHEAD_RUNS, async () => {
    const out = await startJob({
      client: instantClient(),
      dataDir,
      plan: synthetic,
      meta: meta('engine'),
      maxQps: Infinity,
      concurrency: 32,
    }).done;
    if (out.summary.ok !== ROWS) console.log(`  (${out.summary.failed} rows failed)`);
  });

  // The headline figure: each run in a fresh process, so its peak RSS is that job's (the organisation of
  // 100,000 contacts in the in-process sandbox, the plan, the journal, the results), not the engine-alone
  // run's plan above or an earlier run's garbage.
  const runs = Array.from({ length: OVERHEAD_RUNS }, (_, i) => isolatedRun(10 + i));
  const rate = median(runs.map((r) => r.rowsPerSecond));
  const rss = median(runs.map((r) => r.peakRss));
  console.log(
    `${'engine + client + in-process sandbox (sandbox.fetch)'.padEnd(48)} ${rate.toFixed(0).padStart(7)} rows/s median ` +
      `(runs: ${runs.map((r) => r.rowsPerSecond.toFixed(0)).join(', ')})   peak RSS median ${mb(rss)} ` +
      `(runs: ${runs.map((r) => mb(r.peakRss)).join(', ')}; one process per run)`,
  );
  console.log(
    `  targets: ≥ 5000 rows/s ${rate >= 5000 ? 'met' : 'missed'}, < 300 MB ${rss < 300 * 1024 * 1024 ? 'met' : 'missed'}`,
  );
}

interface IsolatedFigures {
  rowsPerSecond: number;
  peakRss: number;
}

/** One 100,000-row job against an in-process sandbox, in a child process of its own. */
function isolatedRun(tag: number): IsolatedFigures {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, BENCH_ENGINE_CHILD: String(tag) },
    encoding: 'utf8',
  });
  const last = r.stdout.trim().split('\n').at(-1);
  if (r.status !== 0 || !last) throw new Error(`bench child failed: ${r.stderr.split('\n')[0]}`);
  return JSON.parse(last) as IsolatedFigures;
}

async function isolatedChild(dataDir: string, tag: number): Promise<void> {
  const sb = await startSandbox({ contacts: Math.min(ROWS, 100_000), listen: false });
  // The sandbox keeps every write body in its log (for tests); empty it as we go so the figures are not
  // the fixture's log growing.
  const trim = setInterval(() => (sb.writeLog.length = 0), 100);
  const plan = updatePlan(sb.contacts(), ROWS, tag);
  const t0 = performance.now();
  const out = await startJob({
    client: clientFor(sb, true),
    dataDir,
    plan,
    meta: meta('overhead'),
    maxQps: Infinity,
    concurrency: 32,
  }).done;
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(trim);
  await sb.close();
  if (out.summary.ok !== ROWS) console.error(`(${out.summary.failed} rows failed)`);
  const figures: IsolatedFigures = { rowsPerSecond: ROWS / seconds, peakRss: peakRss() };
  console.log(JSON.stringify(figures));
}

const dataDir = await mkdtemp(join(tmpdir(), 'dtload-bench-engine-'));
try {
  const only = process.env.BENCH_ENGINE_ONLY ?? '';
  if (process.env.BENCH_ENGINE_CHILD) await isolatedChild(dataDir, Number(process.env.BENCH_ENGINE_CHILD));
  else if (!only || only === 'overhead') await overhead(dataDir);
  if (!process.env.BENCH_ENGINE_CHILD && (!only || only === 'throughput')) {
    console.log(
      `\nthroughput against a sandbox limited to ${LIMIT} calls/s per endpoint (HTTP on 127.0.0.1):`,
    );
    print(await engineRun(`engine --max-qps ${LIMIT}, ${UPDATES} updates`, LIMIT, UPDATES, dataDir));
    const probe = Math.min(UPDATES, 600);
    print(await engineRun(`engine --max-qps 40 (adaptive), ${probe}`, 40, probe, dataDir));
    print(await baseline(`naive (1 at a time), ${BASELINE_UPDATES} updates`, 1));
    print(await baseline(`burst (all at once), ${BASELINE_UPDATES} updates`, Infinity));
    console.log('(targets for the engine at the limit: ÷30 ≥ 0.9, throttled ≤ 1%)');
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
