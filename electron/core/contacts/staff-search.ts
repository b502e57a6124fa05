// The staff picker's search: people by (part of) a name, a department, a userid or a staff mobile, each
// with their departments and how many contacts they own and are shared; leavers (found only on contacts)
// by userid. An empty text lists those owning the most contacts (whom one hands over from).
import type { Contact } from '../../../shared/domain';
import type { StaffOption } from '../../../shared/people-types';
import { fold, mobileOf, ROOT_DEPT, type Directory } from '../directory';

export interface StaffSearch {
  text: string;
  includeLeft?: boolean;
  limit?: number;
}

/** How many contacts each person owns and is shared (one pass over the index). */
export function contactCounts(contacts: Iterable<Contact>): {
  owned: Map<string, number>;
  shared: Map<string, number>;
} {
  const owned = new Map<string, number>();
  const shared = new Map<string, number>();
  for (const c of contacts) {
    owned.set(c.follower_user_id, (owned.get(c.follower_user_id) ?? 0) + 1);
    for (const u of c.share_user_ids ?? []) shared.set(u, (shared.get(u) ?? 0) + 1);
  }
  return { owned, shared };
}

/** Staff mobiles must have been looked up (DirectoryService.lookupMobiles) for a mobile to match. */
export function searchStaff(dir: Directory, contacts: Iterable<Contact>, q: StaffSearch): StaffOption[] {
  const limit = q.limit ?? 50;
  const { owned, shared } = contactCounts(contacts);
  const key = fold(q.text);
  const option = (userid: string): StaffOption => {
    const s = dir.person(userid);
    return {
      userid,
      name: s?.name ?? userid,
      label: dir.personLabel(userid),
      departments: (s?.deptIds ?? []).map((d) =>
        d === ROOT_DEPT ? dir.root.name : (dir.department(d)?.path ?? String(d)),
      ),
      owned: owned.get(userid) ?? 0,
      shared: shared.get(userid) ?? 0,
      left: !s,
    };
  };
  const hits: StaffOption[] = [];
  const seen = new Set<string>();
  const add = (userid: string): void => {
    if (seen.has(userid)) return;
    seen.add(userid);
    hits.push(option(userid));
  };

  const mobile = mobileOf(q.text);
  if (mobile !== undefined) {
    const r = dir.resolvePerson(mobile);
    if (r.kind === 'found') add(r.userid);
  }
  for (const s of dir.staff.values()) {
    if (
      key === '' ||
      fold(s.name).includes(key) ||
      fold(s.userid) === key ||
      s.deptIds.some((d) => fold(dir.department(d)?.name ?? '') === key)
    )
      add(s.userid);
  }
  if (q.includeLeft) {
    for (const userid of new Set([...owned.keys(), ...shared.keys()])) {
      if (userid === '' || dir.person(userid)) continue;
      if (key === '' || fold(userid).includes(key)) add(userid);
    }
  }
  // Exact names first, then who owns the most contacts (hand-overs start there), then by label.
  const exact = (o: StaffOption): number => (fold(o.name) === key || fold(o.userid) === key ? 0 : 1);
  hits.sort(
    (a, b) =>
      exact(a) - exact(b) || b.owned - a.owned || b.shared - a.shared || a.label.localeCompare(b.label),
  );
  return hits.slice(0, limit);
}
