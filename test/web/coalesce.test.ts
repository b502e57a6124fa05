// Progress coalescing in the backend: the first event and every state change go out at once, bursts in
// between are reduced to the latest one per interval, per key.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoalescer } from '../../electron/core/app/coalesce';

interface P {
  id: string;
  state: string;
  done: number;
}

let sent: P[];
const make = () =>
  createCoalescer<P>({
    intervalMs: 250,
    key: (p) => p.id,
    urgent: (p, last) => p.state !== last?.state,
    send: (p) => sent.push(p),
  });

beforeEach(() => {
  sent = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('progress coalescer', () => {
  it('sends the first event, then the latest of a burst once per interval', () => {
    const c = make();
    for (let done = 0; done <= 1000; done++) c.push({ id: 'a', state: 'running', done });
    expect(sent.map((p) => p.done)).toEqual([0]);
    vi.advanceTimersByTime(250);
    expect(sent.map((p) => p.done)).toEqual([0, 1000]);
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(2);
  });

  it('sends state changes at once, replacing what was pending', () => {
    const c = make();
    c.push({ id: 'a', state: 'running', done: 1 });
    c.push({ id: 'a', state: 'running', done: 2 });
    c.push({ id: 'a', state: 'paused', done: 3 });
    expect(sent.map((p) => `${p.state}:${p.done}`)).toEqual(['running:1', 'paused:3']);
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(2);
  });

  it('keeps keys apart and flushes one on demand', () => {
    const c = make();
    c.push({ id: 'a', state: 'running', done: 1 });
    c.push({ id: 'b', state: 'running', done: 1 });
    c.push({ id: 'a', state: 'running', done: 5 });
    c.flush('a');
    expect(sent.map((p) => `${p.id}:${p.done}`)).toEqual(['a:1', 'b:1', 'a:5']);
    c.close();
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(3);
  });
});
