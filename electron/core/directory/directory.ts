// The directory as read once: people and departments by id, by name and by path; the resolver (text an
// admin writes → userid / department id) and its reverse (id → a label that resolves back to it alone).
// Names are not unique: two people may both be 张伟, two departments both 客服.
import type { RawDirectory } from './read';
import { ROOT_DEPT } from './read';
import type {
  Department,
  DepartmentMatch,
  PersonCandidate,
  PersonMatch,
  PersonUnknownReason,
  StaffMember,
} from './types';

/** Compared forms: NFKC (full-width brackets, letters and digits become ASCII), spaces folded, case folded. */
export const fold = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** A mainland mobile as admins write it: 13800138000, 138 0013 8000, +86 138-0013-8000, 86-138… */
const MOBILE = /^(?:\+?86[\s-]?)?(1[3-9]\d(?:[\s-]?\d){8})$/;

/** The 11-digit mobile in a text, or undefined when it is not a mobile. */
export function mobileOf(text: string): string | undefined {
  const m = MOBILE.exec(text.normalize('NFKC').trim());
  return m ? m[1]!.replace(/[\s-]/g, '') : undefined;
}

/** `张伟 (销售部)`, `张伟（华北销售）` → name and department text (after NFKC, both brackets are ASCII). */
const WITH_DEPT = /^(.*\S)\s*\(([^()]+)\)$/;

type Match =
  | { kind: 'found'; member: StaffMember; via: 'userid' | 'name' | 'name+department' | 'mobile' }
  | { kind: 'many'; members: StaffMember[] }
  | { kind: 'unknown'; reason: PersonUnknownReason };

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** `张伟（华北销售）` for Chinese names, `Emma Wilson (Sales)` otherwise: what an admin would type. */
export function withDepartment(name: string, dept: string): string {
  return CJK.test(name) || CJK.test(dept) ? `${name}（${dept}）` : `${name} (${dept})`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class Directory {
  readonly departments = new Map<number, Department>();
  readonly staff = new Map<string, StaffMember>();
  /** When the directory was read (ISO time). */
  readonly readAt: string;
  private readonly deptsByName = new Map<string, Department[]>();
  private readonly children = new Map<number, Department[]>();
  private readonly staffByName = new Map<string, StaffMember[]>();
  /** Staff ids by fold(userid): ids are matched exactly first, then folded. */
  private readonly staffByFoldedId = new Map<string, StaffMember>();
  /** Mobile → userid (null: no staff member has it), filled by DirectoryService.lookupMobiles. */
  private readonly mobiles = new Map<string, string | null>();
  private readonly personLabels = new Map<string, string>();
  private readonly deptLabels = new Map<number, string>();

  constructor(raw: RawDirectory, rootName = '', readAt = new Date().toISOString()) {
    this.readAt = readAt;
    this.addDept({ id: ROOT_DEPT, name: rootName, parentId: 0, path: '' });
    for (const d of raw.departments) {
      const parent = this.departments.get(d.parentId);
      const path = parent && parent.path !== '' ? `${parent.path}/${d.name}` : d.name;
      this.addDept({ id: d.id, name: d.name, parentId: d.parentId, path });
    }
    for (const [userid, s] of raw.staff) {
      const member: StaffMember = { userid, name: s.name, deptIds: [...s.deptIds] };
      this.staff.set(userid, member);
      push(this.staffByName, fold(s.name), member);
      this.staffByFoldedId.set(fold(userid), member);
    }
  }

  private addDept(d: Department): void {
    this.departments.set(d.id, d);
    if (d.id !== ROOT_DEPT) {
      push(this.deptsByName, fold(d.name), d);
      push(this.children, d.parentId, d);
    }
  }

  get root(): Department {
    return this.departments.get(ROOT_DEPT)!;
  }

  person(userid: string): StaffMember | undefined {
    return this.staff.get(userid);
  }

  department(id: number): Department | undefined {
    return this.departments.get(id);
  }

  /** Direct members of a department, or everyone in its subtree with `recursive`. */
  membersOf(deptId: number, opts: { recursive?: boolean } = {}): StaffMember[] {
    const ids = new Set<number>([deptId]);
    if (opts.recursive) for (const d of this.subtree(deptId)) ids.add(d.id);
    const out: StaffMember[] = [];
    for (const s of this.staff.values()) if (s.deptIds.some((d) => ids.has(d))) out.push(s);
    return out;
  }

  /** The departments below `deptId` (not itself), parents first. */
  subtree(deptId: number): Department[] {
    const out: Department[] = [];
    const queue = [...(this.children.get(deptId) ?? [])];
    while (queue.length > 0) {
      const d = queue.shift()!;
      out.push(d);
      queue.push(...(this.children.get(d.id) ?? []));
    }
    return out;
  }

  /** Records what getbymobile answered (null: no staff member has that mobile). */
  recordMobile(mobile: string, userid: string | null): void {
    this.mobiles.set(mobile, userid);
    this.personLabels.clear();
  }

  hasLookedUp(mobile: string): boolean {
    return this.mobiles.has(mobile);
  }

  /**
   * A person written as a userid, a name, `name (department)` / `name（department）` (the department by
   * name, path or id) or a staff mobile (looked up first with DirectoryService.lookupMobiles).
   */
  resolvePerson(text: string): PersonMatch {
    const raw = text.trim();
    const m = this.match(raw);
    if (m.kind === 'found') return { kind: 'found', userid: m.member.userid, via: m.via };
    if (m.kind === 'many')
      return { kind: 'ambiguous', text: raw, candidates: m.members.map((s) => this.candidate(s)) };
    return { kind: 'unknown', text: raw, reason: m.reason };
  }

  private match(raw: string): Match {
    const exact = this.staff.get(raw);
    const key = fold(raw);
    const byName = this.staffByName.get(key) ?? [];
    const byId = exact ?? this.staffByFoldedId.get(key);
    // A userid and someone's name both matching different people is ambiguous, never guessed.
    const idOnly = byId !== undefined && !byName.includes(byId);
    const hits = idOnly ? [byId, ...byName] : byName;
    if (hits.length === 1) return { kind: 'found', member: hits[0]!, via: idOnly ? 'userid' : 'name' };
    if (hits.length > 1) return { kind: 'many', members: hits };

    const mobile = mobileOf(raw);
    if (mobile !== undefined) {
      if (!this.mobiles.has(mobile)) return { kind: 'unknown', reason: 'mobile-not-looked-up' };
      const member = this.staff.get(this.mobiles.get(mobile) ?? '');
      return member ? { kind: 'found', member, via: 'mobile' } : { kind: 'unknown', reason: 'mobile' };
    }

    const parts = WITH_DEPT.exec(raw.normalize('NFKC').trim());
    if (parts) {
      const named = this.staffByName.get(fold(parts[1]!)) ?? [];
      if (named.length > 0) return this.byNameInDepartment(named, parts[2]!);
    }
    return { kind: 'unknown', reason: 'not-staff' };
  }

  /** People of one name narrowed by the department in brackets: its direct members first, then its subtree. */
  private byNameInDepartment(named: StaffMember[], deptText: string): Match {
    const dept = this.resolveDepartment(deptText);
    const depts =
      dept.kind === 'found' ? [dept.id] : dept.kind === 'ambiguous' ? dept.candidates.map((c) => c.id) : [];
    if (depts.length === 0) return { kind: 'unknown', reason: 'department' };
    let hits = named.filter((s) => s.deptIds.some((d) => depts.includes(d)));
    if (hits.length === 0) {
      const below = new Set(depts.flatMap((d) => this.subtree(d).map((x) => x.id)));
      hits = named.filter((s) => s.deptIds.some((d) => below.has(d)));
    }
    if (hits.length === 1) return { kind: 'found', member: hits[0]!, via: 'name+department' };
    if (hits.length === 0) return { kind: 'unknown', reason: 'department' };
    return { kind: 'many', members: hits };
  }

  private candidate(s: StaffMember): PersonCandidate {
    return {
      userid: s.userid,
      name: s.name,
      label: this.personLabel(s.userid),
      departments: s.deptIds.map((d) => this.departments.get(d)?.path || this.root.name || String(d)),
    };
  }

  /** A department written as its id, its name, or its path below the root (`销售部/客服`). */
  resolveDepartment(text: string): DepartmentMatch {
    const raw = text.trim();
    const norm = raw.normalize('NFKC').trim();
    if (/^\d+$/.test(norm)) {
      const id = Number(norm);
      if (this.departments.has(id)) return { kind: 'found', id, via: 'id' };
    }
    const key = fold(norm);
    if (key !== '' && key === fold(this.root.name)) return { kind: 'found', id: ROOT_DEPT, via: 'name' };
    const named = this.deptsByName.get(key) ?? [];
    if (named.length === 1) return { kind: 'found', id: named[0]!.id, via: 'name' };
    if (named.length > 1)
      return { kind: 'ambiguous', text: raw, candidates: named.map((d) => ({ id: d.id, path: d.path })) };
    if (norm.includes('/')) return this.byPath(raw, norm);
    return { kind: 'unknown', text: raw };
  }

  /** `销售部/客服`, `/销售部/客服` or `<root name>/销售部/客服`: walked from the root, level by level. */
  private byPath(raw: string, norm: string): DepartmentMatch {
    const segments = norm
      .split('/')
      .map(fold)
      .filter((s) => s !== '');
    if (segments.length > 0 && segments[0] === fold(this.root.name)) segments.shift();
    let level: Department[] = [this.root];
    for (const seg of segments) {
      level = level.flatMap((d) => (this.children.get(d.id) ?? []).filter((c) => fold(c.name) === seg));
      if (level.length === 0) return { kind: 'unknown', text: raw };
    }
    if (level.length === 1) return { kind: 'found', id: level[0]!.id, via: 'path' };
    return { kind: 'ambiguous', text: raw, candidates: level.map((d) => ({ id: d.id, path: d.path })) };
  }

  /**
   * The shortest label that resolves back to this person alone: the name where unique, else
   * `name（department）` (by name, then by path), else the userid. Someone not in the directory (a
   * leaver) is shown by userid.
   */
  personLabel(userid: string): string {
    const cached = this.personLabels.get(userid);
    if (cached !== undefined) return cached;
    const s = this.staff.get(userid);
    let label = userid;
    if (s) {
      const tries = [s.name];
      for (const d of s.deptIds) {
        const dept = this.departments.get(d);
        if (!dept) continue;
        tries.push(withDepartment(s.name, dept.id === ROOT_DEPT ? this.root.name : dept.name));
        if (dept.path !== '' && dept.path !== dept.name) tries.push(withDepartment(s.name, dept.path));
      }
      label = tries.find((t) => t !== '' && this.resolvesTo(t, userid)) ?? userid;
    }
    this.personLabels.set(userid, label);
    return label;
  }

  private resolvesTo(text: string, userid: string): boolean {
    const m = this.match(text.trim());
    return m.kind === 'found' && m.member.userid === userid;
  }

  /** The department's name where unique, else its path, else its id (siblings of the same name). */
  departmentLabel(id: number): string {
    const cached = this.deptLabels.get(id);
    if (cached !== undefined) return cached;
    const d = this.departments.get(id);
    let label = String(id);
    if (d) {
      const tries = id === ROOT_DEPT ? [d.name] : [d.name, d.path];
      label =
        tries.find((t) => {
          if (t === '') return false;
          const r = this.resolveDepartment(t);
          return r.kind === 'found' && r.id === id;
        }) ?? String(id);
    }
    this.deptLabels.set(id, label);
    return label;
  }
}
