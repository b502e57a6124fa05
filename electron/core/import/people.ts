// People and departments in a sheet's cells (owner, shared staff, shared departments) → ids, through the
// staff directory. A text that names nobody, or several people, makes the row invalid with a reason naming
// the candidates; a name is never sent as an id. A value the contact already holds is kept even when the
// directory does not know it (a leaver still owning contacts, exported by userid).
import { fieldLabel, translator, type Lang, type Translate } from '../../../shared/i18n';
import type { Directory } from '../directory';
import { splitList } from './labels';

export type PersonField = 'follower_user_id' | 'share_user_ids';
type ListField = 'share_user_ids' | 'share_dept_ids';
export const PEOPLE_FIELDS: ReadonlySet<string> = new Set([
  'follower_user_id',
  'share_user_ids',
  'share_dept_ids',
]);

export type Resolved<T> = { ok: true; id: T } | { ok: false; error: string };

/** Candidates as the issue shows them: `张伟（销售部） / 张伟（华北销售）`. */
const CANDIDATE_SEPARATOR = ' / ';

const NO_IDS: readonly string[] = [];

/** Distinct texts remembered per field: a sheet's owner and sharing cells repeat a few hundred names. */
const CACHE_LIMIT = 10_000;

export class PeopleCells {
  private readonly t: Translate;
  /** Texts the directory resolved (a found person does not depend on the row), by field. */
  private readonly people = new Map<PersonField, Map<string, Resolved<string>>>();
  private readonly depts = new Map<string, Resolved<number>>();
  /** Whole list cells whose every item resolved, by field: most rows repeat a cell seen before. */
  private readonly lists = new Map<ListField, Map<string, readonly (string | number)[]>>();

  constructor(
    readonly directory: Directory,
    lang: Lang = 'en',
  ) {
    this.t = translator(lang);
  }

  /** `current`: the ids the row's contact holds in that field (its owner alone: no list made per row). */
  person(field: PersonField, text: string, current: readonly string[] | string = NO_IDS): Resolved<string> {
    let known = this.people.get(field);
    if (!known) this.people.set(field, (known = new Map()));
    const hit = known.get(text);
    if (hit) return hit;
    const r = this.directory.resolvePerson(text);
    if (r.kind === 'found') {
      const found: Resolved<string> = { ok: true, id: r.userid };
      if (known.size < CACHE_LIMIT) known.set(text, found);
      return found;
    }
    const raw = text.trim();
    if (typeof current === 'string' ? current === raw : current.includes(raw)) return { ok: true, id: raw };
    const name = fieldLabel(this.t, field);
    if (r.kind === 'ambiguous') {
      const candidates = r.candidates.map((c) => c.label).join(CANDIDATE_SEPARATOR);
      return {
        ok: false,
        error: this.t('directory.personAmbiguous', {
          field: name,
          text: raw,
          count: r.candidates.length,
          candidates,
        }),
      };
    }
    const key =
      r.reason === 'mobile' || r.reason === 'mobile-not-looked-up'
        ? 'directory.personMobileUnknown'
        : r.reason === 'department'
          ? 'directory.personDeptUnknown'
          : 'directory.personUnknown';
    return { ok: false, error: this.t(key, { field: name, text: raw }) };
  }

  dept(text: string, current: readonly number[] = []): Resolved<number> {
    const hit = this.depts.get(text);
    if (hit) return hit;
    const r = this.directory.resolveDepartment(text);
    if (r.kind === 'found') {
      const found: Resolved<number> = { ok: true, id: r.id };
      if (this.depts.size < CACHE_LIMIT) this.depts.set(text, found);
      return found;
    }
    const raw = text.trim();
    if (/^\d+$/.test(raw) && current.includes(Number(raw))) return { ok: true, id: Number(raw) };
    const name = fieldLabel(this.t, 'share_dept_ids');
    if (r.kind === 'ambiguous') {
      const candidates = r.candidates.map((c) => c.path).join(CANDIDATE_SEPARATOR);
      return {
        ok: false,
        error: this.t('directory.deptAmbiguous', {
          field: name,
          text: raw,
          count: r.candidates.length,
          candidates,
        }),
      };
    }
    return { ok: false, error: this.t('directory.deptUnknown', { field: name, text: raw }) };
  }

  /**
   * A shared-staff or shared-departments cell → its ids, duplicates dropped; `errors` gets one line per
   * item that resolves to nobody or to several. The ids of a cell that resolved whole are shared by every
   * row with that text (frozen: read, never changed).
   */
  list(
    field: 'share_user_ids',
    raw: string,
    current: readonly string[] | undefined,
    errors: string[],
  ): readonly string[];
  list(
    field: 'share_dept_ids',
    raw: string,
    current: readonly number[] | undefined,
    errors: string[],
  ): readonly number[];
  list(
    field: ListField,
    raw: string,
    current: readonly (string | number)[] | undefined,
    errors: string[],
  ): readonly (string | number)[] {
    let known = this.lists.get(field);
    if (!known) this.lists.set(field, (known = new Map()));
    const hit = known.get(raw);
    if (hit) return hit;
    const ids: (string | number)[] = [];
    let whole = true;
    for (const item of splitList(raw)) {
      const r =
        field === 'share_user_ids'
          ? this.person(field, item, current as readonly string[] | undefined)
          : this.dept(item, current as readonly number[] | undefined);
      if (!r.ok) errors.push(r.error);
      else if (!ids.includes(r.id)) ids.push(r.id);
      // Kept because the contact holds it, not because the directory knows it: true of this row only.
      if (!r.ok || !this.found(field, item)) whole = false;
    }
    if (whole && known.size < CACHE_LIMIT) known.set(raw, Object.freeze(ids));
    return ids;
  }

  /** Whether `item` resolved through the directory itself (cached), not through a row's contact. */
  private found(field: ListField, item: string): boolean {
    return field === 'share_user_ids' ? this.people.get(field)?.has(item) === true : this.depts.has(item);
  }

  /** How a person is shown in a diff, report or export. */
  personLabel(userid: string): string {
    return userid === '' ? '' : this.directory.personLabel(userid);
  }

  deptLabel(id: number): string {
    return this.directory.departmentLabel(id);
  }
}
