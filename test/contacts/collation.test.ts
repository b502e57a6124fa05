// Column orders in the admin's collation, built in the worker thread or here: the same order as sorting with
// Intl.Collator (pinyin for Chinese, numbers by value, case ignored), empty values last, ties in list order.
import { describe, expect, it } from 'vitest';
import { collationOrder, collationOrderNow, orderInWorker } from '../../electron/core/contacts/collation';

const collator = new Intl.Collator(['zh-CN', 'en'], { sensitivity: 'base', numeric: true });
const VALUES = [
  '李娜',
  'acme',
  '',
  'Acme',
  '王芳',
  'item 10',
  'item 9',
  '13800138000',
  '9',
  'Zed',
  '阿里巴巴',
  '',
  'ACME',
];
const items = VALUES.map((v, i) => ({ v, i }));
// The order a plain stable sort with the collator gives (what the index did before).
const expected = [...items].sort(
  (a, b) => (a.v === '' ? 1 : 0) - (b.v === '' ? 1 : 0) || collator.compare(a.v, b.v),
);

describe('collation orders', () => {
  it('orders here as the collator does, empty last, equal values in list order', () => {
    const order = collationOrderNow(items, (x) => x.v);
    expect(order).toEqual(expected);
    expect(order.filter((x) => x.v.toLowerCase() === 'acme').map((x) => x.i)).toEqual([1, 3, 12]);
    expect(order.slice(-2).map((x) => x.v)).toEqual(['', '']);
  });

  it('orders the same in the worker thread, for many values at once', async () => {
    // The worker itself answers (collationOrder falls back to ordering here when it cannot start).
    expect([...(await orderInWorker(['b', '', 'B', 'a', 'c10', 'c9']))]).toEqual([3, 0, 2, 5, 4, 1]);
    expect(await collationOrder(items, (x) => x.v)).toEqual(expected);
    const many = Array.from({ length: 5000 }, (_, i) => ({
      v: `${['张', 'li', 'Wang', '9'][i % 4]}${(i * 7919) % 1000}`,
      i,
    }));
    const want = [...many].sort((a, b) => collator.compare(a.v, b.v));
    expect(await collationOrder(many, (x) => x.v)).toEqual(want);
  });
});
