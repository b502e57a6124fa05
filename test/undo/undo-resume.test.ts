// An undo is a journaled job like any other: killed after it re-created a contact but before that row was
// recorded, `dtload resume` finishes it without a duplicate (the create is looked up by mobile first), and
// `dtload jobs` / the report show the whole undo (sandbox over loopback HTTP).
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadSandboxState, sandboxStatePath } from '../../electron/core/sandbox';
import { runCli } from '../cli/run-cli';

it('an interrupted undo resumes without re-creating a contact twice', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dtload-undo-resume-'));
  const sb = ['--sandbox', '--data-dir', dir, '--max-qps', '200'];
  const state = async () => (await loadSandboxState(sandboxStatePath(dir)))!.contacts;
  const last = (out: string) => JSON.parse(out.trim().split('\n').at(-1)!) as { jobId: string };
  expect((await runCli([...sb, 'export', join(dir, 'all.csv')])).code).toBe(0);
  const original = await state();
  const gone = original.filter((c) => c.mobile).slice(0, 3);
  await writeFile(join(dir, 'del.csv'), ['user_id', ...gone.map((c) => c.userid)].join('\n') + '\n');
  const del = await runCli([...sb, 'delete', join(dir, 'del.csv'), '--apply', '--json']);
  expect(del.code, del.err).toBe(0);
  const undo = await runCli([...sb, 'undo', last(del.out).jobId, '--apply', '--json']);
  expect(undo.code, undo.err).toBe(0);
  const undoId = last(undo.out).jobId;
  expect(await state()).toHaveLength(original.length);

  // As if the process died after the last create was sent, before its row and the end were journalled.
  const journal = join(dir, 'jobs', undoId, 'journal.ndjson');
  const lines = (await readFile(journal, 'utf8')).trim().split('\n');
  const kept = lines.filter((l) => !l.includes('"t":"end"'));
  const lastRow = kept.map((l) => l.includes('"t":"row"')).lastIndexOf(true);
  kept.splice(lastRow, 1);
  await writeFile(journal, kept.join('\n') + '\n');
  const listed = JSON.parse((await runCli([...sb, 'jobs', '--json'])).out) as Array<{
    jobId: string;
    kind: string;
    state: string;
  }>;
  expect(listed.find((j) => j.jobId === undoId)).toMatchObject({ kind: 'undo', state: 'interrupted' });

  const resumed = await runCli([...sb, 'resume', undoId, '--report', join(dir, 'r.json')]);
  expect(resumed.code, resumed.out + resumed.err).toBe(0);
  const now = await state();
  expect(now).toHaveLength(original.length);
  for (const c of gone) expect(now.filter((x) => x.mobile === c.mobile)).toHaveLength(1);
  const report = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8')) as {
    summary: { ok: number; create: number };
    rows: Array<{ userId: string | null; status: string }>;
  };
  expect(report.summary).toMatchObject({ create: 3, ok: 3 });
  for (const r of report.rows) expect(now.map((x) => x.userid)).toContain(r.userId);
});
