import type { JobState } from '../../shared/domain';
// The engine's pure parts: limiter, backoff, progress coalescing, job ids, journal parsing and redaction.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../electron/core/engine/backoff';
import { RateLimiter } from '../../electron/core/engine/limiter';
import { coalesce, etaSeconds, RateMeter } from '../../electron/core/engine/progress';
import {
  createJobFiles,
  JournalWriter,
  listJobs,
  newJobId,
  parseJournal,
  readJob,
  redactSecrets,
} from '../../electron/core/engine/journal';
import { testMeta } from './fixtures/plans';

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('RateLimiter', () => {
  it('spaces calls so no second holds more than maxQps', async () => {
    const limiter = new RateLimiter({ maxQps: 50 });
    const times: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 60 }, async () => {
        await limiter.acquire('update');
        times.push(performance.now() - t0);
      }),
    );
    times.sort((a, b) => a - b);
    // 60 calls at ≤ 50/s take at least 59 intervals of 20 ms.
    expect(times[59]! - times[0]!).toBeGreaterThanOrEqual(59 * 20 - 25);
    // 51 calls never fit in one second (a few ms of slack for timer and promise jitter in the measuring).
    for (let i = 0; i + 50 < times.length; i++) {
      expect(times[i + 50]! - times[i]!).toBeGreaterThanOrEqual(975);
    }
  });

  it('makes up the slots a stalled event loop missed, within the sliding window', async () => {
    let now = 0;
    const limiter = new RateLimiter({ maxQps: 50, now: () => now });
    let released = 0;
    for (let i = 0; i < 120; i++) void limiter.acquire('list').then(() => released++);
    await wait(5);
    expect(released).toBe(1); // the first at once, the rest 20.4 ms apart
    now = 100; // the event loop stalled for 100 ms: four slots passed meanwhile
    await wait(40);
    expect(released).toBe(5); // all four go as soon as it runs again, not one and the rest lost
    // A long stall: at most 49 calls (50/s with its headroom) in any 1050 ms, however far behind.
    now = 5000;
    await wait(40);
    expect(released).toBe(5 + 5); // CATCH_UP_MS (100 ms) of missed slots, not five seconds of them
    for (let t = 5000; t < 6100; t += 20.4) {
      now = t;
      await wait(2);
    }
    expect(released).toBeLessThanOrEqual(10 + 49);
  });

  it('keeps endpoints apart', async () => {
    const limiter = new RateLimiter({ maxQps: 5 });
    await limiter.acquire('update');
    const t0 = performance.now();
    await limiter.acquire('list'); // another endpoint's budget: no wait
    expect(performance.now() - t0).toBeLessThan(20);
  });

  it('halves on a throttle, then climbs back additively to maxQps', () => {
    let now = 0;
    const limiter = new RateLimiter({ maxQps: 40, now: () => now });
    expect(limiter.rate('update')).toBe(40);
    expect(limiter.onThrottle('update')).toBe(20);
    // More throttles from calls already in flight within the same second do not halve again.
    expect(limiter.onThrottle('update')).toBe(20);
    expect(limiter.rate('list')).toBe(40);
    now += 1000;
    expect(limiter.rate('update')).toBeCloseTo(28, 0); // +40/5 per second
    now += 1000;
    expect(limiter.rate('update')).toBeCloseTo(36, 0);
    // Capped by the learned ceiling (95% of the refused rate), which itself creeps back to maxQps slowly.
    now += 1000;
    expect(limiter.rate('update')).toBeLessThan(40);
    now += 120_000;
    expect(limiter.rate('update')).toBe(40);
  });

  it('learns the limit the server really enforces from the calls it accepted', () => {
    let now = 0;
    const limiter = new RateLimiter({ maxQps: 40, now: () => now });
    // The server accepted 30 calls in the last second, then throttled.
    for (let i = 0; i < 30; i++) {
      now += 33;
      limiter.onSuccess('update');
    }
    limiter.onThrottle('update');
    now += 10_000;
    const rate = limiter.rate('update');
    expect(rate).toBeGreaterThan(28);
    expect(rate).toBeLessThan(31); // not back at 40: the ceiling stays near 30 and creeps up slowly
  });

  it('never goes under the floor', () => {
    let now = 0;
    const limiter = new RateLimiter({ maxQps: 4, now: () => now });
    for (let i = 0; i < 10; i++) {
      limiter.onThrottle('create');
      now += 1001;
    }
    expect(limiter.rate('create')).toBeGreaterThanOrEqual(1);
    expect(limiter.rate('create')).toBeLessThan(4);
  });

  it('is a no-op without a limit', async () => {
    const limiter = new RateLimiter({ maxQps: Infinity });
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) await limiter.acquire('update');
    expect(performance.now() - t0).toBeLessThan(100);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially with jitter, capped', () => {
    const opts = { baseMs: 100, capMs: 1000 };
    expect(backoffDelay(1, { ...opts, random: () => 0 })).toBe(50);
    expect(backoffDelay(1, { ...opts, random: () => 1 })).toBe(100);
    expect(backoffDelay(3, { ...opts, random: () => 1 })).toBe(400);
    expect(backoffDelay(10, { ...opts, random: () => 1 })).toBe(1000);
    expect(backoffDelay(10, { ...opts, random: () => 0 })).toBe(500);
  });
});

describe('progress', () => {
  it('coalesces to one event per interval and always delivers the last', async () => {
    const seen: number[] = [];
    const c = coalesce<number>((v) => seen.push(v), 100);
    const t0 = performance.now();
    let i = 0;
    while (performance.now() - t0 < 450) {
      c.push(i++);
      await wait(1);
    }
    c.flush(-1);
    expect(i).toBeGreaterThan(20);
    expect(seen.length).toBeLessThanOrEqual(7); // ~450 ms / 100 ms + the first + the final
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toBe(-1);
    await wait(150);
    expect(seen.at(-1)).toBe(-1); // nothing pending fires after the final one
  });

  it('measures a recent rate and an ETA', () => {
    let now = 0;
    const m = new RateMeter(5000, () => now);
    for (let t = 0; t < 4000; t += 100) {
      now = t;
      m.add(2); // 20 per second
    }
    expect(m.perSecond()).toBeGreaterThan(18);
    expect(m.perSecond()).toBeLessThan(22);
    expect(etaSeconds(100, 20)).toBe(5);
    expect(etaSeconds(100, 0)).toBeNull();
    expect(etaSeconds(0, 0)).toBe(0);
  });
});

describe('journal', () => {
  it('makes sortable job ids', () => {
    const a = newJobId(new Date(Date.UTC(2026, 10, 21, 17, 45, 1)));
    expect(a).toMatch(/^20261121-174501-[0-9a-f]{4}$/);
    const b = newJobId(new Date(Date.UTC(2026, 10, 21, 17, 45, 2)));
    expect([b, a].sort()).toEqual([a, b]);
  });

  it('redacts secret-looking keys at any depth', () => {
    const out = redactSecrets({ a: 1, appSecret: 'x', nested: [{ access_token: 't', ok: 'y' }] });
    expect(JSON.stringify(out)).not.toMatch(/"x"|"t"/);
    expect(out.nested[0]!.ok).toBe('y');
  });

  it('skips a torn line and takes the latest result of a row', () => {
    const lines = [
      { t: 'header', v: 1, jobId: 'j', meta: testMeta(), total: 3, createdAt: 'x' },
      { t: 'run', at: 'x', pid: 1, resumed: false, maxQps: 20, concurrency: 2 },
      { t: 'window', upTo: 3 },
      { t: 'row', seq: 0, row: 2, kind: 'delete', userId: 'a', status: 'skipped', attempts: 0 },
      { t: 'row', seq: 0, row: 2, kind: 'delete', userId: 'a', status: 'ok', attempts: 1 },
    ].map((r) => JSON.stringify(r));
    const j = parseJournal(lines.join('\n') + '\n{"t":"row","seq":1,"ro');
    expect(j.results.size).toBe(1);
    expect(j.results.get(0)!.status).toBe('ok');
    expect(j.end).toBeUndefined();
    expect(j.lastWindow).toBe(3);
  });

  it('lists jobs with their state and writes no secret', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dtload-journal-'));
    const plan = [{ seq: 0, row: 2, kind: 'delete' as const, userId: 'u1' }];
    const meta = { ...testMeta(), options: { appSecret: 'very-secret', match: 'user_id' } };
    await createJobFiles(dataDir, '20260101-000000-aaaa', meta, plan);
    await createJobFiles(dataDir, '20260102-000000-bbbb', testMeta(), plan);
    const w = await JournalWriter.open(join(dataDir, 'jobs', '20260102-000000-bbbb', 'journal.ndjson'));
    w.append({ t: 'row', seq: 0, row: 2, kind: 'delete', userId: 'u1', status: 'ok', attempts: 1 });
    const summary = { total: 1, ok: 1, failed: 0, skipped: 0 };
    // An end record as earlier versions wrote it ('done'): listed in today's words.
    w.append({ t: 'end', at: new Date().toISOString(), state: 'done' as JobState, summary });
    await w.close();
    const jobs = await listJobs(dataDir);
    expect(jobs.map((j) => [j.jobId, j.state, j.ok])).toEqual([
      ['20260102-000000-bbbb', 'finished', 1],
      ['20260101-000000-aaaa', 'interrupted', 0],
    ]);
    const text = await readFile(join(dataDir, 'jobs', '20260101-000000-aaaa', 'journal.ndjson'), 'utf8');
    expect(text).not.toContain('very-secret');
    // A torn tail is repaired on the next open, so later records stay readable.
    const path = join(dataDir, 'jobs', '20260101-000000-aaaa', 'journal.ndjson');
    await writeFile(path, text + '{"t":"row","se', { flag: 'w' });
    const w2 = await JournalWriter.open(path);
    w2.append({
      t: 'row',
      seq: 0,
      row: 2,
      kind: 'delete',
      userId: 'u1',
      status: 'failed',
      errcode: 33012,
      attempts: 1,
    });
    await w2.close();
    const job = await readJob(dataDir, '20260101-000000-aaaa');
    expect(job.results).toHaveLength(1);
    expect(job.results[0]!.errcode).toBe(33012);
    expect(job.plan).toEqual(plan);
    await expect(createJobFiles(dataDir, '20260101-000000-aaaa', testMeta(), plan)).rejects.toThrow();
  });
});
