// Restoring a delete's backup (the file an applied delete writes first) against the sandbox over loopback
// HTTP: `dtload import BACKUP --create --match mobile --apply` brings the deleted contacts back with every
// field, their labels, owner and sharing (each under a new userid), and nothing else changes.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/domain';
import { loadSandboxState, sandboxStatePath } from '../../electron/core/sandbox';
import { openSheet } from '../../electron/core/sheets';
import { runCli } from '../cli/run-cli';

const comparable = ({ userid: _u, ...c }: Contact) => ({
  ...c,
  label_ids: [...c.label_ids].sort(),
  share_user_ids: [...(c.share_user_ids ?? [])].sort(),
  share_dept_ids: [...(c.share_dept_ids ?? [])].sort(),
});

describe('restoring a delete backup (sandbox)', () => {
  let dir: string;
  let sb: string[];
  const state = async () => (await loadSandboxState(sandboxStatePath(dir)))!.contacts;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dtload-restore-'));
    sb = ['--sandbox', '--data-dir', dir, '--max-qps', '200'];
    expect((await runCli([...sb, 'export', join(dir, 'all.xlsx')])).code).toBe(0);
  });

  it.each(['en', 'zh-CN'])('import BACKUP --create --match mobile brings them back (%s)', async (lang) => {
    const original = await state();
    // A spread of contacts: several labels, shared with staff and departments, every text field.
    const rich = original.filter(
      (c) => c.mobile && c.label_ids.length > 1 && (c.share_user_ids?.length || c.share_dept_ids?.length),
    );
    const plain = original.filter((c) => c.mobile && !rich.includes(c));
    const gone = [...rich.slice(0, 4), ...plain.slice(0, 2)];
    expect(gone.length).toBe(6);
    await writeFile(join(dir, 'del.csv'), ['user_id', ...gone.map((c) => c.userid)].join('\n') + '\n');
    const del = await runCli([...sb, 'delete', join(dir, 'del.csv'), '--apply', '--json'], {
      DTLOAD_LANG: lang,
    });
    expect(del.code, del.out + del.err).toBe(0);
    const backup = (JSON.parse(del.out.trim().split('\n').at(-1)!) as { backup: string }).backup;
    expect(backup).toMatch(/backups\/delete-backup-.*\.xlsx$/);
    expect(await state()).toHaveLength(original.length - gone.length);
    // Owners are written as names (as an export writes them), not as userids.
    const sheet = await openSheet(backup);
    const ownerCol = sheet.info.headers.findIndex((h) => /owner|负责人/i.test(h));
    expect(ownerCol).toBeGreaterThan(0);
    for await (const { cells } of sheet.rows()) {
      expect(cells[ownerCol]).not.toBe('');
      expect(gone.map((g) => g.follower_user_id)).not.toContain(cells[ownerCol]);
    }

    const dry = await runCli([...sb, 'import', backup, '--create', '--match', 'mobile'], {
      DTLOAD_LANG: lang,
    });
    expect(dry.code, dry.out + dry.err).toBe(0);
    const restore = await runCli([...sb, 'import', backup, '--create', '--match', 'mobile', '--apply'], {
      DTLOAD_LANG: lang,
    });
    expect(restore.code, restore.out + restore.err).toBe(0);

    const now = await state();
    expect(now).toHaveLength(original.length);
    for (const c of gone) {
      const back = now.find((x) => x.mobile === c.mobile);
      expect(back, c.name).toBeDefined();
      expect(back!.userid).not.toBe(c.userid);
      expect(comparable(back!)).toEqual(comparable(c));
    }
    // Everyone else is as they were.
    const others = (cs: Contact[]) => cs.filter((x) => !gone.some((g) => g.mobile === x.mobile));
    expect(others(now)).toEqual(others(original));
  });

  it('an undo of a delete whose job kept no copy (an earlier version) re-creates from the backup', async () => {
    const original = await state();
    const gone = original.filter((c) => c.mobile && c.label_ids.length > 1).slice(0, 2);
    await writeFile(join(dir, 'del2.csv'), ['user_id', ...gone.map((c) => c.userid)].join('\n') + '\n');
    const del = await runCli([...sb, 'delete', join(dir, 'del2.csv'), '--apply', '--json']);
    expect(del.code, del.out + del.err).toBe(0);
    const jobId = (JSON.parse(del.out.trim().split('\n').at(-1)!) as { jobId: string }).jobId;
    // As an earlier version saved it: no before-state with the plan.
    const planPath = join(dir, 'jobs', jobId, 'sheet-plan.json');
    const saved = JSON.parse(await readFile(planPath, 'utf8')) as { plan: { before?: unknown } };
    delete saved.plan.before;
    await writeFile(planPath, JSON.stringify(saved));

    const undo = await runCli([...sb, 'undo', jobId, '--apply']);
    expect(undo.code, undo.out + undo.err).toBe(0);
    const now = await state();
    expect(now).toHaveLength(original.length);
    for (const c of gone) expect(comparable(now.find((x) => x.mobile === c.mobile)!)).toEqual(comparable(c));
  });
});
