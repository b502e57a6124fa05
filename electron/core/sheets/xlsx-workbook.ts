// The workbook-level parts of an xlsx package, read through the package's relationships as OOXML defines
// them: _rels/.rels names the workbook part (not always xl/workbook.xml), the workbook's .rels name its
// sheets, shared strings and styles. Works for Transitional and Strict OOXML and any namespace prefix.
import { posix } from 'node:path';
import { MAX_SHARED_STRINGS_BYTES } from './limits';
import type { NumberFormat } from './number-format';
import { standalone } from './standalone';
import { decodeXmlEscapes } from './xml-escapes';
import { attr, parseXml } from './xml-stream';
import type { ZipArchive } from './zip-archive';

export interface SheetPart {
  name: string;
  /** visible | hidden | veryHidden */
  state: string;
  /** Zip entry name of the worksheet part. */
  part: string;
}

export interface Workbook {
  sheets: SheetPart[];
  /** Shared strings as the admin sees them (escapes decoded). */
  shared: string[];
  /** Cell style index (`s`) → number format. */
  styles: NumberFormat[];
  date1904: boolean;
  /**
   * calcPr fullCalcOnLoad: the writer (openpyxl, XlsxWriter) did not calculate, so a formula's saved value is
   * empty or a placeholder 0, not its result.
   */
  uncalculated: boolean;
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

/** The rels part beside `part`: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
const relsOf = (part: string): string =>
  posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);

/** A relationship target resolved against its source part (absolute targets start at the package root). */
const resolveTarget = (source: string, target: string): string =>
  target.startsWith('/')
    ? posix.normalize(target).slice(1)
    : posix.normalize(posix.join(posix.dirname(source), target)).replace(/^\/+/, '');

async function readRels(zip: ZipArchive, part: string): Promise<Rel[]> {
  const rels: Rel[] = [];
  if (!zip.has(relsOf(part))) return rels;
  await parseXml(zip.text(relsOf(part)), {
    open(name, a) {
      if (name !== 'Relationship' || a.TargetMode === 'External') return;
      const target = a.Target;
      if (target) rels.push({ id: a.Id ?? '', type: a.Type ?? '', target: resolveTarget(part, target) });
    },
  });
  return rels;
}

const typeIs = (rel: Rel, kind: string): boolean => rel.type.endsWith(`/${kind}`);

/** Where the workbook part is; undefined when the package has none (not a spreadsheet). */
export async function findWorkbookPart(zip: ZipArchive): Promise<string | undefined> {
  const root = await readRels(zip, '');
  const office = root.find((r) => typeIs(r, 'officeDocument'))?.target;
  if (office && zip.has(office)) return office;
  return zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined;
}

/** Built-in formats the readers need a code for (the date/time ids are known by id in number-format.ts). */
const BUILTIN_CODES: Record<number, string> = { 1: '0', 9: '0%', 10: '0.00%', 49: '@' };

async function readStyles(zip: ZipArchive, part: string | undefined): Promise<NumberFormat[]> {
  if (!part) return [];
  const codes = new Map<number, string>();
  const styles: NumberFormat[] = [];
  let inCellXfs = false;
  await parseXml(zip.text(part), {
    open(name, a) {
      if (name === 'numFmt') codes.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        styles.push({ id, code: codes.get(id) ?? BUILTIN_CODES[id] });
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

async function readSharedStrings(zip: ZipArchive, part: string | undefined): Promise<string[]> {
  if (!part) return [];
  const shared: string[] = [];
  let text = '';
  let inSi = false;
  let inT = false;
  // Phonetic guides (<rPh>: pinyin, furigana typed by an East Asian IME) are not what the admin sees.
  let inPhonetic = false;
  await parseXml(zip.text(part, MAX_SHARED_STRINGS_BYTES), {
    open(name) {
      if (name === 'si') {
        inSi = true;
        text = '';
      } else if (name === 't') inT = inSi && !inPhonetic;
      else if (name === 'rPh') inPhonetic = true;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        inSi = false;
        shared.push(standalone(decodeXmlEscapes(text)));
      }
    },
    text(t) {
      if (inT) text += t;
    },
  });
  return shared;
}

/** Opens the workbook part and what it refers to. Throws (any error) when a part is malformed. */
export async function readWorkbook(zip: ZipArchive, part: string): Promise<Workbook> {
  const rels = await readRels(zip, part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  let date1904 = false;
  let uncalculated = false;
  const on = (v: string | undefined): boolean => v === '1' || v === 'true' || v === 'on';
  await parseXml(zip.text(part), {
    open(name, a) {
      if (name === 'workbookPr') date1904 = on(a.date1904);
      else if (name === 'calcPr') uncalculated = on(a.fullCalcOnLoad);
      else if (name === 'sheet') {
        const rel = byId.get(attr(a, 'id') ?? '');
        // Chartsheets and dialog sheets have no cells: only worksheets are listed.
        if (rel && typeIs(rel, 'worksheet') && zip.has(rel.target)) {
          sheets.push({ name: a.name ?? '', state: a.state ?? 'visible', part: rel.target });
        }
      }
    },
  });
  const partOf = (kind: string): string | undefined => {
    const rel = rels.find((r) => typeIs(r, kind));
    return rel && zip.has(rel.target) ? rel.target : undefined;
  };
  const styles = await readStyles(zip, partOf('styles'));
  const shared = await readSharedStrings(zip, partOf('sharedStrings'));
  return { sheets, shared, styles, date1904, uncalculated };
}
