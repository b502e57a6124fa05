// `dtload undo` against the sandbox organisation over loopback HTTP (--sandbox, kept in the data dir): an
// import's updates and creates are put back exactly; a contact changed after the job is a conflict (skipped,
// restored with --force); a delete is undone by re-creating the contacts with their labels; undoing the undo
// redoes the job; the undo is a job like any other (`dtload jobs` kind "undo").
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/domain';
import { loadSandboxState, sandboxStatePath } from '../../electron/core/sandbox';
import { runCli } from '../cli/run-cli';

const byId = (cs: Contact[]) => [...cs].sort((a, b) => a.userid.localeCompare(b.userid));
const withoutId = ({ userid: _u, ...rest }: Contact) => rest;
const sortLists = (c: Omit<Contact, 'userid'>) => ({
  ...c,
  label_ids: [...c.label_ids].sort(),
  ...(c.share_user_ids ? { share_user_ids: [...c.share_user_ids].sort() } : {}),
  ...(c.share_dept_ids ? { share_dept_ids: [...c.share_dept_ids].sort() } : {}),
});

describe('dtload undo (sandbox)', () => {
  let dir: string;
  let sb: string[];
  const state = async () => (await loadSandboxState(sandboxStatePath(dir)))!.contacts;
  const csv = async (name: string, lines: string[]) => {
    const path = join(dir, name);
    await writeFile(path, lines.join('\n') + '\n');
    return path;
  };
  /** Runs with --json; answers the summary event. */
  const json = async (args: string[]) => {
    const r = await runCli([...sb, ...args, '--json']);
    const last = r.out.trim().split('\n').at(-1)!;
    return { ...r, summary: JSON.parse(last) as { jobId: string | null; summary: Record<string, number> } };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dtload-undo-'));
    sb = ['--sandbox', '--data-dir', dir, '--max-qps', '200'];
    expect((await runCli([...sb, 'export', join(dir, 'all.csv')])).code).toBe(0);
  });

  it('undoes an import that updated and created contacts; undoing the undo redoes it', async () => {
    const original = await state();
    const [a, b, c] = original;
    const owner = a!.follower_user_id;
    const file = await csv('import.csv', [
      'user_id,name,mobile,remark,title,follower_user_id,labels',
      `${a!.userid},,,undo test A,Boss,,`,
      `${b!.userid},,,undo test B,,,`,
      `${c!.userid},,,,,,Core`,
      `,New One,13911110001,made by the test,,${owner},Core`,
      `,New Two,13911110002,,,${owner},Core`,
    ]);
    const imp = await json(['import', file, '--create', '--labels', 'add', '--apply']);
    expect(imp.code, imp.out + imp.err).toBe(0);
    const jobId = imp.summary.jobId!;
    const afterImport = await state();
    expect(afterImport).toHaveLength(original.length + 2);

    // Dry run: the way back, nothing sent.
    const dry = await runCli([...sb, 'undo', jobId, '--report', join(dir, 'undo-dry.json')]);
    expect(dry.code, dry.out + dry.err).toBe(0);
    expect(dry.out).toContain(`Undo plan for job ${jobId}`);
    expect(dry.out).toContain('Dry run: nothing was sent.');
    expect(await state()).toEqual(afterImport);
    const report = JSON.parse(await readFile(join(dir, 'undo-dry.json'), 'utf8')) as {
      summary: Record<string, number>;
      rows: Array<{
        userId: string;
        action: string;
        changes: Array<{ field: string; before: unknown; after: unknown }>;
      }>;
    };
    expect(report.summary).toMatchObject({ rows: 5, update: 3, delete: 2, create: 0, invalid: 0 });
    expect(report.rows.find((r) => r.userId === a!.userid)!.changes).toEqual(
      expect.arrayContaining([{ field: 'remark', before: 'undo test A', after: a!.remark ?? '' }]),
    );

    const undo = await json(['undo', jobId, '--apply']);
    expect(undo.code, undo.out + undo.err).toBe(0);
    expect(undo.summary.summary).toMatchObject({ ok: 5, failed: 0 });
    expect(byId(await state())).toEqual(byId(original));

    // The undo is a job: listed with kind "undo", its own before-state kept.
    const jobs = JSON.parse((await runCli([...sb, 'jobs', '--json'])).out) as Array<{
      jobId: string;
      kind: string;
      state: string;
    }>;
    expect(jobs.find((j) => j.jobId === undo.summary.jobId)).toMatchObject({
      kind: 'undo',
      state: 'finished',
    });

    // Undo of the undo: the import again (the created contacts come back under new userids).
    const redo = await json(['undo', undo.summary.jobId!, '--apply']);
    expect(redo.code, redo.out + redo.err).toBe(0);
    const now = await state();
    const key = (cs: Contact[]) =>
      cs
        .map(withoutId)
        .map(sortLists)
        .sort((x, y) => (x.mobile ?? '').localeCompare(y.mobile ?? '') || x.name.localeCompare(y.name));
    expect(key(now)).toEqual(key(afterImport));
    for (const id of [a!.userid, b!.userid, c!.userid])
      expect(now.find((x) => x.userid === id)).toEqual(afterImport.find((x) => x.userid === id));
  });

  it('a contact changed after the job is a conflict: skipped without --force, restored with it', async () => {
    const original = await state();
    const [, , , d, e] = original;
    const job = await json([
      'import',
      await csv('conflict.csv', ['user_id,remark', `${d!.userid},first edit D`, `${e!.userid},first edit E`]),
      '--apply',
    ]);
    expect(job.code, job.out + job.err).toBe(0);
    // Someone edits D's remark afterwards (a field the job changed), and E's title (one it did not).
    const later = await json([
      'import',
      await csv('later.csv', [
        'user_id,remark,title',
        `${d!.userid},later edit D,`,
        `${e!.userid},,Later title`,
      ]),
      '--apply',
    ]);
    expect(later.code).toBe(0);

    const dry = await runCli([...sb, 'undo', job.summary.jobId!]);
    expect(dry.code).toBe(1);
    expect(dry.out).toMatch(/changed since the job \(Remark\).*--force/);

    const undo = await json(['undo', job.summary.jobId!, '--apply']);
    expect(undo.code).toBe(1); // a row skipped
    expect(undo.summary.summary).toMatchObject({ ok: 1, invalid: 1, skipped: 1 });
    let now = await state();
    expect(now.find((x) => x.userid === e!.userid)).toEqual({ ...e, title: 'Later title' });
    expect(now.find((x) => x.userid === d!.userid)!.remark).toBe('later edit D');

    const forced = await json(['undo', job.summary.jobId!, '--apply', '--force']);
    expect(forced.code, forced.out).toBe(0);
    expect(forced.summary.summary).toMatchObject({ ok: 1, unchanged: 1, invalid: 0 });
    now = await state();
    expect(now.find((x) => x.userid === d!.userid)).toEqual(d);
  });

  it('undoes a delete by re-creating the contacts with all their fields and labels, new userids reported', async () => {
    const original = await state();
    const gone = original.filter((c) => c.mobile && c.label_ids.length > 1).slice(0, 3);
    expect(gone).toHaveLength(3);
    const del = await json([
      'delete',
      await csv('delete.csv', ['user_id', ...gone.map((c) => c.userid)]),
      '--apply',
    ]);
    expect(del.code, del.out + del.err).toBe(0);
    expect(await state()).toHaveLength(original.length - 3);

    const undo = await runCli([...sb, 'undo', del.summary.jobId!, '--apply']);
    expect(undo.code, undo.out + undo.err).toBe(0);
    const now = await state();
    expect(now).toHaveLength(original.length);
    for (const c of gone) {
      const back = now.find((x) => x.mobile === c.mobile)!;
      expect(back.userid).not.toBe(c.userid);
      expect(sortLists(withoutId(back))).toEqual(sortLists(withoutId(c)));
      expect(undo.out).toContain(`Re-created ${c.name} (was ${c.userid}): new userid ${back.userid}`);
      // The diff names the owner (as an import's does), never the bare userid.
      expect(undo.out).not.toContain(`→ "${c.follower_user_id}"`);
    }
  });

  it('refuses an unknown job in one line, exit 2', async () => {
    const r = await runCli([...sb, 'undo', 'no-such-job']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('No job "no-such-job"');
  });
});
