// The renderer's web adapter survives a dropped WebSocket: it reconnects, sends calls made meanwhile,
// and events flow again; a call caught mid-flight fails clearly instead of hanging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { LinkStates } from './helpers';
import { startHarness, type Harness } from './helpers';

/** Every socket the adapter opens, so the test can cut one as a flaky network would. */
const opened: WebSocket[] = [];
class RecordingWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    opened.push(this);
  }
}

let h: Harness;
const states: LinkStates[] = [];

beforeAll(async () => {
  (globalThis as { WebSocket?: unknown }).WebSocket = RecordingWebSocket;
  h = await startHarness({ sandbox: true });
  h.api.onLink((s) => states.push(s));
});
afterAll(async () => {
  await h?.close();
});

const until = async (pred: () => boolean, ms = 10_000): Promise<void> => {
  const start = Date.now();
  while (!pred()) {
    if (Date.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('web adapter reconnect', () => {
  it('reconnects after a drop and answers calls made while it was down', async () => {
    expect((await h.api.getConnection())?.sandbox).toBe(true);
    expect(opened).toHaveLength(1);
    opened[0]!.terminate();
    await until(() => states.includes('reconnecting'));
    // Made while the socket is down: queued, then sent on the new socket.
    const settings = h.api.getSettings();
    await until(() => states.at(-1) === 'open');
    expect(await settings).toEqual({ language: 'en', maxQps: 20, autoUpdate: false });
    expect(opened).toHaveLength(2);

    // Events reach the new socket.
    const before = h.events.length;
    await h.api.exportContacts({ format: 'csv' });
    await until(() => h.events.slice(before).some((e) => e.event === 'export:progress'));
  });

  it('fails a call whose socket drops before the answer', async () => {
    const slow = h.api.getOrgSummary({ refresh: true });
    opened.at(-1)!.terminate();
    await expect(slow).rejects.toMatchObject({ name: 'ApiError', info: { errcode: 'network' } });
    await until(() => states.at(-1) === 'open');
    expect((await h.api.getOrgSummary({ refresh: true })).contactCount).toBe(40);
  });
});
