// Reads the current state of the contacts a sheet names, with as few calls as possible.
import pLimit from 'p-limit';
import type { Contact, LabelGroup } from '../../../shared/domain';
import type { ImportOptions, ImportPlan } from '../../../shared/import-types';
import type { DirectoryClient } from '../directory';
import type { ListContactsOptions } from '../dingtalk';
import { mobileKey } from './row-intent';

/** What planning needs from the DingTalk client (electron/core/dingtalk DingTalkClient satisfies it). */
/** The directory calls are needed only when a sheet names people or departments (see plan.ts). */
export interface ImportClient extends Partial<DirectoryClient> {
  listLabelGroups(): AsyncIterable<LabelGroup> | Promise<LabelGroup[]>;
  listContacts(opts?: Pick<ListContactsOptions, 'readAhead'>): AsyncIterable<Contact>;
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
 * Where the `stream…` functions hand each contact found, as it arrives, so that no caller has to hold the
 * whole organisation (a plan of a million rows merges each contact and keeps only what it changes).
 */
export interface ContactSink {
  /**
   * The contact of a wanted key. Returns undefined when the key is new, else the userid of the contact the
   * key already had: the same one listed again (a list paged while the organisation changes repeats some),
   * or by mobile, a second contact holding that mobile.
   */
  take(key: string, contact: Contact): string | undefined;
  /** Whether a key already had its contact (for the `get`s after a list stopped early). */
  has(key: string): boolean;
}

/** A sink that keeps every contact found, for callers that want them all at once. */
function mapSink(found: Map<string, Contact>): ContactSink {
  return {
    take(key, contact) {
      const prev = found.get(key);
      if (prev) return prev.userid;
      found.set(key, contact);
      return undefined;
    },
    has: (key) => found.has(key),
  };
}

/**
 * One pass over the organisation's paged contact list (every list read goes through here): `each` sees
 * every contact; after each full page `atPage(pages)` reports progress and may stop the pass (true).
 * `goesOn(pages)`: whether the pass certainly reads the page after the next one (`pages` read so far), so
 * that page is asked for while the next is merged (a pass that may stop must not waste a call on it).
 * Returns the `list` calls made and whether the list was read to its end.
 */
async function listPass(
  client: Pick<ImportClient, 'listContacts'>,
  each: (c: Contact) => void,
  atPage: (pages: number) => boolean | void,
  goesOn: (pages: number) => boolean = () => true,
): Promise<{ calls: number; finished: boolean }> {
  let seen = 0;
  const readAhead = (): boolean => goesOn(Math.floor(seen / LIST_PAGE_SIZE));
  for await (const c of client.listContacts({ readAhead })) {
    seen++;
    each(c);
    if (seen % LIST_PAGE_SIZE === 0 && atPage(seen / LIST_PAGE_SIZE) === true)
      return { calls: seen / LIST_PAGE_SIZE, finished: false };
  }
  // The last call answers the partial (or empty) page that ends the list.
  return { calls: Math.floor(seen / LIST_PAGE_SIZE) + 1, finished: true };
}

/** Contacts by user_id, all at once (see `streamByUserIds`). */
export async function fetchByUserIds(
  client: Pick<ImportClient, 'listContacts' | 'getContact'>,
  ids: IdSet,
  onProgress?: FetchProgress,
): Promise<CurrentState> {
  const found = new Map<string, Contact>();
  return { found, ...(await streamByUserIds(client, ids, mapSink(found), onProgress)) };
}

/**
 * Contacts by user_id, each handed to `sink` as it arrives. `list` costs one call per 100 contacts of the
 * whole organisation, `get` one per row, so `get` wins when rows < contacts / 100. The organisation's size
 * is unknown until the list ends, so list page by page and switch to `get` for the ids still missing once
 * the sheet proves sparse (under one wanted contact per page) and the pages read outnumber the gets left:
 * at most about twice the cheaper way. A single id is fetched with `get` straight away.
 */
export async function streamByUserIds(
  client: Pick<ImportClient, 'listContacts' | 'getContact'>,
  ids: IdSet,
  sink: ContactSink,
  onProgress?: FetchProgress,
): Promise<Omit<CurrentState, 'found'>> {
  const reads: CurrentState['reads'] = { get: 0, listContacts: 0, strategy: 'none' };
  if (ids.size === 0) return { reads };
  let zeroless: Map<string, string> | undefined;
  let found = 0;
  if (ids.size > 1) {
    reads.strategy = 'list';
    const pass = await listPass(
      client,
      (c) => {
        if (ids.has(c.userid)) {
          if (sink.take(c.userid, c) === undefined) found++;
        } else if (c.userid.charCodeAt(0) === 48 /* '0' */) {
          const bare = c.userid.replace(/^0+/, '');
          if (ids.has(bare)) (zeroless ??= new Map()).set(bare, c.userid);
        }
      },
      (pages) => {
        onProgress?.(found, ids.size);
        const missing = ids.size - found;
        // Switch when gets are cheaper: fewer than one wanted contact per page so far (the sheet is
        // small next to the organisation) and the pages already read outnumber the gets left.
        return missing === 0 || (found < pages && pages >= missing);
      },
      // The page after `pages` + 1 is read unless the pass stops after that one, which needs (at most
      // LIST_PAGE_SIZE more found) no more than pages + 1 + LIST_PAGE_SIZE ids missing now.
      (pages) => ids.size - found > pages + 1 + LIST_PAGE_SIZE,
    );
    reads.listContacts = pass.calls;
    if (pass.finished) {
      onProgress?.(found, ids.size);
      return { reads, zeroless };
    }
    if (found === ids.size) return { reads, zeroless };
    reads.strategy = 'list+get';
  } else reads.strategy = 'get';

  const limit = pLimit(GET_CONCURRENCY);
  const missing = [...ids.keys()].filter((id) => !sink.has(id));
  await Promise.all(
    missing.map((id) =>
      limit(async () => {
        reads.get++;
        try {
          const c = await client.getContact(id);
          if (sink.take(id, c) === undefined) found++;
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
        onProgress?.(found, ids.size);
      }),
    ),
  );
  return { reads, zeroless };
}

/**
 * Contacts by `state_code mobile` key, each handed to `sink` as it arrives: only the paged list can answer
 * that. `duplicates`: keys two or more contacts hold (the first one's userid, then the others').
 */
export async function streamByMobiles(
  client: Pick<ImportClient, 'listContacts'>,
  keys: IdSet,
  options: ImportOptions,
  sink: ContactSink,
  onProgress?: FetchProgress,
): Promise<Omit<CurrentState, 'found'> & { duplicates: Map<string, string[]> }> {
  const duplicates = new Map<string, string[]>();
  let found = 0;
  const pass = await listPass(
    client,
    (c) => {
      if (!c.mobile) return;
      const key = mobileKey(c.mobile, c.state_code, options);
      if (!keys.has(key)) return;
      const prev = sink.take(key, c);
      if (prev === undefined) found++;
      else if (prev !== c.userid) duplicates.set(key, [...(duplicates.get(key) ?? [prev]), c.userid]);
    },
    () => void onProgress?.(found, keys.size),
  );
  onProgress?.(found, keys.size);
  return { duplicates, reads: { get: 0, listContacts: pass.calls, strategy: 'list' } };
}

/**
 * Contacts by user_id (handed to `sink` as they arrive) plus the owners of the mobiles new rows would
 * create (`byMobile`, kept), in one list pass: a create whose mobile already belongs to a contact is
 * refused by DingTalk (60200), so the plan catches it.
 */
export async function streamByUserIdsAndMobiles(
  client: Pick<ImportClient, 'listContacts'>,
  ids: IdSet,
  mobiles: IdSet,
  options: ImportOptions,
  sink: ContactSink,
  onProgress?: FetchProgress,
): Promise<Omit<CurrentState, 'found'> & { byMobile: Map<string, Contact> }> {
  const byMobile = new Map<string, Contact>();
  let found = 0;
  const total = ids.size + mobiles.size;
  const pass = await listPass(
    client,
    (c) => {
      if (ids.has(c.userid) && sink.take(c.userid, c) === undefined) found++;
      if (c.mobile) {
        const key = mobileKey(c.mobile, c.state_code, options);
        if (mobiles.has(key) && !byMobile.has(key)) byMobile.set(key, c);
      }
    },
    () => void onProgress?.(found + byMobile.size, total),
  );
  onProgress?.(found + byMobile.size, total);
  return { byMobile, reads: { get: 0, listContacts: pass.calls, strategy: 'list' } };
}
