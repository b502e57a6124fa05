// `--sandbox` keeps its organisation in the data dir: an applied import shows in the next run's export.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { resetSandboxState, sandboxStatePath } from '../../electron/core/sandbox';
import { createSheetWriter, openSheet } from '../../electron/core/sheets';
import { runCli } from './run-cli';

async function readRows(path: string): Promise<{ headers: string[]; rows: string[][] }> {
  const sheet = await openSheet(path);
  const rows: string[][] = [];
  for await (const r of sheet.rows()) rows.push(r.cells);
  return { headers: sheet.info.headers, rows };
}

it('an applied import is still there in the next --sandbox run, and --reset starts afresh', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dtload-sandbox-state-'));
  const sb = ['--sandbox', '--data-dir', dir];
  const before = join(dir, 'before.csv');
  expect((await runCli([...sb, 'export', before])).code).toBe(0);
  const { headers, rows } = await readRows(before);
  const title = headers.indexOf('Job title');
  const edits = join(dir, 'edits.csv');
  const writer = await createSheetWriter(edits, { headers });
  await writer.addRow(rows[0]!.map((c, i) => (i === title ? 'Persisted title' : c)));
  await writer.close();

  const applied = await runCli([...sb, 'import', edits, '--apply']);
  expect(applied.code).toBe(0);

  const after = join(dir, 'after.csv');
  expect((await runCli([...sb, 'export', after])).code).toBe(0);
  const again = await readRows(after);
  expect(again.rows[0]![title]).toBe('Persisted title');
  expect(again.rows.slice(1)).toEqual(rows.slice(1));

  expect((await runCli([...sb, 'import', edits])).out).toMatch(/0 to update/);
  // What `dtload sandbox --reset` does: drop the saved organisation; the next run starts from the seed.
  await resetSandboxState(sandboxStatePath(dir));
  const fresh = join(dir, 'fresh.csv');
  await runCli([...sb, 'export', fresh]);
  expect((await readRows(fresh)).rows).toEqual(rows);
});
