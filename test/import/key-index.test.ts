// The sheet's match keys: repeats refused to the first row, every key found in or out of order.
import { describe, expect, it } from 'vitest';
import { KeyIndex } from '../../electron/core/import/key-index';
import { createRandom } from '../../electron/core/sandbox/prng';

describe('KeyIndex', () => {
  it('keeps each key once, at its first row; repeats and blanks keep ""', () => {
    const index = new KeyIndex();
    expect(index.push('a')).toBeUndefined();
    expect(index.push('')).toBeUndefined();
    expect(index.push('b')).toBeUndefined();
    expect(index.push('a')).toBe(0);
    expect(index.rowKeys).toEqual(['a', '', 'b', '']);
    expect(index.size).toBe(2);
    expect([...index.keys()]).toEqual(['a', 'b']);
    expect(index.rowOf('b')).toBe(2);
    expect(index.rowOf('a')).toBe(0);
    expect(index.rowOf('')).toBe(-1);
    expect(index.has('c')).toBe(false);
    expect(index.has('b')).toBe(true);
  });

  it('finds 50,000 keys (growing many times, blank rows between) in order, shuffled and after misses', () => {
    const random = createRandom(7);
    const index = new KeyIndex();
    const keys = Array.from({ length: 50_000 }, (_, i) => `0${(i * 7919).toString(36)}${i % 3 ? '' : '字'}`);
    // Blank rows between keys, many in a row past the first table's size.
    for (const [i, k] of keys.entries()) {
      expect(index.push(k)).toBeUndefined();
      if (i === 900) for (let b = 0; b < 3000; b++) index.push('');
    }
    expect(index.size).toBe(keys.length);
    const rowOfKey = (i: number): number => (i > 900 ? i + 3000 : i);
    // In order (the guess), then shuffled (the table), then with unknown keys between.
    keys.forEach((k, i) => expect(index.rowOf(k)).toBe(rowOfKey(i)));
    const order = keys.map((_, i) => i).sort(() => random() - 0.5);
    for (const i of order) expect(index.rowOf(keys[i]!)).toBe(rowOfKey(i));
    for (const [i, k] of keys.entries()) {
      expect(index.has(`${k}x`)).toBe(false);
      expect(index.rowOf(k)).toBe(rowOfKey(i));
    }
    for (const [i, k] of keys.entries()) expect(index.push(k)).toBe(rowOfKey(i));
    expect(index.size).toBe(keys.length);
  });
});
