// The scheduler on its own: retries by errcode class, ambiguous outcomes, IP bans, throttles, aborts.
// Attempts throw the client's own DingTalkError values, as the client would.
import { describe, expect, it } from 'vitest';
import { DingTalkError, type DingTalkErrorInit } from '../../electron/core/dingtalk';
import { CallAbortedError, createScheduler, type CallTrace } from '../../electron/core/engine';

const err = (init: Partial<DingTalkErrorInit> & Pick<DingTalkErrorInit, 'errcode'>): DingTalkError =>
  new DingTalkError({ endpoint: 'update', errmsg: 'x', ...init });

/** An attempt that fails with `errors` in turn, then answers 'ok'. */
function scripted(errors: DingTalkError[]): { attempt: () => Promise<string>; calls: () => number } {
  let n = 0;
  return {
    attempt: async () => {
      const e = errors[n++];
      if (e) throw e;
      return 'ok';
    },
    calls: () => n,
  };
}

const fast = { backoffBaseMs: 1, backoffCapMs: 5, maxQps: Infinity };

describe('createScheduler', () => {
  it('retries transient errors with backoff and counts attempts in the row trace', async () => {
    const s = createScheduler(fast);
    const a = scripted([err({ errcode: -1 }), err({ errcode: 400001 })]);
    const trace: CallTrace = { attempts: 0, ambiguous: false };
    await expect(s.traced(trace).run('update', a.attempt)).resolves.toBe('ok');
    expect(trace.attempts).toBe(3);
    expect(s.stats()).toMatchObject({ calls: 3, retries: 2 });
  });

  it('gives up after maxAttempts with the last errcode, and on 88 after one retry', async () => {
    const s = createScheduler({ ...fast, maxAttempts: 4 });
    const a = scripted(Array.from({ length: 10 }, () => err({ errcode: -1 })));
    await expect(s.run('update', a.attempt)).rejects.toMatchObject({ errcode: -1 });
    expect(a.calls()).toBe(4);
    const b = scripted(Array.from({ length: 10 }, () => err({ errcode: 88 })));
    await expect(s.run('update', b.attempt)).rejects.toMatchObject({ errcode: 88 });
    expect(b.calls()).toBe(2);
  });

  it('does not retry row-permanent, job-fatal or token errors', async () => {
    const s = createScheduler(fast);
    for (const errcode of [60204, 90020, 43007, 'token-refused', 40014]) {
      const a = scripted([err({ errcode }), err({ errcode })]);
      await expect(s.run('update', a.attempt)).rejects.toMatchObject({ errcode });
      expect(a.calls()).toBe(1);
    }
  });

  it('retries an ambiguous update but hands an ambiguous create back unretried', async () => {
    const s = createScheduler(fast);
    const trace: CallTrace = { attempts: 0, ambiguous: false };
    const u = scripted([err({ errcode: 'timeout', sent: true })]);
    await expect(s.traced(trace).run('update', u.attempt)).resolves.toBe('ok');
    expect(trace.ambiguous).toBe(true);
    const c = scripted([err({ errcode: 'network', sent: true, endpoint: 'create' })]);
    await expect(s.run('create', c.attempt)).rejects.toMatchObject({ errcode: 'network', sent: true });
    expect(c.calls()).toBe(1);
    // A create refused before it was sent is retried like anything else.
    const d = scripted([err({ errcode: 'network', sent: false, endpoint: 'create' })]);
    await expect(s.run('create', d.attempt)).resolves.toBe('ok');
  });

  it('slows an endpoint on a throttle errcode', async () => {
    const throttles: number[] = [];
    const s = createScheduler({ ...fast, maxQps: 40, onThrottle: (e) => throttles.push(e.rate) });
    const a = scripted([err({ errcode: 90018 })]);
    await expect(s.run('update', a.attempt)).resolves.toBe('ok');
    expect(throttles).toEqual([20]);
    expect(s.lanes().find((l) => l.endpoint === 'update')!.rate).toBeLessThan(40);
    expect(s.stats().throttled).toBe(1);
  });

  it('holds every call during an IP ban, without using up attempts', async () => {
    const bans: number[] = [];
    const s = createScheduler({ ...fast, maxAttempts: 1, onBan: (b) => bans.push(b.waitSeconds) });
    const a = scripted([err({ errcode: 'ip-ban', waitSeconds: 1 })]);
    const t0 = Date.now();
    const first = s.run('update', a.attempt);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.bannedUntil()).toBeGreaterThan(Date.now());
    const other = scripted([]);
    await expect(s.run('list', other.attempt)).resolves.toBe('ok'); // another endpoint waits too
    await expect(first).resolves.toBe('ok');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(bans).toEqual([1]);
  });

  it('stops waiting when its signal aborts, without sending', async () => {
    const ctl = new AbortController();
    const s = createScheduler({ maxQps: Infinity, backoffBaseMs: 10_000, signal: ctl.signal });
    const a = scripted([err({ errcode: -1 })]);
    const p = s.run('update', a.attempt);
    setTimeout(() => ctl.abort(), 30);
    await expect(p).rejects.toBeInstanceOf(CallAbortedError);
    expect(a.calls()).toBe(1);
  });
});
