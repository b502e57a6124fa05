// JSON.stringify's text, written to a file in pieces: a saved plan of a million rows is never one giant
// string (hundreds of MB, on top of the plan itself). Objects and arrays down to `depth` are walked here;
// below that each value is stringified on its own, so the file holds what JSON.stringify(value) would.
import { open } from 'node:fs/promises';

/** Pieces are gathered up to this many characters per write. */
const CHUNK = 1 << 20;

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const noJson = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

export async function writeJsonFile(path: string, value: unknown, depth = 2): Promise<void> {
  const file = await open(path, 'w');
  let pending = '';
  const put = async (text: string): Promise<void> => {
    pending += text;
    if (pending.length >= CHUNK) {
      const out = pending;
      pending = '';
      await file.write(out);
    }
  };
  const emit = async (v: unknown, level: number): Promise<void> => {
    if (level >= depth || typeof v !== 'object' || v === null || 'toJSON' in v) {
      await put(JSON.stringify(v) ?? 'null');
      return;
    }
    if (Array.isArray(v)) {
      await put('[');
      for (let i = 0; i < v.length; i++) {
        if (i > 0) await put(',');
        await emit(noJson(v[i]) ? null : v[i], level + 1);
      }
      await put(']');
      return;
    }
    await put('{');
    let first = true;
    for (const [key, item] of Object.entries(v)) {
      if (noJson(item)) continue;
      await put(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      await emit(item, level + 1);
    }
    await put('}');
  };
  try {
    await emit(value, 0);
    if (pending) await file.write(pending);
  } finally {
    await file.close();
  }
}
