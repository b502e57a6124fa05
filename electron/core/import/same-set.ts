// Id lists (labels, shared staff and departments) compare as sets: DingTalk keeps no order. Both ways, so a
// list holding a repeat is never taken for one holding another id ([1, 1, 2] is not [1, 2, 3]). Lists hold
// at most a few dozen ids: scanning beats building a Set.
export function sameSet(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (const x of b) if (!a.includes(x)) return false;
  for (const x of a) if (!b.includes(x)) return false;
  return true;
}
