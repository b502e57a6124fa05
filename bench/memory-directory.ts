// The sandbox's staff directory served from memory, for benchmarks that measure our code, not HTTP.
import type { DirectoryClient } from '../electron/core/directory';
import { ROOT_DEPT_NAME, type SandboxDirectory } from '../electron/core/sandbox';

export function memoryDirectory(d: SandboxDirectory): DirectoryClient {
  const children = new Map<number, { id: number; name: string; parentId: number }[]>();
  for (const x of d.departments) {
    const list = children.get(x.parent_id) ?? [];
    list.push({ id: x.dept_id, name: x.name, parentId: x.parent_id });
    children.set(x.parent_id, list);
  }
  const members = new Map<number, { userid: string; name: string }[]>();
  for (const s of d.staff)
    for (const dept of s.dept_id_list) {
      const list = members.get(dept) ?? [];
      list.push({ userid: s.userid, name: s.name });
      members.set(dept, list);
    }
  const byMobile = new Map(d.staff.map((s) => [s.mobile, s.userid]));
  return {
    listSubDepartments: async (id) => children.get(id) ?? [],
    listStaffPage: async (id, cursor, size) => {
      const all = members.get(id) ?? [];
      const page = all.slice(cursor, cursor + size);
      return cursor + size < all.length ? { members: page, nextCursor: cursor + size } : { members: page };
    },
    staffIdByMobile: async (mobile) => byMobile.get(mobile),
    departmentName: async () => ROOT_DEPT_NAME,
  };
}
