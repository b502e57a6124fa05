// Validation of update and create bodies, in the order the update page lists its errcodes:
// 40036 empty parameter, 40003 invalid userId, 60112 invalid name, 60121 not found, 60204 no label,
// then the sandbox's own checks (documented here because no page states them):
// - more than 20 ids in label_ids / share_dept_ids / share_user_ids, an id that is not a number, or a
//   label id the organisation does not have → 40035 "Invalid parameter" (row-permanent);
// - a follower or shared user that is not a staff member → 60121 "user not found" and a shared department
//   the organisation does not have → 60003 "department not found", as DingTalk answers (dingtalk-api.md);
// - create: 60103 invalid mobile, 60200 mobile already exists, 60203 over the organisation's cap.
import type { Contact } from '../../../shared/domain';
import { intField } from './body';
import type { ContactStore } from './store';
import { isMobileFor } from '../../../shared/mobile';

export interface Refusal {
  errcode: number;
  errmsg: string;
}

const refuse = (errcode: number, errmsg: string): Refusal => ({ errcode, errmsg });
const MAX_IDS = 20;
const USER_ID = /^[A-Za-z0-9_.-]{1,64}$/;
const OPTIONAL_TEXT = ['title', 'company_name', 'address', 'remark'] as const;

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v === '');
const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

/** A JSON array, or a comma-separated string (some SDKs send lists that way). */
function list(v: unknown): unknown[] | undefined {
  if (isBlank(v)) return undefined;
  if (Array.isArray(v)) return v;
  if (typeof v === 'string')
    return v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return [v];
}

function validName(name: string): boolean {
  const trimmed = name.trim();
  // eslint-disable-next-line no-control-regex
  return trimmed.length > 0 && [...trimmed].length <= 64 && !/[\u0000-\u001f\u007f]/.test(name);
}

type Shared = Pick<Contact, 'follower_user_id' | 'label_ids' | 'share_dept_ids' | 'share_user_ids'>;

/** The checks update and create share once the required fields are present. */
function checkLists(store: ContactStore, raw: Record<string, unknown>): Refusal | Shared {
  const labels = list(raw.label_ids);
  if (!labels || labels.length === 0) return refuse(60204, 'A label is required for the external contact');
  if (labels.length > MAX_IDS) return refuse(40035, 'Invalid parameter: at most 20 label_ids');
  const labelIds: number[] = [];
  for (const l of labels) {
    const id = intField(l);
    if (id === undefined || Number.isNaN(id)) return refuse(40035, 'Invalid parameter: label_ids');
    if (!store.labelIds.has(id)) return refuse(40035, `Invalid parameter: label ${id} does not exist`);
    if (!labelIds.includes(id)) labelIds.push(id);
  }
  const follower = text(raw.follower_user_id) ?? '';
  if (!store.directory.isStaff(follower))
    return refuse(60121, 'The corresponding user is not found: follower_user_id is not a staff member');
  const out: Shared = { follower_user_id: follower, label_ids: labelIds };

  const depts = list(raw.share_dept_ids);
  if (depts && depts.length > 0) {
    if (depts.length > MAX_IDS) return refuse(40035, 'Invalid parameter: at most 20 share_dept_ids');
    const ids = depts.map(intField);
    if (ids.some((d) => d === undefined || Number.isNaN(d) || d <= 0))
      return refuse(40035, 'Invalid parameter: share_dept_ids');
    if (ids.some((d) => !store.directory.hasDept(d!)))
      return refuse(60003, 'The department is not found: share_dept_ids holds an unknown department');
    out.share_dept_ids = ids as number[];
  }
  const users = list(raw.share_user_ids);
  if (users && users.length > 0) {
    if (users.length > MAX_IDS) return refuse(40035, 'Invalid parameter: at most 20 share_user_ids');
    const ids = users.map(text);
    if (ids.some((u) => u === undefined || !store.directory.isStaff(u)))
      return refuse(60121, 'The corresponding user is not found: share_user_ids holds a non-staff user');
    out.share_user_ids = ids as string[];
  }
  return out;
}

function optionalText(raw: Record<string, unknown>, into: Contact): Refusal | undefined {
  for (const key of OPTIONAL_TEXT) {
    const v = raw[key];
    if (isBlank(v)) continue;
    const s = text(v);
    if (s === undefined) return refuse(40035, `Invalid parameter: ${key}`);
    into[key] = s;
  }
  return undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The contact as it will be after the update. DingTalk's update replaces the contact: an optional
 * field left out is cleared. mobile, state_code and email are read-only here and kept.
 */
export function validateUpdate(store: ContactStore, raw: unknown): Refusal | Contact {
  if (!isObject(raw)) return refuse(40036, 'Empty parameter: contact');
  for (const key of ['user_id', 'name', 'follower_user_id'] as const)
    if (isBlank(raw[key])) return refuse(40036, `Empty parameter: ${key}`);
  const userId = text(raw.user_id);
  if (userId === undefined || !USER_ID.test(userId)) return refuse(40003, 'Invalid userId');
  const name = text(raw.name);
  if (name === undefined || !validName(name)) return refuse(60112, 'Invalid user name');
  const current = store.get(userId);
  if (!current) return refuse(60121, 'The corresponding user is not found');
  const shared = checkLists(store, raw);
  if ('errcode' in shared) return shared;
  const next: Contact = { userid: userId, name: name.trim(), ...shared };
  if (current.mobile !== undefined) next.mobile = current.mobile;
  if (current.state_code !== undefined) next.state_code = current.state_code;
  if (current.email !== undefined) next.email = current.email;
  return optionalText(raw, next) ?? keepUnchanged(current, next);
}

/**
 * `next` holding the current contact's own values where they did not change: updates mostly resend what the
 * contact already holds, and copies parsed from every request would each outlive young-generation GC.
 */
function keepUnchanged(current: Contact, next: Contact): Contact {
  const c = current as unknown as Record<string, unknown>;
  const n = next as unknown as Record<string, unknown>;
  for (const key of Object.keys(n)) {
    const was = c[key];
    const now = n[key];
    const same =
      typeof was === 'string' ? was === now : Array.isArray(was) && Array.isArray(now) && sameItems(was, now);
    if (same) n[key] = was;
  }
  return next;
}

const sameItems = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The new contact (without its userid yet), or why it is refused. */
export function validateCreate(
  store: ContactStore,
  raw: unknown,
  cap: number,
): Refusal | Omit<Contact, 'userid'> {
  if (!isObject(raw)) return refuse(40036, 'Empty parameter: contact');
  for (const key of ['name', 'follower_user_id', 'state_code', 'mobile'] as const)
    if (isBlank(raw[key])) return refuse(40036, `Empty parameter: ${key}`);
  const name = text(raw.name);
  if (name === undefined || !validName(name)) return refuse(60112, 'Invalid user name');
  const shared = checkLists(store, raw);
  if ('errcode' in shared) return shared;
  const stateCode = (text(raw.state_code) ?? '').replace(/^\+/, '');
  const mobile = text(raw.mobile) ?? '';
  if (!isMobileFor(stateCode, mobile)) return refuse(60103, 'Invalid mobile number');
  if (store.idForMobile(mobile) !== undefined) return refuse(60200, 'The external contact already exists');
  if (store.size >= cap) return refuse(60203, 'The number of external contacts exceeds the limit');
  const next: Contact = { userid: '', name: name.trim(), ...shared, mobile, state_code: stateCode };
  if (!isBlank(raw.email)) {
    const email = text(raw.email);
    if (email === undefined || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      return refuse(40035, 'Invalid parameter: email');
    next.email = email;
  }
  const refused = optionalText(raw, next);
  if (refused) return refused;
  const { userid: _userid, ...rest } = next;
  return rest;
}
