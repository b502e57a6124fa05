// How the contacts workspace names people and departments: the staff directory (issue 9) resolves
// "李娜", "李娜（销售部）", a staff mobile or a userid to a userid, and a department name, path or id to a
// dept id. Until a directory is at hand, ids are taken as they are.
import { translate, type Lang } from '../../../shared/i18n';

export type Resolution<T> = { ok: true; value: T } | { ok: false; error: string };

export interface PeopleResolver {
  /**
   * A person in any form the import accepts → userid, or one line naming it and the closest names.
   * `field`: what the line calls the place it was named in (a query key or option), when not the default.
   */
  person(text: string, field?: string): Resolution<string>;
  /** A department as a name, a path below the root or an id → dept id. */
  dept(text: string, field?: string): Resolution<number>;
  /** Display name of a staff member, when known. */
  personName(userid: string): string | undefined;
  /** Display name (or path) of a department, when known. */
  deptName(id: number): string | undefined;
}

/** Without the staff directory: a person is their userid, a department its numeric id. */
export const idsOnly = (lang: Lang = 'en'): PeopleResolver => ({
  person: (text) => ({ ok: true, value: text.trim() }),
  dept: (text) => {
    const t = text.trim();
    return /^\d+$/.test(t)
      ? { ok: true, value: Number(t) }
      : { ok: false, error: translate(lang, 'query.notDeptId', { name: t }) };
  },
  personName: () => undefined,
  deptName: () => undefined,
});

/** A resolver as the diff's namer: a person or department it does not know stays an id. */
export const resolverLabels = (
  who: PeopleResolver,
): { personLabel(userid: string): string; deptLabel(id: number): string } => ({
  personLabel: (u) => (u === '' ? '' : (who.personName(u) ?? u)),
  deptLabel: (d) => who.deptName(d) ?? String(d),
});
