// Sort orders of the index's columns in the admin's collation (Chinese by pinyin, numbers by value, case
// ignored). Comparing 100,000 names with Intl.Collator takes ~300 ms (a mobile column longer): too long for
// the first click on a column, so the index builds its orders in the background when it loads, in a worker
// thread (the main process keeps answering meanwhile). Only distinct values are compared; the contacts are
// then placed by their value's rank in one linear pass.
import { Worker } from 'node:worker_threads';

/**
 * The positions of `values` in collation order: empty values last, equal values in their original order.
 * Only distinct values are compared (a column repeats a few companies or titles 100,000 times); the positions
 * are then placed by their value's rank in one linear pass. Self-contained (no imports, no outer names): the
 * worker runs its source text.
 */
function orderValues(values: readonly string[]): Uint32Array {
  const idOf = new Map<string, number>();
  const distinct: string[] = [];
  const ids = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let id = idOf.get(values[i]!);
    if (id === undefined) {
      id = distinct.length;
      idOf.set(values[i]!, id);
      distinct.push(values[i]!);
    }
    ids[i] = id;
  }
  const collator = new Intl.Collator(['zh-CN', 'en'], { sensitivity: 'base', numeric: true });
  const byValue = Array.from(distinct.keys()).sort((a, b) => collator.compare(distinct[a]!, distinct[b]!));
  // Values the collator deems equal share a rank; the empty value ranks after every other.
  const ranks = new Uint32Array(distinct.length);
  let rank = 0;
  for (let k = 0; k < byValue.length; k++) {
    if (k > 0 && collator.compare(distinct[byValue[k - 1]!]!, distinct[byValue[k]!]!) !== 0) rank++;
    ranks[byValue[k]!] = rank;
  }
  const empty = idOf.get('');
  if (empty !== undefined) ranks[empty] = ++rank;
  // A counting sort by rank: linear, stable.
  const starts = new Uint32Array(rank + 2);
  for (let i = 0; i < values.length; i++) starts[ranks[ids[i]!]! + 1]!++;
  for (let r = 1; r < starts.length; r++) starts[r]! += starts[r - 1]!;
  const order = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) order[starts[ranks[ids[i]!]!]!++] = i;
  return order;
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const orderValues = ${orderValues.toString()};
parentPort.on('message', ({ id, values }) => {
  const order = orderValues(values);
  parentPort.postMessage({ id, order }, [order.buffer]);
});
`;

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (order: Uint32Array) => void; reject: (e: unknown) => void }>();

/** An order computed in the shared worker thread (started on first use). */
export function orderInWorker(values: readonly string[]): Promise<Uint32Array> {
  if (!worker) {
    const w = new Worker(WORKER_SOURCE, { eval: true });
    w.on('message', ({ id, order }: { id: number; order: Uint32Array }) => {
      waiting.get(id)?.resolve(order);
      waiting.delete(id);
      if (waiting.size === 0) w.unref();
    });
    const fail = (e: unknown) => {
      worker = undefined;
      for (const p of waiting.values()) p.reject(e);
      waiting.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`collation worker exited (${code})`)));
    worker = w;
  }
  // Alive while it has work (a CLI awaiting a sort must not exit), idle it never keeps the process alive.
  worker.ref();
  const id = nextId++;
  const done = new Promise<Uint32Array>((resolve, reject) => waiting.set(id, { resolve, reject }));
  worker.postMessage({ id, values });
  return done;
}

/**
 * The items in collation order of their value, empty values last, equal values in their original order,
 * compared in the worker thread (a background build): this thread only gathers the values and places the
 * items.
 */
export async function collationOrder<T>(items: readonly T[], value: (item: T) => string): Promise<T[]> {
  const values = items.map(value);
  let order: Uint32Array;
  try {
    order = await orderInWorker(values);
  } catch {
    order = orderValues(values); // no worker (a sandboxed runtime): the same, here
  }
  return Array.from(order, (i) => items[i]!);
}

/** The same, here and now (nothing built in the background to wait for). */
export function collationOrderNow<T>(items: readonly T[], value: (item: T) => string): T[] {
  return Array.from(orderValues(items.map(value)), (i) => items[i]!);
}
