// The organisation's state: contacts by userid (insertion order = list order) and a mobile index.
import type { Contact, LabelGroup } from '../../../shared/domain';
import type { StaffDirectory } from './directory';

export const cloneContact = (c: Contact): Contact => {
  const copy: Contact = { ...c, label_ids: [...c.label_ids] };
  if (c.share_dept_ids) copy.share_dept_ids = [...c.share_dept_ids];
  if (c.share_user_ids) copy.share_user_ids = [...c.share_user_ids];
  return copy;
};

export class ContactStore {
  private readonly byId = new Map<string, Contact>();
  private readonly byMobile = new Map<string, string>();
  /** Snapshot of the ids in list order, rebuilt lazily after a create or delete. */
  private order: string[] | null = null;
  readonly labelIds: ReadonlySet<number>;
  /** Counts every contact ever created, so new userids never repeat a deleted one. */
  created = 0;

  constructor(
    readonly groups: LabelGroup[],
    contacts: Contact[],
    /** Staff and departments: owners and sharers must be staff, shared departments must exist. */
    readonly directory: StaffDirectory,
  ) {
    this.labelIds = new Set(groups.flatMap((g) => g.labels.map((l) => l.id)));
    for (const c of contacts) this.insert(c);
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): Contact | undefined {
    return this.byId.get(id);
  }

  idForMobile(mobile: string): string | undefined {
    return this.byMobile.get(mobile);
  }

  insert(c: Contact): void {
    this.byId.set(c.userid, c);
    if (c.mobile) this.byMobile.set(c.mobile, c.userid);
    this.order = null;
    this.created++;
  }

  /** Replace in place (keeps the list position). */
  replace(c: Contact): void {
    this.byId.set(c.userid, c);
  }

  delete(id: string): boolean {
    const c = this.byId.get(id);
    if (!c) return false;
    this.byId.delete(id);
    if (c.mobile && this.byMobile.get(c.mobile) === id) this.byMobile.delete(c.mobile);
    this.order = null;
    return true;
  }

  page(offset: number, size: number): Contact[] {
    this.order ??= [...this.byId.keys()];
    const out: Contact[] = [];
    for (const id of this.order.slice(offset, offset + size)) {
      const c = this.byId.get(id);
      if (c) out.push(c);
    }
    return out;
  }

  all(): Contact[] {
    return [...this.byId.values()];
  }
}
