// Shared helpers for the sheets tests.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  openSheet,
  SheetError,
  type OpenOptions,
  type SheetErrorCode,
  type SheetRow,
} from '../../electron/core/sheets';

export const tempDir = (prefix = 'dtload-sheets-'): Promise<string> => mkdtemp(join(tmpdir(), prefix));

export async function readAll(path: string, opts?: OpenOptions) {
  const source = await openSheet(path, opts);
  const rows: SheetRow[] = [];
  for await (const r of source.rows()) rows.push(r);
  return { info: source.info, rows, source };
}

/** Asserts openSheet fails with this code and exactly this one-line message. */
export async function expectSheetError(
  path: string,
  code: SheetErrorCode,
  message: string,
  opts?: OpenOptions,
) {
  const err = await openSheet(path, opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SheetError);
  expect((err as SheetError).code).toBe(code);
  expect((err as SheetError).message).toBe(message);
  expect((err as SheetError).message).not.toContain('\n');
  expect(String((err as SheetError).stack)).not.toMatch(/\n\s+at /);
}
