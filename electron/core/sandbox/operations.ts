// The extcontact operations on the store, each answering like the API page describes.
import { fail, ok, type Answer } from './answers';
import { intField, type Fields } from './body';
import type { ContactStore } from './store';
import { userIdFor } from './seed-data';
import { validateCreate, validateUpdate } from './validate';

/** When size and offset are not both given they do not take effect (page rule): the first 20. */
const DEFAULT_PAGE = { offset: 0, size: 20 };

function paging(f: Fields, sizeErrcode: number): Answer | { offset: number; size: number } {
  const size = intField(f.size);
  const offset = intField(f.offset);
  if (size === undefined || offset === undefined) return DEFAULT_PAGE;
  if (Number.isNaN(size) || size < 1 || size > 100) return fail(sizeErrcode, 'Invalid size');
  if (Number.isNaN(offset) || offset < 0) return fail(40068, 'Invalid offset');
  return { offset, size };
}

export function listLabelGroups(store: ContactStore, f: Fields): Answer {
  const p = paging(f, 41101);
  if ('kind' in p) return p;
  return ok({ results: store.groups.slice(p.offset, p.offset + p.size) });
}

export function listContacts(store: ContactStore, f: Fields): Answer {
  const p = paging(f, 40069);
  if ('kind' in p) return p;
  return ok({ results: store.page(p.offset, p.size) });
}

const userIdOf = (f: Fields): string | undefined =>
  typeof f.user_id === 'string' || typeof f.user_id === 'number' ? String(f.user_id) : undefined;

export function getContact(store: ContactStore, f: Fields): Answer {
  const id = userIdOf(f);
  if (!id) return fail(40036, 'Empty parameter: user_id');
  const c = store.get(id);
  return c ? ok({ result: c }) : fail(33012, 'Invalid userId');
}

export function deleteContact(store: ContactStore, f: Fields): Answer {
  const id = userIdOf(f);
  if (!id) return fail(40036, 'Empty parameter: user_id');
  return store.delete(id) ? ok() : fail(33012, 'Invalid userId');
}

export function updateContact(store: ContactStore, f: Fields): Answer {
  const next = validateUpdate(store, f.contact);
  if ('errcode' in next) return fail(next.errcode, next.errmsg);
  store.replace(next);
  return ok();
}

export function createContact(store: ContactStore, f: Fields, cap: number): Answer {
  const next = validateCreate(store, f.contact, cap);
  if ('errcode' in next) return fail(next.errcode, next.errmsg);
  const userid = userIdFor(store.created);
  store.insert({ userid, ...next });
  return ok({ userid });
}
