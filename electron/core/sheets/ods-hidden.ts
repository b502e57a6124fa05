// Which sheets and rows of an OpenDocument spreadsheet are hidden. SheetJS does not report either for .ods, so a
// hidden sheet would be read as if the admin saw it, and hidden rows imported without a word. A sheet is hidden
// when its table style says table:display="false"; a row when it says table:visibility="collapse" or "filter".
import { ZipArchive } from './zip-archive';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : ENTITIES[e.toLowerCase()]!,
  );

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

export interface OdsHidden {
  /** The hidden sheets' names, in workbook order. */
  sheets: string[];
  /** Each sheet's hidden rows (1-based), where it has any. */
  rows: Map<string, Set<number>>;
}

/** Rows hidden by collapse or a filter; the last repeated row (the sheet's empty rest) is passed over. */
function hiddenRows(table: string): Set<number> {
  const rows = new Set<number>();
  let row = 0;
  for (const m of table.matchAll(/<table:table-row\b[^>]*>/g)) {
    const repeated = Math.max(1, Number(attr(m[0], 'table:number-rows-repeated') ?? 1) || 1);
    const visibility = attr(m[0], 'table:visibility');
    if (visibility === 'collapse' || visibility === 'filter')
      for (let r = row + 1; r <= row + Math.min(repeated, 10_000); r++) rows.add(r);
    row += repeated;
  }
  return rows;
}

/** What is hidden; nothing when the file cannot be read this way. */
export async function odsHidden(path: string): Promise<OdsHidden> {
  const none: OdsHidden = { sheets: [], rows: new Map() };
  let zip: ZipArchive;
  try {
    zip = await ZipArchive.open(path);
  } catch {
    return none;
  }
  try {
    if (!zip.has('content.xml')) return none;
    let xml = '';
    for await (const text of zip.text('content.xml')) xml += text;
    // Table styles that hide their table: <style:style style:name="ta2" style:family="table"> holding
    // <style:table-properties table:display="false"/>.
    const hiding = new Set<string>();
    for (const m of xml.matchAll(/<style:style\s[^>]*>/g)) {
      if (attr(m[0], 'style:family') !== 'table') continue;
      const end = xml.indexOf('</style:style>', m.index);
      const body = xml.slice(m.index, end < 0 ? undefined : end);
      if (/<style:table-properties\s[^>]*table:display="false"/.test(body))
        hiding.add(attr(m[0], 'style:name') ?? '');
    }
    const out: OdsHidden = { sheets: [], rows: new Map() };
    for (const m of xml.matchAll(/<table:table\s[^>]*>/g)) {
      const style = attr(m[0], 'table:style-name');
      const name = attr(m[0], 'table:name');
      if (name === undefined) continue;
      if (style !== undefined && hiding.has(style)) out.sheets.push(unescape(name));
      const end = xml.indexOf('</table:table>', m.index);
      const rows = hiddenRows(xml.slice(m.index, end < 0 ? undefined : end));
      if (rows.size > 0) out.rows.set(unescape(name), rows);
    }
    return out;
  } catch {
    return none;
  } finally {
    zip.close();
  }
}
