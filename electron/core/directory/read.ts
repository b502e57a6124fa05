// Reads the whole directory: departments by walking listsub from the root (1), and each department's
// direct members through listsimple's cursor pages. Both run as a pipeline (a department's members are
// read as soon as it is known) with enough calls in flight that the scheduler's per-endpoint rate, not
// latency, sets the pace.
import pLimit from 'p-limit';
import type { DirectoryClient, DirectoryProgress } from './types';

export const ROOT_DEPT = 1;
/** listsimple's largest page. */
export const STAFF_PAGE_SIZE = 100;
/** Calls in flight per endpoint: at 20 calls/s and 300 ms latency, 6 would do; headroom for slower links. */
export const READ_CONCURRENCY = 16;

export interface RawDirectory {
  /** Departments below the root, parents before children. */
  departments: { id: number; name: string; parentId: number }[];
  /** userid → name and departments (in the order first seen). */
  staff: Map<string, { name: string; deptIds: number[] }>;
  calls: number;
}

export interface ReadOptions {
  concurrency?: number;
  pageSize?: number;
  onProgress?: (p: DirectoryProgress) => void;
}

export async function readDirectory(client: DirectoryClient, opts: ReadOptions = {}): Promise<RawDirectory> {
  const concurrency = opts.concurrency ?? READ_CONCURRENCY;
  const pageSize = opts.pageSize ?? STAFF_PAGE_SIZE;
  const subLimit = pLimit(concurrency);
  const staffLimit = pLimit(concurrency);
  const out: RawDirectory = { departments: [], staff: new Map(), calls: 0 };
  const seenDepts = new Set<number>([ROOT_DEPT]);
  let failed = false;
  const pending = new Set<Promise<void>>();
  const progress = (): void =>
    opts.onProgress?.({ departments: out.departments.length, staff: out.staff.size, calls: out.calls });

  const spawn = (work: () => Promise<void>, limit: ReturnType<typeof pLimit>): void => {
    if (failed) return;
    const p = limit(() => (failed ? Promise.resolve() : work()));
    pending.add(p);
    p.then(
      () => pending.delete(p),
      () => {
        failed = true;
        pending.delete(p);
      },
    );
  };

  const walk = async (deptId: number): Promise<void> => {
    const children = await client.listSubDepartments(deptId);
    out.calls++;
    for (const c of children) {
      // A department listed twice (or a cycle in a bad answer) is read once.
      if (!Number.isFinite(c.id) || seenDepts.has(c.id)) continue;
      seenDepts.add(c.id);
      out.departments.push({ id: c.id, name: c.name, parentId: deptId });
      spawn(() => walk(c.id), subLimit);
      spawn(() => members(c.id), staffLimit);
    }
    progress();
  };

  const members = async (deptId: number): Promise<void> => {
    for (let cursor = 0; ;) {
      const page = await client.listStaffPage(deptId, cursor, pageSize);
      out.calls++;
      for (const m of page.members) {
        if (m.userid === '') continue;
        const known = out.staff.get(m.userid);
        if (!known) out.staff.set(m.userid, { name: m.name, deptIds: [deptId] });
        else if (!known.deptIds.includes(deptId)) known.deptIds.push(deptId);
      }
      // A cursor that does not move would loop forever: stop there.
      if (page.nextCursor === undefined || page.nextCursor <= cursor || failed) break;
      cursor = page.nextCursor;
    }
    progress();
  };

  spawn(() => walk(ROOT_DEPT), subLimit);
  spawn(() => members(ROOT_DEPT), staffLimit);
  while (pending.size > 0) await Promise.all([...pending]);
  // Parents before children: the walk appends a child only after its parent's listsub answered.
  return out;
}
