// Reads the current state of the contacts a sheet names, with as few calls as possible.
import pLimit from 'p-limit';
import type { Contact, LabelGroup } from '../../../shared/domain';
import type { ImportOptions, ImportPlan } from '../../../shared/import-types';
import type { DirectoryClient } from '../directory';
import { mobileKey } from './row-intent';

/** What planning needs from the DingTalk client (electron/core/dingtalk DingTalkClient satisfies it). */
/** The directory calls are needed only when a sheet names people or departments (see plan.ts). */
export interface ImportClient extends Partial<DirectoryClient> {
  listLabelGroups(): AsyncIterable<LabelGroup> | Promise<LabelGroup[]>;
  listContacts(): AsyncIterable<Contact>;
  getContact(userId: string): Promise<Contact>;
}

/** All label groups, whichever shape the client answers with. */
export async function readLabelGroups(client: Pick<ImportClient, 'listLabelGroups'>): Promise<LabelGroup[]> {
  const res = client.listLabelGroups();
  if (Symbol.asyncIterator in res) {
    const out: LabelGroup[] = [];
    for await (const g of res) out.push(g);
    return out;
  }
  return await res;
}

/** `list` pages hold at most 100 contacts. */
export const LIST_PAGE_SIZE = 100;
/** Parallel `get`s; the client's scheduler still caps calls per second. */
export const GET_CONCURRENCY = 8;

/** Errcodes `get` answers for an id that names no contact. */
const NOT_FOUND = new Set(['33012', '40003', '60121']);

export function isNotFound(e: unknown): boolean {
  const code = (e as { errcode?: unknown } | null)?.errcode;
  return code !== undefined && NOT_FOUND.has(String(code));
}

export interface CurrentState {
  /** Match key → contact, for the keys found. */
  found: Map<string, Contact>;
  reads: ImportPlan['reads'];
  /**
   * Sheet ids that match a listed contact's id once its leading zeros are dropped ("1129774889" for
   * "01129774889"): what Excel does to an id column typed as a number.
   */
  zeroless?: Map<string, string>;
}

export type FetchProgress = (done: number, total?: number) => void;

/** The ids wanted: a Set, or the keys of a Map (the plan's key → first row, without copying it). */
export type IdSet = Pick<ReadonlySet<string>, 'has' | 'size' | 'keys'>;

/**
 * Contacts by user_id. `list` costs one call per 100 contacts of the whole organisation, `get` one per
 * row, so `get` wins when rows < contacts / 100. The organisation's size is unknown until the list
 * ends, so list page by page and switch to `get` for the ids still missing once the sheet proves
 * sparse (under one wanted contact per page) and the pages read outnumber the gets left: at most about
 * twice the cheaper way. A single id is fetched with `get` straight away.
 */
export async function fetchByUserIds(
  client: Pick<ImportClient, 'listContacts' | 'getContact'>,
  ids: IdSet,
  onProgress?: FetchProgress,
): Promise<CurrentState> {
  const found = new Map<string, Contact>();
  const reads: CurrentState['reads'] = { get: 0, listContacts: 0, strategy: 'none' };
  if (ids.size === 0) return { found, reads };
  let zeroless: Map<string, string> | undefined;
  if (ids.size > 1) {
    reads.strategy = 'list';
    let seen = 0;
    let finished = true;
    for await (const c of client.listContacts()) {
      seen++;
      if (ids.has(c.userid)) {
        if (!found.has(c.userid)) found.set(c.userid, c);
      } else if (c.userid.charCodeAt(0) === 48 /* '0' */) {
        const bare = c.userid.replace(/^0+/, '');
        if (ids.has(bare)) (zeroless ??= new Map()).set(bare, c.userid);
      }
      if (seen % LIST_PAGE_SIZE === 0) {
        onProgress?.(found.size, ids.size);
        const pages = seen / LIST_PAGE_SIZE;
        const missing = ids.size - found.size;
        // Switch when gets are cheaper: fewer than one wanted contact per page so far (the sheet is
        // small next to the organisation) and the pages already read outnumber the gets left.
        if (missing === 0 || (found.size < pages && pages >= missing)) {
          finished = false;
          break;
        }
      }
    }
    reads.listContacts = Math.floor(seen / LIST_PAGE_SIZE) + (finished ? 1 : 0);
    if (finished) {
      onProgress?.(found.size, ids.size);
      return { found, reads, zeroless };
    }
    if (found.size === ids.size) return { found, reads, zeroless };
    reads.strategy = 'list+get';
  } else reads.strategy = 'get';

  const limit = pLimit(GET_CONCURRENCY);
  const missing = [...ids.keys()].filter((id) => !found.has(id));
  await Promise.all(
    missing.map((id) =>
      limit(async () => {
        reads.get++;
        try {
          const c = await client.getContact(id);
          found.set(id, c);
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
        onProgress?.(found.size, ids.size);
      }),
    ),
  );
  return { found, reads, zeroless };
}

/** Contacts by `state_code mobile` key: only the paged list can answer that. */
export async function fetchByMobiles(
  client: ImportClient,
  keys: IdSet,
  options: ImportOptions,
  onProgress?: FetchProgress,
): Promise<CurrentState & { duplicates: Map<string, string[]> }> {
  const found = new Map<string, Contact>();
  const duplicates = new Map<string, string[]>();
  let seen = 0;
  for await (const c of client.listContacts()) {
    seen++;
    if (!c.mobile) continue;
    const key = mobileKey(c.mobile, c.state_code, options);
    if (!keys.has(key)) continue;
    const prev = found.get(key);
    if (prev) duplicates.set(key, [...(duplicates.get(key) ?? [prev.userid]), c.userid]);
    else found.set(key, c);
    if (seen % LIST_PAGE_SIZE === 0) onProgress?.(found.size, keys.size);
  }
  onProgress?.(found.size, keys.size);
  return {
    found,
    duplicates,
    reads: { get: 0, listContacts: Math.floor(seen / LIST_PAGE_SIZE) + 1, strategy: 'list' },
  };
}

/**
 * Contacts by user_id plus the owners of the mobiles new rows would create, in one list pass: a create
 * whose mobile already belongs to a contact is refused by DingTalk (60200), so the plan catches it.
 */
export async function fetchByUserIdsAndMobiles(
  client: ImportClient,
  ids: IdSet,
  mobiles: IdSet,
  options: ImportOptions,
  onProgress?: FetchProgress,
): Promise<CurrentState & { byMobile: Map<string, Contact> }> {
  const found = new Map<string, Contact>();
  const byMobile = new Map<string, Contact>();
  let seen = 0;
  for await (const c of client.listContacts()) {
    seen++;
    if (ids.has(c.userid) && !found.has(c.userid)) found.set(c.userid, c);
    if (c.mobile) {
      const key = mobileKey(c.mobile, c.state_code, options);
      if (mobiles.has(key) && !byMobile.has(key)) byMobile.set(key, c);
    }
    if (seen % LIST_PAGE_SIZE === 0) onProgress?.(found.size + byMobile.size, ids.size + mobiles.size);
  }
  onProgress?.(found.size + byMobile.size, ids.size + mobiles.size);
  return {
    found,
    byMobile,
    reads: { get: 0, listContacts: Math.floor(seen / LIST_PAGE_SIZE) + 1, strategy: 'list' },
  };
}
