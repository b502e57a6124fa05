// Request timeouts: slices of requests share one abort signal; each waits its full timeout, at most one
// slice (a tenth) more, and a slice whose requests all answered leaves no timer behind.
import { afterEach, describe, expect, it } from 'vitest';
import { isDingTalkError } from '../../electron/core/dingtalk';
import { TimeoutSignals } from '../../electron/core/dingtalk/timeouts';
import type { SandboxHandle } from '../../electron/core/sandbox';
import { rejection, sandboxWithClient } from './helpers';

const LABEL = 1561077310;
const activeTimers = (): number =>
  (process as unknown as { getActiveResourcesInfo(): string[] })
    .getActiveResourcesInfo()
    .filter((r) => r === 'Timeout').length;

describe('TimeoutSignals', () => {
  it('gives requests of one slice one signal and aborts it no earlier than the timeout', async () => {
    const timeouts = new TimeoutSignals(200);
    const a = timeouts.acquire();
    const b = timeouts.acquire();
    expect(b.signal).toBe(a.signal);
    const started = performance.now();
    const reason = await new Promise<unknown>((resolve) =>
      a.signal.addEventListener('abort', () => resolve(a.signal.reason), { once: true }),
    );
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(195);
    expect(waited).toBeLessThan(200 + 20 + 400); // one slice (20 ms) late at most, plus a loaded machine
    expect(reason).toMatchObject({ name: 'TimeoutError' });
    a.release();
    b.release();
    // A later request never gets an aborted signal.
    const c = timeouts.acquire();
    expect(c.signal.aborted).toBe(false);
    c.release();
  });

  it('starts a new slice as time moves on, and clears a slice timer once its requests are done', () => {
    let now = 1_000_000;
    const timeouts = new TimeoutSignals(15_000, () => now);
    const before = activeTimers();
    const a = timeouts.acquire();
    now += 999;
    const b = timeouts.acquire();
    expect(b.signal).toBe(a.signal); // same 1 s slice
    now += 1;
    const c = timeouts.acquire();
    expect(c.signal).not.toBe(a.signal);
    expect(activeTimers()).toBe(before + 2);
    a.release();
    a.release(); // twice is harmless
    expect(activeTimers()).toBe(before + 2);
    b.release();
    c.release();
    expect(activeTimers()).toBe(before);
    expect(a.signal.aborted).toBe(false);
  });
});

describe('client timeouts over HTTP', () => {
  let sb: SandboxHandle | undefined;
  afterEach(async () => {
    await sb?.close();
    sb = undefined;
  });

  it('times out a slow answer and leaves no timer behind after answered calls', async () => {
    const made = await sandboxWithClient({ contacts: 20 }, { timeoutMs: 5_000 });
    sb = made.sb;
    const target = sb.contacts()[1];
    if (!target) throw new Error('no contact');
    const before = activeTimers();
    await Promise.all(Array.from({ length: 20 }, () => made.client.getContact(target.userid)));
    expect(activeTimers()).toBeLessThanOrEqual(before);

    const slow = await sandboxWithClient({ contacts: 20, latencyMs: 1500 }, { timeoutMs: 100 });
    sb = slow.sb;
    const started = performance.now();
    const e = await rejection(
      slow.client.updateContact({
        user_id: 'nobody',
        name: 'X',
        follower_user_id: 'lina02',
        label_ids: [LABEL],
      }),
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(isDingTalkError(e) && e.errcode).toBe('timeout');
  });
});
