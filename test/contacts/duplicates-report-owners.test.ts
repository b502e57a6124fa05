// `dtload duplicates --report`: owners are staff names from the staff directory (as the export writes
// them), and a userid the directory does not know (a leaver) stays as it is. The sandbox organisation over
// loopback HTTP (--sandbox, kept in the data dir, so the test can give a contact an owner who left).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import {
  loadSandboxState,
  sandboxStatePath,
  saveSandboxState,
  seedDirectory,
} from '../../electron/core/sandbox';
import { openSheet } from '../../electron/core/sheets';
import { runCli } from '../cli/run-cli';

async function rows(path: string): Promise<{ headers: string[]; rows: string[][] }> {
  const s = await openSheet(path);
  const out: string[][] = [];
  for await (const r of s.rows()) out.push(r.cells);
  return { headers: s.info.headers, rows: out };
}

it('names the owners in the duplicates report, keeping an unknown userid as it is', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dtload-dup-owners-'));
  const sb = ['--sandbox', '--data-dir', dir];
  const staff = new Map(seedDirectory().staff.map((s) => [s.userid, s.name]));

  // A contact of the first duplicate group gets an owner the directory has never heard of.
  const first = join(dir, 'first.csv');
  expect((await runCli([...sb, 'duplicates', '--report', first])).code).toBe(0);
  const leaverOf = (await rows(first)).rows[0]![3]!;
  const path = sandboxStatePath(dir);
  const state = (await loadSandboxState(path))!;
  state.contacts.find((c) => c.userid === leaverOf)!.follower_user_id = 'left-company-01';
  await saveSandboxState(path, state);
  const owners = new Map(state.contacts.map((c) => [c.userid, c.follower_user_id]));

  for (const lang of ['en', 'zh-CN']) {
    const report = join(dir, `dup-${lang}.xlsx`);
    const run = await runCli([...sb, '--lang', lang, 'duplicates', '--refresh', '--report', report]);
    expect(run.code, run.err).toBe(0);
    const { headers, rows: cells } = await rows(report);
    expect(headers.at(-1)).toBe(lang === 'en' ? 'follower_user_id' : '负责人ID');
    expect(cells.length).toBeGreaterThan(1);
    for (const r of cells) {
      const owner = owners.get(r[3]!)!;
      const name = staff.get(owner);
      // A name shared by two people is written with its department: 张伟（华北销售）.
      if (name)
        expect(r[7] === name || r[7]!.startsWith(`${name}（`) || r[7]!.startsWith(`${name} (`)).toBe(true);
      else expect(r[7]).toBe(owner);
    }
    expect(cells.find((r) => r[3] === leaverOf)![7]).toBe('left-company-01');
    expect(cells.some((r) => staff.has(owners.get(r[3]!)!))).toBe(true);
  }
}, 60_000);
