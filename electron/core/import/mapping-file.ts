// Mapping files (`--mapping FILE.json`): header → field | 'labels' | { group } | 'ignore'.
import { readFile, writeFile } from 'node:fs/promises';
import { CONTACT_FIELDS } from '../../../shared/fields';
import { translate, type Lang } from '../../../shared/i18n';
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

/** Checks a parsed mapping object; throws ImportInputError (in `lang`) naming the first bad entry. */
export function parseMapping(data: unknown, where?: string, lang: Lang = 'en'): MappingFile {
  const named = where ?? translate(lang, 'mapping.the');
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ImportInputError(translate(lang, 'mapping.notObject', { where: named }));
  }
  const out: MappingFile = {};
  for (const [header, target] of Object.entries(data as Record<string, unknown>)) {
    if (!isMappingTarget(target)) {
      throw new ImportInputError(
        translate(lang, 'mapping.badTarget', {
          where: named,
          header,
          target: JSON.stringify(target) ?? String(target),
          fields: [...FIELD_KEYS].join(', '),
        }),
      );
    }
    out[header] = typeof target === 'string' ? target : { group: target.group };
  }
  return out;
}

export async function loadMapping(path: string, lang: Lang = 'en'): Promise<MappingFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImportInputError(
      code === 'ENOENT'
        ? translate(lang, 'mapping.notFound', { path })
        : translate(lang, 'mapping.cannotRead', { path, code: code ?? 'error' }),
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ImportInputError(translate(lang, 'mapping.badJson', { path, reason: (e as Error).message }));
  }
  return parseMapping(data, translate(lang, 'mapping.file', { path }), lang);
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
