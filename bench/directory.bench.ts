// Staff directory bench (issue 9, item 9): a directory of 10,000 staff in 1,000 departments read through
// the engine's scheduler from the sandbox (in-process fetch), as a ratio of the rate limit: the ideal time
// is the busiest endpoint's calls / maxQps (listsub and listsimple have separate budgets). Target ≥ 0.9.
// Prints medians of several runs; asserts nothing.
import { createDingTalkClient } from '../electron/core/dingtalk';
import { DirectoryService } from '../electron/core/directory';
import { createScheduler } from '../electron/core/engine';
import { startSandbox } from '../electron/core/sandbox';

const STAFF = Number(process.env.BENCH_DIR_STAFF ?? 10_000);
const DEPTS = Number(process.env.BENCH_DIR_DEPTS ?? 1_000);
const QPS = Number(process.env.BENCH_DIR_QPS ?? 200);
const RUNS = Number(process.env.BENCH_DIR_RUNS ?? 3);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const sb = await startSandbox({
    listen: false,
    contacts: 0,
    directory: { staff: STAFF, departments: DEPTS },
    // DingTalk's own count per endpoint and second: a call over it answers 90018 (counted below).
    limits: { perSecond: QPS },
  });
  const ratios: number[] = [];
  const times: number[] = [];
  let calls = { listsub: 0, listsimple: 0 };
  let throttled = 0;
  for (let i = 0; i < RUNS; i++) {
    const before = sb.callCounts();
    const direct = createDingTalkClient({
      baseUrl: sb.baseUrl,
      appKey: sb.appKey,
      appSecret: sb.appSecret,
      fetch: sb.fetch,
    });
    const scheduler = createScheduler({ maxQps: QPS });
    const client = direct.withScheduler(scheduler);
    const t = performance.now();
    const dir = await new DirectoryService(client).get();
    const ms = performance.now() - t;
    throttled += scheduler.stats().throttled;
    const after = sb.callCounts();
    calls = { listsub: after.listsub - before.listsub, listsimple: after.listsimple - before.listsimple };
    if (dir.staff.size !== STAFF) throw new Error(`read ${dir.staff.size} staff, expected ${STAFF}`);
    const idealMs = (Math.max(calls.listsub, calls.listsimple) / QPS) * 1000;
    times.push(ms);
    ratios.push(idealMs / ms);
  }
  await sb.close();
  const r = median(ratios);
  console.log(
    `directory read: ${STAFF.toLocaleString('en')} staff in ${DEPTS.toLocaleString('en')} departments, ` +
      `${calls.listsub} listsub + ${calls.listsimple} listsimple calls at ${QPS}/s per endpoint, median of ${RUNS}`,
  );
  console.log(
    `  ${(median(times) / 1000).toFixed(2)} s (runs ${times.map((t) => (t / 1000).toFixed(2)).join(', ')}); ` +
      `rate / limit = ${r.toFixed(3)} (target ≥ 0.9: ${r >= 0.9 ? 'met' : 'NOT met'}); ${throttled} throttled`,
  );
}

await main();
