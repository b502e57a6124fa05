// Mapping files (`--mapping FILE.json`): header → field | 'labels' | { group } | 'ignore'.
import { readFile, writeFile } from 'node:fs/promises';
import { CONTACT_FIELDS } from '../../../shared/fields';
import type { MappingFile, MappingResult, MappingTarget } from '../../../shared/import-types';

/** Bad input from the admin (a mapping file, a sheet without a needed column): nothing is sent. */
export class ImportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportInputError';
  }
}

const FIELD_KEYS = new Set<string>(CONTACT_FIELDS.map((f) => f.field));

export function isMappingTarget(v: unknown): v is MappingTarget {
  if (typeof v === 'string') return v === 'labels' || v === 'ignore' || FIELD_KEYS.has(v);
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).length === 1 &&
    typeof (v as { group?: unknown }).group === 'string' &&
    (v as { group: string }).group.trim() !== ''
  );
}

/** Checks a parsed mapping object; throws ImportInputError naming the first bad entry. */
export function parseMapping(data: unknown, where = 'the mapping'): MappingFile {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ImportInputError(`${where} must be a JSON object of header → field.`);
  }
  const out: MappingFile = {};
  for (const [header, target] of Object.entries(data as Record<string, unknown>)) {
    if (!isMappingTarget(target)) {
      throw new ImportInputError(
        `${where}: column "${header}" maps to ${JSON.stringify(target)}; use a field (${[...FIELD_KEYS].join(', ')}), "labels", {"group": "<label group>"} or "ignore".`,
      );
    }
    out[header] = typeof target === 'string' ? target : { group: target.group };
  }
  return out;
}

export async function loadMapping(path: string): Promise<MappingFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImportInputError(
      code === 'ENOENT'
        ? `Mapping file not found: ${path}`
        : `Cannot read mapping file ${path} (${code ?? 'error'}).`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ImportInputError(`Mapping file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  return parseMapping(data, `Mapping file ${path}`);
}

/** Saves a mapping as a mapping file (every column, ignored ones included, so it reloads identically). */
export async function saveMapping(path: string, mapping: MappingResult | MappingFile): Promise<void> {
  const file: MappingFile =
    'columns' in mapping && Array.isArray(mapping.columns)
      ? Object.fromEntries(
          (mapping as MappingResult).columns
            .filter((c) => c.header.trim() !== '')
            .map((c) => [c.header, c.target]),
        )
      : (mapping as MappingFile);
  await writeFile(path, JSON.stringify(file, null, 2) + '\n', 'utf8');
}
