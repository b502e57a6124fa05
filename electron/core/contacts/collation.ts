// Sort orders of the index's columns in the admin's collation (Chinese by pinyin, numbers by value, case
// ignored). Comparing 100,000 names with Intl.Collator takes ~300 ms (a mobile column longer): too long for
// the first click on a column, so the index builds its orders in the background when it loads, in a worker
// thread (the main process keeps answering meanwhile). Only distinct values are compared; the contacts are
// then placed by their value's rank in one linear pass.
import { Worker } from 'node:worker_threads';

/**
 * Ranks of distinct values in collation order (values the collator deems equal share a rank). Self-contained
 * (no imports, no outer names): the worker runs its source text.
 */
function rankValues(values: readonly string[]): Uint32Array {
  const collator = new Intl.Collator(['zh-CN', 'en'], { sensitivity: 'base', numeric: true });
  const byValue = Array.from(values.keys()).sort((a, b) => collator.compare(values[a]!, values[b]!));
  const ranks = new Uint32Array(values.length);
  let rank = 0;
  for (let k = 0; k < byValue.length; k++) {
    if (k > 0 && collator.compare(values[byValue[k - 1]!]!, values[byValue[k]!]!) !== 0) rank++;
    ranks[byValue[k]!] = rank;
  }
  return ranks;
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const rankValues = ${rankValues.toString()};
parentPort.on('message', ({ id, values }) => {
  const ranks = rankValues(values);
  parentPort.postMessage({ id, ranks }, [ranks.buffer]);
});
`;

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (r: Uint32Array) => void; reject: (e: unknown) => void }>();

/** Ranks computed in the shared worker thread (started on first use). */
export function rankInWorker(values: readonly string[]): Promise<Uint32Array> {
  if (!worker) {
    const w = new Worker(WORKER_SOURCE, { eval: true });
    w.on('message', ({ id, ranks }: { id: number; ranks: Uint32Array }) => {
      waiting.get(id)?.resolve(ranks);
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
 * The items in collation order of their value, empty values last, equal values in their original order.
 * `inWorker` compares in the worker thread (a background build), else here (a column with few values).
 */
export async function collationOrder<T>(
  items: readonly T[],
  value: (item: T) => string,
  inWorker: boolean,
): Promise<T[]> {
  const { distinct, ids } = distinctValues(items, value);
  let ranks: Uint32Array;
  try {
    ranks = inWorker ? await rankInWorker(distinct) : rankValues(distinct);
  } catch {
    ranks = rankValues(distinct); // no worker (a sandboxed runtime): the same, here
  }
  return placeByRank(items, ids, distinct, ranks);
}

/** The same, here and now (nothing built in the background to wait for). */
export function collationOrderNow<T>(items: readonly T[], value: (item: T) => string): T[] {
  const { distinct, ids } = distinctValues(items, value);
  return placeByRank(items, ids, distinct, rankValues(distinct));
}

function distinctValues<T>(items: readonly T[], value: (item: T) => string) {
  const idOf = new Map<string, number>();
  const distinct: string[] = [];
  const ids = new Uint32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const v = value(items[i]!);
    let id = idOf.get(v);
    if (id === undefined) {
      id = distinct.length;
      idOf.set(v, id);
      distinct.push(v);
    }
    ids[i] = id;
  }
  return { distinct, ids };
}

/** A counting sort by rank: linear, stable. */
function placeByRank<T>(
  items: readonly T[],
  ids: Uint32Array,
  distinct: readonly string[],
  ranks: Uint32Array,
): T[] {
  // Empty values after every other.
  const empty = distinct.indexOf('');
  const last = ranks.reduce((m, r) => Math.max(m, r), 0) + 1;
  if (empty >= 0) ranks[empty] = last;
  const starts = new Uint32Array(last + 2);
  for (let i = 0; i < items.length; i++) starts[ranks[ids[i]!]! + 1]!++;
  for (let r = 1; r < starts.length; r++) starts[r]! += starts[r - 1]!;
  const out = new Array<T>(items.length);
  for (let i = 0; i < items.length; i++) out[starts[ranks[ids[i]!]!]!++] = items[i]!;
  return out;
}
