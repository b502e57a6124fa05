// Which sheets of an OpenDocument spreadsheet are hidden. SheetJS does not report it for .ods, so a hidden
// sheet would be read as if the admin saw it. A sheet is hidden when its table style says table:display="false".
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

/** The hidden sheets' names, in workbook order; none when the file cannot be read this way. */
export async function odsHiddenSheets(path: string): Promise<string[]> {
  let zip: ZipArchive;
  try {
    zip = await ZipArchive.open(path);
  } catch {
    return [];
  }
  try {
    if (!zip.has('content.xml')) return [];
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
    if (hiding.size === 0) return [];
    const hidden: string[] = [];
    for (const m of xml.matchAll(/<table:table\s[^>]*>/g)) {
      const style = attr(m[0], 'table:style-name');
      const name = attr(m[0], 'table:name');
      if (style !== undefined && name !== undefined && hiding.has(style)) hidden.push(unescape(name));
    }
    return hidden;
  } catch {
    return [];
  } finally {
    zip.close();
  }
}
