// Parsed query → a predicate over indexed contacts. Names (labels, groups, people, departments) are
// resolved here, once per query, so filtering 100,000 contacts only compares ids and folded strings.
import { closest, distance } from 'fastest-levenshtein';
import type { LabelGroup } from '../../../shared/domain';
import { joinList, translate } from '../../../shared/i18n';
import { LabelIndex } from '../import/labels';
import type { PeopleResolver } from './people';
import { idsOnly } from './people';
import {
  parseQuery,
  QueryError,
  wildcardRegExp,
  type QueryLang,
  type QueryTerm,
  type QueryValue,
} from './query-parse';
import type { IndexedContact } from './searchable';

export type Predicate = (c: IndexedContact) => boolean;

export interface CompileContext {
  groups: readonly LabelGroup[];
  people?: PeopleResolver;
  lang?: QueryLang;
}

/** The few names closest to `text` (edit distance), for "did you mean" in one line. */
export function closestNames(text: string, names: readonly string[], max = 3): string[] {
  const t = text.toLowerCase();
  const scored = [...new Set(names)]
    .map((n) => ({ n, d: distance(t, n.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n));
  const limit = Math.max(2, Math.ceil(t.length * 0.6));
  const near = scored.filter(
    (s) => s.d <= limit || s.n.toLowerCase().includes(t) || t.includes(s.n.toLowerCase()),
  );
  if (near.length === 0 && scored.length > 0) near.push({ n: closest(text, [...names]), d: 0 });
  return near.slice(0, max).map((s) => s.n);
}

const nearText = (names: string[], lang: QueryLang): string =>
  names.length
    ? translate(lang, 'query.near', {
        names: joinList(
          names.map((n) => `"${n}"`),
          lang,
        ),
      })
    : '';

/** A text value: case-insensitive equality, `*` a wildcard, `""` the empty field. */
function textMatcher(v: QueryValue): (field: string) => boolean {
  if (v.wildcard) {
    const re = wildcardRegExp(v.text.toLowerCase());
    return (f) => re.test(f);
  }
  const want = v.text.trim().toLowerCase();
  return (f) => f === want;
}

/** A bare word: contained in name, mobile, company, title or remark (case-insensitive). */
function bareMatcher(v: QueryValue): Predicate {
  if (v.wildcard) {
    const re = wildcardRegExp(v.text.toLowerCase(), false);
    return (c) => re.test(c.hay);
  }
  const want = v.text.toLowerCase();
  return (c) => c.hay.includes(want);
}

const anyOf = <T>(tests: Array<(x: T) => boolean>): ((x: T) => boolean) =>
  tests.length === 1 ? tests[0]! : (x) => tests.some((t) => t(x));

/** Compiles a query (text or terms) into one predicate; throws QueryError naming the bad term. */
export function compileQuery(query: string | QueryTerm[], ctx: CompileContext): Predicate {
  const lang = ctx.lang ?? 'en';
  const terms = typeof query === 'string' ? parseQuery(query, lang) : query;
  const people = ctx.people ?? idsOnly(lang);
  let labels: LabelIndex | undefined;
  const labelIndex = (): LabelIndex => (labels ??= new LabelIndex(ctx.groups));
  const preds: Predicate[] = terms.map((term) => {
    const fail = (code: QueryError['code'], reason: string): never => {
      throw new QueryError(code, reason, term.raw, term.start, term.end, lang);
    };
    const p = compileTerm(term, { ctx, lang, people, labelIndex, fail });
    return term.negated ? (c: IndexedContact) => !p(c) : p;
  });
  if (preds.length === 0) return () => true;
  if (preds.length === 1) return preds[0]!;
  return (c) => {
    for (const p of preds) if (!p(c)) return false;
    return true;
  };
}

interface TermEnv {
  ctx: CompileContext;
  lang: QueryLang;
  people: PeopleResolver;
  labelIndex: () => LabelIndex;
  fail: (code: QueryError['code'], reason: string) => never;
}

function compileTerm(term: QueryTerm, env: TermEnv): Predicate {
  const { lang, fail } = env;
  switch (term.key) {
    case undefined:
      return anyOf(term.values.map(bareMatcher));
    case 'name':
    case 'mobile':
    case 'company':
    case 'title':
    case 'remark':
    case 'address': {
      const field = term.key;
      const tests = term.values.map((v) =>
        field === 'mobile' && !v.wildcard
          ? textMatcher({ ...v, text: v.text.replace(/[\s\-()]/g, '') })
          : textMatcher(v),
      );
      const t = anyOf(tests);
      return (c) => t(c[field]);
    }
    case 'label': {
      const ids = new Set<number>();
      const index = env.labelIndex();
      for (const v of term.values) {
        if (v.wildcard) {
          const re = wildcardRegExp(v.text.toLowerCase());
          let any = false;
          for (const g of env.ctx.groups)
            for (const l of g.labels) {
              if (re.test(l.name.toLowerCase()) || re.test(`${g.name}/${l.name}`.toLowerCase())) {
                ids.add(l.id);
                any = true;
              }
            }
          if (!any) fail('unknown-label', translate(lang, 'query.noLabelMatches', { name: v.text }));
          continue;
        }
        const r = index.resolve(v.text, undefined, lang);
        if (r.ok) {
          ids.add(r.label.id);
          continue;
        }
        // "Other" in two groups: the term means either.
        const same = env.ctx.groups.flatMap((g) =>
          g.labels.filter((l) => l.name.toLowerCase() === v.text.trim().toLowerCase()),
        );
        if (same.length > 1) {
          for (const l of same) ids.add(l.id);
          continue;
        }
        const names = env.ctx.groups.flatMap((g) => g.labels.flatMap((l) => [l.name, `${g.name}/${l.name}`]));
        fail(
          'unknown-label',
          translate(lang, 'query.unknownLabel', {
            name: v.text,
            near: nearText(closestNames(v.text, names), lang),
          }),
        );
      }
      return (c) => {
        for (const id of c.c.label_ids) if (ids.has(id)) return true;
        return false;
      };
    }
    case 'group': {
      const ids = new Set<number>();
      for (const v of term.values) {
        const re = v.wildcard ? wildcardRegExp(v.text.toLowerCase()) : undefined;
        const want = v.text.trim().toLowerCase();
        const hit = env.ctx.groups.filter((g) =>
          re ? re.test(g.name.toLowerCase()) : g.name.toLowerCase() === want,
        );
        if (hit.length === 0) {
          const near = closestNames(
            v.text,
            env.ctx.groups.map((g) => g.name),
          );
          fail(
            'unknown-group',
            translate(lang, 'query.unknownGroup', { name: v.text, near: nearText(near, lang) }),
          );
        }
        for (const g of hit) for (const l of g.labels) ids.add(l.id);
      }
      return (c) => {
        for (const id of c.c.label_ids) if (ids.has(id)) return true;
        return false;
      };
    }
    case 'owner':
    case 'shared-user': {
      const tests = term.values.map((v): ((userid: string) => boolean) => {
        if (v.wildcard) {
          const re = wildcardRegExp(v.text.toLowerCase());
          return (u) => re.test(u.toLowerCase()) || re.test((env.people.personName(u) ?? '').toLowerCase());
        }
        const r = env.people.person(v.text, term.key);
        if (!r.ok) fail('unknown-person', r.error);
        const id = (r as { value: string }).value;
        return (u) => u === id;
      });
      const t = anyOf(tests);
      if (term.key === 'owner') return (c) => t(c.c.follower_user_id);
      return (c) => (c.c.share_user_ids ?? []).some(t);
    }
    case 'shared-dept': {
      const tests = term.values.map((v): ((id: number) => boolean) => {
        if (v.wildcard) {
          const re = wildcardRegExp(v.text.toLowerCase());
          return (d) => re.test(String(d)) || re.test((env.people.deptName(d) ?? '').toLowerCase());
        }
        const r = env.people.dept(v.text, term.key);
        if (!r.ok) fail('unknown-dept', r.error);
        const id = (r as { value: number }).value;
        return (d) => d === id;
      });
      const t = anyOf(tests);
      return (c) => (c.c.share_dept_ids ?? []).some(t);
    }
  }
}
