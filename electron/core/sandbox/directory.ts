// The staff directory as DingTalk serves it: departments (listsub walks one level, get), staff per
// department (listsimple, cursor paging, a person in two departments listed by both), staff by mobile.
import { fail, ok, type Answer } from './answers';
import { intField, type Fields } from './body';
import {
  ROOT_DEPT_ID,
  ROOT_DEPT_NAME,
  type SandboxDirectory,
  type SandboxStaffMember,
} from './directory-data';

/** listsimple takes at most 100 a page (dingtalk-api.md). */
const MAX_PAGE = 100;

export class StaffDirectory {
  private readonly depts = new Map<number, { dept_id: number; name: string; parent_id?: number }>();
  private readonly children = new Map<number, number[]>();
  private readonly members = new Map<number, SandboxStaffMember[]>();
  private readonly byUserId = new Map<string, SandboxStaffMember>();
  private readonly byMobile = new Map<string, SandboxStaffMember>();

  constructor(readonly data: SandboxDirectory) {
    this.depts.set(ROOT_DEPT_ID, { dept_id: ROOT_DEPT_ID, name: ROOT_DEPT_NAME });
    for (const d of data.departments) {
      this.depts.set(d.dept_id, d);
      push(this.children, d.parent_id, d.dept_id);
    }
    for (const s of data.staff) {
      this.byUserId.set(s.userid, s);
      this.byMobile.set(s.mobile, s);
      for (const d of s.dept_id_list) push(this.members, d, s);
    }
  }

  isStaff(userid: string): boolean {
    return this.byUserId.has(userid);
  }

  hasDept(id: number): boolean {
    return this.depts.has(id);
  }

  get staffCount(): number {
    return this.byUserId.size;
  }

  listSub(f: Fields): Answer {
    const id = intField(f.dept_id) ?? ROOT_DEPT_ID;
    if (Number.isNaN(id) || !this.depts.has(id)) return fail(60003, '部门不存在');
    const result = (this.children.get(id) ?? []).map((c) => {
      const d = this.depts.get(c)!;
      return {
        dept_id: d.dept_id,
        name: d.name,
        parent_id: d.parent_id,
        create_dept_group: false,
        auto_add_user: true,
      };
    });
    return ok({ result });
  }

  getDept(f: Fields): Answer {
    const id = intField(f.dept_id);
    const d = id === undefined || Number.isNaN(id) ? undefined : this.depts.get(id);
    if (!d) return fail(60003, '部门不存在');
    return ok({ result: { dept_id: d.dept_id, name: d.name, parent_id: d.parent_id } });
  }

  /** Direct members of one department, `size` from the `cursor` on; next_cursor only while has_more. */
  listSimple(f: Fields): Answer {
    const id = intField(f.dept_id);
    const size = intField(f.size);
    const cursor = intField(f.cursor) ?? 0;
    if (id === undefined || Number.isNaN(id)) return fail(40035, '缺少参数 dept_id');
    if (!this.depts.has(id)) return fail(60003, '部门不存在');
    if (size === undefined || Number.isNaN(size) || size < 1 || size > MAX_PAGE)
      return fail(40035, '不合法的参数 size（1-100）');
    if (Number.isNaN(cursor) || cursor < 0) return fail(40035, '不合法的参数 cursor');
    const all = this.members.get(id) ?? [];
    const list = all.slice(cursor, cursor + size).map((s) => ({ userid: s.userid, name: s.name }));
    const hasMore = cursor + size < all.length;
    return ok({ result: { has_more: hasMore, ...(hasMore ? { next_cursor: cursor + size } : {}), list } });
  }

  getByMobile(f: Fields): Answer {
    const mobile =
      typeof f.mobile === 'string' ? f.mobile.trim() : typeof f.mobile === 'number' ? String(f.mobile) : '';
    if (mobile === '') return fail(40035, '缺少参数 mobile');
    const s = this.byMobile.get(mobile.replace(/^\+?86-?/, ''));
    return s ? ok({ result: { userid: s.userid } }) : fail(60121, '找不到该用户');
  }

  getUser(f: Fields): Answer {
    const s = typeof f.userid === 'string' ? this.byUserId.get(f.userid) : undefined;
    if (!s) return fail(60121, '找不到该用户');
    return ok({
      result: {
        userid: s.userid,
        name: s.name,
        mobile: s.mobile,
        state_code: '86',
        dept_id_list: s.dept_id_list,
      },
    });
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
