// The preload exposes exactly the contract's methods and `on`, each method bound to its own channel;
// events reach the page without Electron's event object.
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => await import('./fake-electron'));

import { EVENT_NAMES, METHOD_NAMES, type Bridge } from '../../shared/contract';
import { contextBridge, ipcRenderer } from './fake-electron';

await import('../../electron/preload/index');
const bridge = contextBridge.exposed.get('dtload') as Bridge;

describe('preload bridge', () => {
  it('exposes window.dtload with exactly the contract methods and on()', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['dtload']);
    expect(Object.keys(bridge).sort()).toEqual([...METHOD_NAMES, 'on'].sort());
    for (const key of Object.keys(bridge))
      expect(typeof (bridge as unknown as Record<string, unknown>)[key]).toBe('function');
    expect('invoke' in bridge).toBe(false);
  });

  it('sends each method on its own channel with the argument as given', async () => {
    ipcRenderer.invoked = [];
    for (const name of METHOD_NAMES) {
      const res = await (bridge[name] as (a: unknown) => Promise<unknown>)({ probe: name });
      expect(res).toEqual({ ok: true, value: `answer of dtload:${name}` });
    }
    expect(ipcRenderer.invoked).toEqual(
      METHOD_NAMES.map((n) => ({ channel: `dtload:${n}`, args: { probe: n } })),
    );
  });

  it('delivers events by name, payload only, until unsubscribed', () => {
    const seen: unknown[] = [];
    const off = bridge.on('job:progress', (p) => seen.push(p));
    ipcRenderer.deliver('dtload:event:job:progress', { jobId: 'j1', done: 1 });
    ipcRenderer.deliver('dtload:event:job:finished', { jobId: 'j1' });
    off();
    ipcRenderer.deliver('dtload:event:job:progress', { jobId: 'j1', done: 2 });
    expect(seen).toEqual([{ jobId: 'j1', done: 1 }]);
    for (const e of EVENT_NAMES) expect(() => bridge.on(e, () => {})()).not.toThrow();
  });

  it('refuses unknown events instead of listening on arbitrary channels', () => {
    expect(() => bridge.on('dtload:connect' as never, () => {})).toThrow(/unknown event/);
    expect(ipcRenderer.listeners.has('dtload:event:dtload:connect')).toBe(false);
  });
});
