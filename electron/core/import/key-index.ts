// The sheet's match keys: each row's key, and the row of each key's first use, found by key. A hundred
// thousand keys in a Map cost more than the rest of reading the rows (the profile's top line), so the keys
// stay in the rows' own list and a table of row numbers (open addressing in a typed array the collector
// never walks) finds them. Contacts come back from the list in the order an export wrote them, so a
// re-imported export asks for row after row: the row after the last one found is tried before the table.
import type { IdSet } from './current';

const EMPTY = -1;

export class KeyIndex implements IdSet {
  /** Row index → its match key ('' when blank or repeated: only a key's first row is matched). */
  readonly rowKeys: string[] = [];
  /** Row index → its key's hash (the table grows without hashing again). */
  private hashes = new Int32Array(1024);
  /** Slot → the row whose key hashes there (EMPTY: none); kept at most half full. */
  private slots = new Int32Array(1024).fill(EMPTY);
  private count = 0;
  /** The row after the last one found: where a sheet in list order is looked up next. */
  private next = 0;
  /** The last key looked up and its row (-1: none): `has` then `rowOf` looks once. */
  private lastKey = '';
  private lastRow = -1;

  /**
   * The next row's key: returns the row that used it first when it is repeated (the row then keeps ''),
   * else undefined.
   */
  push(key: string): number | undefined {
    if (key !== '') {
      const h = hash(key);
      const slot = this.slotOf(key, h);
      const first = this.slots[slot]!;
      if (first !== EMPTY) {
        this.rowKeys.push('');
        return first;
      }
      const row = this.rowKeys.length;
      this.slots[slot] = row;
      if (row >= this.hashes.length) {
        // Blank and repeated rows hold no hash, so the row may be past the end by more than one.
        const more = new Int32Array(row * 2);
        more.set(this.hashes);
        this.hashes = more;
      }
      this.hashes[row] = h;
      this.rowKeys.push(key);
      if (++this.count * 2 > this.slots.length) this.grow();
      return undefined;
    }
    this.rowKeys.push(key);
    return undefined;
  }

  /** The row a key's contact is merged into (its first row), or -1. */
  rowOf(key: string): number {
    if (key === this.lastKey) return this.lastRow;
    const guess = this.next;
    const row = this.rowKeys[guess] === key && key !== '' ? guess : this.slots[this.slotOf(key, hash(key))]!;
    if (row >= 0) this.next = row + 1;
    this.lastKey = key;
    this.lastRow = row;
    return row;
  }

  has(key: string): boolean {
    return this.rowOf(key) >= 0;
  }

  get size(): number {
    return this.count;
  }

  *keys(): IterableIterator<string> {
    for (const key of this.rowKeys) if (key !== '') yield key;
  }

  /** The slot holding `key`'s row, or the empty slot where it goes (linear probing). */
  private slotOf(key: string, h: number): number {
    const mask = this.slots.length - 1;
    const keys = this.rowKeys;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const row = this.slots[slot]!;
      if (row === EMPTY || keys[row] === key) return slot;
    }
  }

  private grow(): void {
    const old = this.slots;
    const slots = (this.slots = new Int32Array(old.length * 2).fill(EMPTY));
    const mask = slots.length - 1;
    for (const row of old) {
      if (row === EMPTY) continue;
      let slot = this.hashes[row]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = row;
    }
  }
}

/** FNV-1a over the UTF-16 units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
