// The sandbox organisation's staff directory: a department tree (4 levels below the root, "客服" in two
// branches), the staff who own and are shared contacts (SANDBOX_STAFF, with names: two are both 张伟, one
// is in two departments), and generated colleagues so listsimple pages (> 300 people). A larger generated
// directory (`SandboxOptions.directory`) serves the benchmarks.
import { createRandom, pick } from './prng';

export interface SandboxDepartment {
  dept_id: number;
  name: string;
  parent_id: number;
}

export interface SandboxStaffMember {
  userid: string;
  name: string;
  /** +86 mobile, 11 digits. */
  mobile: string;
  /** Departments in the order DingTalk lists them (the first is the main one). */
  dept_id_list: number[];
}

export interface SandboxDirectory {
  departments: SandboxDepartment[];
  staff: SandboxStaffMember[];
}

export interface DirectorySize {
  /** Departments below the root (default: the seeded tree). */
  departments: number;
  /** Staff members (default: the seeded 8 + generated colleagues to 320). */
  staff: number;
}

export const ROOT_DEPT_ID = 1;
export const ROOT_DEPT_NAME = '钉钉沙箱科技';

/** The seeded tree. Ids 2, 3, 42536 and 420606536 are the ones seeded contacts are shared with. */
const SEEDED_DEPTS: readonly SandboxDepartment[] = [
  { dept_id: 2, name: '销售部', parent_id: 1 },
  { dept_id: 42536, name: '客服', parent_id: 2 },
  { dept_id: 21, name: '华北销售', parent_id: 2 },
  { dept_id: 211, name: '北京一组', parent_id: 21 },
  { dept_id: 2111, name: '大客户', parent_id: 211 },
  { dept_id: 22, name: '华南销售', parent_id: 2 },
  { dept_id: 3, name: '技术部', parent_id: 1 },
  { dept_id: 420606536, name: '客服', parent_id: 3 },
  { dept_id: 31, name: '研发中心', parent_id: 3 },
  { dept_id: 311, name: '前端组', parent_id: 31 },
  { dept_id: 312, name: '后端组', parent_id: 31 },
  { dept_id: 4, name: '市场部', parent_id: 1 },
  { dept_id: 5, name: '财务部', parent_id: 1 },
  { dept_id: 6, name: '人力资源部', parent_id: 1 },
  { dept_id: 7, name: 'International Sales', parent_id: 1 },
];

/** SANDBOX_STAFF with names and departments: every owner and sharer of a seeded contact is one of them. */
const NAMED_STAFF: readonly Omit<SandboxStaffMember, 'mobile'>[] = [
  { userid: 'manager4220', name: '王强', dept_id_list: [2] },
  { userid: '0423752', name: '赵敏', dept_id_list: [420606536] },
  { userid: 'zhangwei01', name: '张伟', dept_id_list: [21] },
  // In two departments: one person, listed by both.
  { userid: 'lina02', name: '李娜', dept_id_list: [2, 4] },
  { userid: 'wangfang03', name: '王芳', dept_id_list: [42536] },
  { userid: 'liuyang04', name: '刘洋', dept_id_list: [22] },
  { userid: 'chenjing05', name: '陈静', dept_id_list: [311] },
  { userid: 'sales_lead', name: 'Emma Wilson', dept_id_list: [7] },
  // The other 张伟: same name, another department.
  { userid: 'zhangwei09', name: '张伟', dept_id_list: [2] },
];

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '子',
  '雨',
  '浩',
  '欣',
  '思',
  '宇',
  '佳',
  '明',
  '文',
  '嘉',
  '晨',
  '俊',
  '梓',
  '一',
  '可',
  '心',
];
const GIVEN2 = [
  '涵',
  '轩',
  '然',
  '怡',
  '博',
  '琪',
  '航',
  '萱',
  '杰',
  '彤',
  '泽',
  '瑶',
  '辰',
  '悦',
  '阳',
  '宁',
];

/** The n-th generated name: surname + two given characters, all distinct for n < 16³. */
function generatedName(n: number): string {
  const s = SURNAMES[n % 16]!;
  const g1 = GIVEN[Math.floor(n / 16) % 16]!;
  const g2 = GIVEN2[Math.floor(n / 256) % 16]!;
  const base = `${s}${g1}${g2}`;
  return n < 4096 ? base : `${base}${Math.floor(n / 4096) + 1}`;
}

/** Staff mobiles start 137 (no seeded contact's does), then 8 digits from the index. */
const staffMobile = (n: number): string => `137${(n * 7 + 10_000_000).toString().slice(-8)}`;

/** A generated tree of `count` departments below the root: 10 top-level, then 10 children each, ... */
function generatedDepartments(count: number): SandboxDepartment[] {
  const out: SandboxDepartment[] = [];
  const names = ['销售', '技术', '市场', '运营', '客服', '财务', '法务', '采购', '物流', '行政'];
  const queue: number[] = [ROOT_DEPT_ID];
  let next = 1000;
  while (out.length < count) {
    const parent = queue.shift()!;
    for (let i = 0; i < 10 && out.length < count; i++) {
      const id = next++;
      // Names repeat across branches on purpose (every top-level unit has a 客服一组).
      out.push({
        dept_id: id,
        name: `${names[i]}${parent === ROOT_DEPT_ID ? '中心' : `${(id % 7) + 1}组`}`,
        parent_id: parent,
      });
      queue.push(id);
    }
  }
  return out;
}

export function seedDirectory(size?: Partial<DirectorySize>, seed = 1): SandboxDirectory {
  const generatedTree = size?.departments !== undefined;
  const departments = generatedTree ? generatedDepartments(size.departments!) : [...SEEDED_DEPTS];
  const staffCount = size?.staff ?? 320;
  const staff: SandboxStaffMember[] = NAMED_STAFF.map((s, i) => ({
    ...s,
    dept_id_list: generatedTree ? [pickDept(departments, i)] : [...s.dept_id_list],
    mobile: staffMobile(i),
  }));
  const rnd = createRandom(seed);
  const leaves = generatedTree ? departments : departments.filter((d) => d.dept_id !== 2);
  for (let n = staff.length; n < staffCount; n++) {
    // Half the seeded colleagues are in 销售部/客服, so its members take two listsimple pages of 100.
    const dept = generatedTree ? pickDept(departments, n) : n % 2 === 0 ? 42536 : pick(rnd, leaves).dept_id;
    staff.push({
      userid: `staff${String(n).padStart(5, '0')}`,
      name: generatedName(n),
      mobile: staffMobile(n),
      dept_id_list: [dept],
    });
  }
  return { departments, staff };
}

/** Spreads generated staff evenly over a generated tree (about staff / departments each). */
const pickDept = (departments: readonly SandboxDepartment[], n: number): number =>
  departments[n % departments.length]!.dept_id;
