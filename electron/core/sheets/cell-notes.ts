// What the readers flag in a sheet's data rows that the admin should hear about before importing: formula
// cells with no saved result (a program that writes xlsx without calculating: they read as empty), numbers
// Excel saved to a csv in scientific notation (1.38E+10: the last digits are gone) and hidden rows (they are
// imported like any other). Counted over a full pass; each kind becomes one note naming the first cells.
import { listSome } from '../../../shared/clip';
import { LANGS, type Localised } from '../../../shared/i18n';
import { cellName, columnLetters } from './cell-ref';
import { sheetText, type SheetMessage } from './messages';
import type { RawRow } from './raw-row';
import type { SheetInfo, SheetNote } from './types';

const FIRST = 3;

interface Seen {
  count: number;
  first: string[];
  sample?: string;
}

const CODES = {
  noResult: { code: 'formulas-without-result', message: 'formulasWithoutResult' },
  scientific: { code: 'scientific-numbers', message: 'scientificNumbers' },
  hidden: { code: 'hidden-rows', message: 'hiddenRows' },
} as const satisfies Record<string, { code: string; message: SheetMessage }>;

type Kind = keyof typeof CODES;

export class CellNotes {
  private readonly seen = new Map<Kind, Seen>();

  private add(kind: Kind, where: string, sample?: string): void {
    const s = this.seen.get(kind) ?? { count: 0, first: [] };
    this.seen.set(kind, s);
    if (++s.count <= FIRST) s.first.push(where);
    s.sample ??= sample;
  }

  /** A data row (below the header, not blank) with flags; `width` is the header's. */
  see(r: RawRow, width: number): void {
    if (r.hidden) this.add('hidden', String(r.row));
    for (const c of r.noResult ?? []) if (c <= width) this.add('noResult', cellName(r.row, c));
    for (const c of r.scientific ?? [])
      if (c <= width) this.add('scientific', cellName(r.row, c), r.cells[c - 1]);
  }

  /** Replaces these notes in `info` with what this pass saw. */
  apply(info: SheetInfo): void {
    const codes = new Set<string>(Object.values(CODES).map((k) => k.code));
    info.notes = info.notes.filter((n) => !codes.has(n.code));
    for (const [kind, s] of this.seen) {
      const { code, message } = CODES[kind];
      const first = s.first.join(', ') + (s.count > s.first.length ? ', …' : '');
      const note: SheetNote = {
        code,
        text: sheetText(message, { count: s.count, first, sample: s.sample ?? '' }),
      };
      info.notes.push(note);
    }
  }
}

/** "1.38E+10", "-1.1E+17": how Excel writes a General number wider than its column to a csv. */
export function isScientific(text: string): boolean {
  const n = text.length;
  // Cheap checks first: every csv cell passes through here.
  if (n < 5 || n > 24 || text.charCodeAt(n - 3) !== 43 /* + */) return false;
  return /^-?\d(?:\.\d+)?E\+\d\d$/i.test(text);
}

/** The note for hidden columns that have a header (imported like any other), or none. */
export function hiddenColumnsNote(
  hidden: readonly number[],
  headers: readonly string[],
): SheetNote | undefined {
  const named = hidden.filter((c) => c <= headers.length && !/^Column \d+$/.test(headers[c - 1]!));
  if (named.length === 0) return undefined;
  const each = named.map((c) => `${columnLetters(c)} "${headers[c - 1]!}"`);
  const text = Object.fromEntries(
    LANGS.map((lang) => [lang, sheetText('hiddenColumns', { columns: listSome(each, lang, 5) })[lang]]),
  ) as Localised;
  return { code: 'hidden-columns', text };
}
