// The contact query language, parsed (docs/cli.md "Queries"): one parser for the CLI and the app.
//   label:重要客户 owner:李娜 company:Acme* -label:Lost "big deal"
// Terms are separated by spaces and ANDed; `-term` negates; `key:value` names a field; `a,b` in a value
// means either; `*` is a wildcard; quotes allow spaces. A bare word searches name, mobile, company,
// title and remark. Errors carry the bad term's position so the CLI and the search box can point at it.

import { QUERY_KEYS, type QueryKey } from '../../../shared/contact-query';
import { translate, type Lang } from '../../../shared/i18n';

export { QUERY_KEYS, type QueryKey };

/** One alternative of a value: its text and whether it holds a `*` wildcard (unquoted). */
export interface QueryValue {
  text: string;
  wildcard: boolean;
}

export interface QueryTerm {
  /** undefined: a bare word (searches name, mobile, company, title, remark). */
  key?: QueryKey;
  negated: boolean;
  /** Alternatives (`a,b`): the term holds when any does. */
  values: QueryValue[];
  /** The term as typed, and where it is in the query (for error pointers and chips). */
  raw: string;
  start: number;
  end: number;
}

export type QueryErrorCode =
  | 'unclosed-quote'
  | 'empty-value'
  | 'unknown-key'
  | 'lone-minus'
  | 'unknown-label'
  | 'unknown-group'
  | 'unknown-person'
  | 'unknown-dept';

/** A query that cannot run: one line naming the bad term. `start`/`end` index the query text. */
export class QueryError extends Error {
  constructor(
    readonly code: QueryErrorCode,
    /** What is wrong with the term, without the pointer (already in the admin's language). */
    readonly reason: string,
    readonly term: string,
    readonly start: number,
    readonly end: number,
    lang: Lang = 'en',
  ) {
    super(translate(lang, 'query.bad', { reason, term }));
    this.name = 'QueryError';
  }
}

const QUOTES: Record<string, string> = { '"': '"', '“': '”', "'": "'", '「': '」' };
const isSpace = (ch: string): boolean => /\s/.test(ch);
const isComma = (ch: string): boolean => ch === ',' || ch === '，';

/** Aliases people type for the keys (English and Chinese). */
const KEY_ALIASES: Record<string, QueryKey> = {
  label: 'label',
  labels: 'label',
  tag: 'label',
  标签: 'label',
  group: 'group',
  标签组: 'group',
  owner: 'owner',
  负责人: 'owner',
  'shared-user': 'shared-user',
  'shared-users': 'shared-user',
  共享员工: 'shared-user',
  'shared-dept': 'shared-dept',
  'shared-depts': 'shared-dept',
  共享部门: 'shared-dept',
  company: 'company',
  company_name: 'company',
  公司: 'company',
  title: 'title',
  职位: 'title',
  name: 'name',
  姓名: 'name',
  mobile: 'mobile',
  phone: 'mobile',
  手机: 'mobile',
  remark: 'remark',
  备注: 'remark',
  address: 'address',
  地址: 'address',
};

export type QueryLang = Lang;

/** Parses a query into terms; throws QueryError at the first bad term. An empty query has no terms (all match). */
export function parseQuery(query: string, lang: QueryLang = 'en'): QueryTerm[] {
  const terms: QueryTerm[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    while (i < n && isSpace(query[i]!)) i++;
    if (i >= n) break;
    const start = i;
    // Scan to the end of the term: whitespace outside quotes.
    let quote: string | undefined;
    let j = i;
    for (; j < n; j++) {
      const ch = query[j]!;
      if (quote) {
        if (ch === quote) quote = undefined;
      } else if (QUOTES[ch]) quote = QUOTES[ch];
      else if (isSpace(ch)) break;
    }
    const raw = query.slice(start, j);
    const fail = (code: QueryErrorCode, reason: string): never => {
      throw new QueryError(code, reason, raw, start, j, lang);
    };
    if (quote) fail('unclosed-quote', translate(lang, 'query.unclosedQuote'));
    i = j;

    let body = raw;
    let negated = false;
    if (body.startsWith('-')) {
      negated = true;
      body = body.slice(1);
      if (body === '') fail('lone-minus', translate(lang, 'query.loneMinus'));
    }
    let key: QueryKey | undefined;
    // key:value — the key is the unquoted text before the first ':' (full-width '：' too).
    const colon = body.search(/[:：]/);
    const firstQuote = body.search(/["“'「]/);
    if (colon > 0 && (firstQuote < 0 || colon < firstQuote)) {
      const name = body.slice(0, colon).toLowerCase();
      key = KEY_ALIASES[name];
      if (!key)
        fail('unknown-key', translate(lang, 'query.unknownKey', { key: name, keys: QUERY_KEYS.join(', ') }));
      body = body.slice(colon + 1);
      if (body === '') fail('empty-value', translate(lang, 'query.emptyValue', { key: name }));
    }
    terms.push({ key, negated, values: splitValues(body), raw, start, end: j });
  }
  return terms;
}

/** Splits a value at unquoted commas; quotes are removed and make their text literal (no wildcard). */
function splitValues(body: string): QueryValue[] {
  const out: QueryValue[] = [];
  let text = '';
  let wildcard = false;
  let quote: string | undefined;
  let any = false;
  for (const ch of body) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else text += ch === '*' ? '\\*' : ch;
    } else if (QUOTES[ch]) {
      quote = QUOTES[ch];
      any = true;
    } else if (isComma(ch)) {
      if (text !== '' || any) out.push({ text: unescape(text, wildcard), wildcard });
      text = '';
      wildcard = false;
      any = false;
    } else {
      if (ch === '*') wildcard = true;
      text += ch;
    }
  }
  if (text !== '' || any) out.push({ text: unescape(text, wildcard), wildcard });
  return out;
}

// A quoted `*` is literal: kept escaped in wildcard values, plain otherwise.
const unescape = (text: string, wildcard: boolean): string => (wildcard ? text : text.replace(/\\\*/g, '*'));

/** `*` → any run of characters; everything else literal. Anchored: the whole value must match. */
export function wildcardRegExp(pattern: string, anchored = true): RegExp {
  const parts = pattern
    .split(/(?<!\\)\*/)
    .map((p) => p.replace(/\\\*/g, '*').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const body = parts.join('.*');
  return new RegExp(anchored ? `^${body}$` : body, 'is');
}
