// Label names ↔ ids. Names are unique within a group, not across groups ("Other" may be in two), so a
// bare name that several groups hold must be written `Group/Label`.
import { LIST_SEPARATORS } from '../../../shared/fields';
import type { LabelGroup } from '../../../shared/domain';
import { joinAlternatives, translator, type Lang } from '../../../shared/i18n';
import { clip } from '../../../shared/clip';

export interface LabelRef {
  id: number;
  name: string;
  group: string;
  /** fold(group), precomputed: resolution runs per cell of 100,000-row sheets. */
  groupKey: string;
}

export type Resolved = { ok: true; label: LabelRef } | { ok: false; error: string };

/** A label cell read whole: its label ids (de-duplicated, in order), or the errors naming what did not resolve. */
export interface ResolvedCell {
  readonly ids: readonly number[];
  readonly errors: readonly string[];
}

/** Distinct cell texts remembered per group and language: a sheet's label cells repeat a few values. */
const CELL_CACHE_LIMIT = 10_000;

const SEPARATOR = new RegExp(LIST_SEPARATORS.source);
const fold = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

export class LabelIndex {
  readonly byId = new Map<number, LabelRef>();
  private readonly byName = new Map<string, LabelRef[]>();
  private readonly byFoldedName = new Map<string, LabelRef[]>();
  /** fold(group) → group name, exact group names kept as given. */
  private readonly groups = new Map<string, LabelGroup>();
  private readonly groupIdSets = new Map<string, ReadonlySet<number>>();
  /** `group\u0000label` → ref: the common case (an exact name in a group column) in one lookup. */
  private readonly exactInGroup = new Map<string, LabelRef>();
  /** Each label as a successful resolution, made once instead of once per cell. */
  private readonly resolvedById = new Map<number, Resolved>();
  /** Whole cells already read, by language, then group ('' for a `labels` column), then cell text. */
  private readonly cells = new Map<Lang, Map<string, Map<string, ResolvedCell>>>();

  constructor(readonly labelGroups: readonly LabelGroup[]) {
    for (const g of labelGroups) {
      if (!this.groups.has(fold(g.name))) this.groups.set(fold(g.name), g);
      for (const l of g.labels) {
        const ref: LabelRef = { id: l.id, name: l.name, group: g.name, groupKey: fold(g.name) };
        this.byId.set(l.id, ref);
        this.resolvedById.set(l.id, { ok: true, label: ref });
        push(this.byName, l.name, ref);
        push(this.byFoldedName, fold(l.name), ref);
        this.exactInGroup.set(`${g.name}\u0000${l.name}`, ref);
      }
    }
  }

  /** Ids of every label in a group (for `replace` within a group column). */
  groupIds(group: string): ReadonlySet<number> {
    let ids = this.groupIdSets.get(group);
    if (!ids) {
      const g = this.groups.get(fold(group));
      ids = new Set(g ? g.labels.map((l) => l.id) : []);
      this.groupIdSets.set(group, ids);
    }
    return ids;
  }

  /** The name shown for a label id: bare when unique, `Group/Label` when the bare name is shared. */
  display(id: number): string {
    const ref = this.byId.get(id);
    if (!ref) return `#${id}`;
    return (this.byName.get(ref.name)?.length ?? 0) > 1 ? `${ref.group}/${ref.name}` : ref.name;
  }

  /**
   * Resolves one name. In a group column (`group` set) only that group's labels count; in a `labels`
   * column any group's, and a name several groups hold is ambiguous unless written `Group/Label`.
   */
  resolve(raw: string, group?: string, lang: Lang = 'en'): Resolved {
    const name = raw.trim();
    const fast =
      group === undefined ? onlyOne(this.byName.get(name)) : this.exactInGroup.get(`${group}\u0000${name}`);
    if (fast) return this.resolvedById.get(fast.id)!;
    const candidates = this.candidates(name, group);
    if (candidates.length === 1) return { ok: true, label: candidates[0]! };
    if (candidates.length > 1) {
      const say = translator(lang);
      const options = joinAlternatives(
        candidates.map((c) => `"${c.group}/${c.name}"`),
        lang,
      );
      return {
        ok: false,
        error: say('plan.labelAmbiguous', { name: clip(name), count: candidates.length, options }),
      };
    }
    const say = translator(lang);
    const near = this.nearNames(name, group);
    return {
      ok: false,
      error:
        (group
          ? say('plan.labelUnknownInGroup', { name: clip(name), group: clip(group) })
          : say('plan.labelUnknown', { name: clip(name) })) +
        (near.length
          ? say('plan.labelDidYouMean', {
              names: joinAlternatives(
                near.map((n) => `"${n}"`),
                lang,
              ),
            })
          : ''),
    };
  }

  /**
   * A whole label cell (names split by the list separators) in a group column or, without `group`, a `labels`
   * column. The answer is shared between the rows holding the same text: callers must not change it.
   */
  resolveCell(raw: string, group?: string, lang: Lang = 'en'): ResolvedCell {
    const byText = this.cellsOf(group, lang);
    const known = byText.get(raw);
    if (known) return known;
    const ids: number[] = [];
    const errors: string[] = [];
    for (const name of splitList(raw)) {
      const r = this.resolve(name, group, lang);
      if (!r.ok) errors.push(r.error);
      else if (!ids.includes(r.label.id)) ids.push(r.label.id);
    }
    const cell: ResolvedCell = { ids, errors };
    if (byText.size < CELL_CACHE_LIMIT) byText.set(raw, cell);
    return cell;
  }

  /** `resolveCell` for one column: its group's and language's cells looked up once, not per row. */
  cellReader(group: string | undefined, lang: Lang): (raw: string) => ResolvedCell {
    const byText = this.cellsOf(group, lang);
    return (raw) => byText.get(raw) ?? this.resolveCell(raw, group, lang);
  }

  private cellsOf(group: string | undefined, lang: Lang): Map<string, ResolvedCell> {
    let byGroup = this.cells.get(lang);
    if (!byGroup) this.cells.set(lang, (byGroup = new Map()));
    let byText = byGroup.get(group ?? '');
    if (!byText) byGroup.set(group ?? '', (byText = new Map()));
    return byText;
  }

  private candidates(name: string, group?: string): LabelRef[] {
    const key = group === undefined ? undefined : fold(group);
    const inGroup = (refs: LabelRef[] | undefined): LabelRef[] =>
      (refs ?? []).filter((r) => key === undefined || r.groupKey === key);
    let found = inGroup(this.byName.get(name));
    if (found.length === 0) found = inGroup(this.byFoldedName.get(fold(name)));
    if (found.length > 0) return found;
    // `Group/Label`: try every slash, since label names may themselves hold a slash.
    for (let i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) {
      const g = name.slice(0, i).trim();
      const l = name.slice(i + 1).trim();
      if (key !== undefined && fold(g) !== key) continue;
      const grp = this.groups.get(fold(g));
      if (!grp) continue;
      const exact = grp.labels.find((x) => x.name === l) ?? grp.labels.find((x) => fold(x.name) === fold(l));
      if (exact) return [this.byId.get(exact.id)!];
    }
    return [];
  }

  private nearNames(name: string, group?: string): string[] {
    const f = fold(name);
    const out: string[] = [];
    for (const [n, refs] of this.byFoldedName) {
      const rs = refs.filter((r) => group === undefined || fold(r.group) === fold(group));
      if (rs.length === 0) continue;
      if (f.length >= 2 && (n.includes(f) || f.includes(n))) out.push(...rs.map((r) => this.display(r.id)));
      if (out.length >= 3) break;
    }
    return [...new Set(out)].slice(0, 3);
  }
}

const onlyOne = <T>(xs: T[] | undefined): T | undefined => (xs?.length === 1 ? xs[0] : undefined);

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

/** Splits a label or id-list cell by the contract's separators, dropping blanks. */
export function splitList(cell: string): string[] {
  // Most cells hold one name: skip the split and its intermediate arrays.
  if (!SEPARATOR.test(cell)) {
    const one = cell.trim();
    return one === '' ? [] : [one];
  }
  return cell
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
