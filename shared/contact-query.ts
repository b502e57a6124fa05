// The contact query language's keys and how the app writes a term (filter chips). The parser is in
// electron/core/contacts/query-parse.ts; this file only holds what the renderer also needs.

export const QUERY_KEYS = [
  'label',
  'group',
  'owner',
  'shared-user',
  'shared-dept',
  'company',
  'title',
  'name',
  'mobile',
  'remark',
  'address',
] as const;
export type QueryKey = (typeof QUERY_KEYS)[number];

/** A value as a query term: quoted when it holds spaces, commas, quotes or a leading '-'. */
export function quoteValue(value: string): string {
  return /[\s,，"“”'「」:：*]|^-/.test(value) || value === '' ? `"${value.replace(/"/g, '')}"` : value;
}

/** `key:value` ready to append to a query (the app's filter chips). */
export const queryTerm = (key: QueryKey, value: string, negated = false): string =>
  `${negated ? '-' : ''}${key}:${quoteValue(value)}`;
