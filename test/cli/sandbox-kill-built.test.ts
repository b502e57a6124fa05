// `dtload --sandbox` killed with SIGKILL mid-apply keeps every write it was answered, as DingTalk would:
// each row the journal records as done is in the saved organisation, and after `resume` nothing is left
// to change (before the fix the sandbox saved only on exit, so a kill lost the writes and the resumed job
// said "all ok" of contacts the organisation did not have).
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import type { SandboxState } from '../../electron/core/sandbox';
import { createSheetWriter, openSheet } from '../../electron/core/sheets';
import { spawnCli } from './spawn-cli';

const BIN = resolve(__dirname, '../../bin/dtload.mjs');
const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

it('keeps the writes of a SIGKILLed --sandbox apply, and resume finishes the rest', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dtload-sandbox-kill-'));
  const sb = ['--sandbox', '--data-dir', dir];
  const exported = join(dir, 'all.csv');
  expect((await spawnCli([...sb, 'export', exported])).code).toBe(0);
  const sheet = await openSheet(exported);
  const title = sheet.info.headers.indexOf('Job title');
  const edits = join(dir, 'edits.csv');
  const writer = await createSheetWriter(edits, { headers: sheet.info.headers });
  let n = 0;
  for await (const r of sheet.rows()) {
    if (n++ === 60) break;
    await writer.addRow(r.cells.map((c, i) => (i === title ? `Killed ${n}` : c)));
  }
  await writer.close();

  const child = spawn(process.execPath, [BIN, ...sb, '--max-qps', '10', 'import', edits, '--apply'], {
    env: { PATH: process.env.PATH, DTLOAD_LANG: 'en' },
    stdio: 'ignore',
  });
  const exited = new Promise((r) => child.on('exit', r));
  const journal = async (): Promise<{ t: string; userId?: string; status?: string }[]> => {
    const [jobId] = await readdir(join(dir, 'jobs')).catch(() => []);
    if (!jobId) return [];
    const text = await readFile(join(dir, 'jobs', jobId, 'journal.ndjson'), 'utf8').catch(() => '');
    return text
      .split('\n')
      .filter((l) => l.startsWith('{') && l.endsWith('}'))
      .map((l) => JSON.parse(l) as { t: string; userId?: string; status?: string });
  };
  const done = async (): Promise<number> => (await journal()).filter((r) => r.t === 'row').length;
  const deadline = Date.now() + 20_000;
  while ((await done()) < 10 && Date.now() < deadline) await wait(100);
  child.kill('SIGKILL');
  await exited;

  const rows = (await journal()).filter((r) => r.t === 'row' && r.status === 'ok');
  expect(rows.length).toBeGreaterThanOrEqual(10);
  expect(rows.length).toBeLessThan(60);
  const saved = JSON.parse(await readFile(join(dir, 'sandbox', 'organisation.json'), 'utf8')) as SandboxState;
  const titles = new Map(saved.contacts.map((c) => [c.userid, c.title ?? '']));
  for (const r of rows) expect(titles.get(r.userId!)).toMatch(/^Killed \d+$/);

  const [job] = JSON.parse((await spawnCli([...sb, 'jobs', '--json'])).out) as { jobId: string }[];
  const resumed = await spawnCli([...sb, 'resume', job!.jobId], {}, 60_000);
  expect(resumed.code).toBe(0);
  const again = await spawnCli([...sb, 'import', edits]);
  expect(again.out).toContain('60 rows, 0 to update, 0 to create, 60 unchanged, 0 invalid.');
}, 90_000);
