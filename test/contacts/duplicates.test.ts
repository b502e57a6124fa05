// Duplicates: found by mobile, by name + company and by near-identical name at one company; merged as a
// plan (dry run sends nothing; --apply backs up, unions labels and sharing into the kept one, deletes the
// rest) through `dtload duplicates` against the sandbox over loopback HTTP.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/domain';
import { findDuplicates, similarity } from '../../electron/core/contacts';
import { loadSandboxState, sandboxStatePath, saveSandboxState } from '../../electron/core/sandbox';
import { runCli } from '../cli/run-cli';

const L = { customer: 1561077310, core: 1561077319, vip: 1561077340, lost: 1561077325 };
const c = (userid: string, name: string, extra: Partial<Contact> = {}): Contact => ({
  userid,
  name,
  follower_user_id: 'lina02',
  label_ids: [L.customer],
  state_code: '86',
  mobile: `138${userid.padStart(8, '0')}`,
  ...extra,
});

const CONTACTS: Contact[] = [
  c('1', 'John Smith', {
    company_name: 'Acme',
    label_ids: [L.customer, L.core],
    share_user_ids: ['zhangwei01'],
  }),
  c('2', 'john  smith', { company_name: 'ACME', label_ids: [L.vip], share_dept_ids: [42536] }),
  c('3', 'Katherine Johnson', { company_name: 'Globex', label_ids: [L.lost] }),
  c('4', 'Katherine Jonson', { company_name: 'Globex' }),
  c('5', '王芳', { mobile: '13900000001' }),
  c('6', '王 芳芳', { mobile: '139 0000 0001', company_name: '腾讯' }),
  c('7', '李娜', { company_name: '阿里巴巴' }),
  c('8', '李静', { company_name: '阿里巴巴' }),
  c('9', 'Katherine Johnson', { company_name: 'Initech' }),
];

describe('duplicates', () => {
  it('groups by mobile, name + company and near-identical names; short or distinct names stay apart', () => {
    expect(similarity('katherinejohnson', 'katherinejonson')).toBeGreaterThan(0.9);
    const groups = findDuplicates(CONTACTS);
    expect(groups.map((g) => [g.reasons, [...g.userIds].sort()])).toEqual([
      [['name-company'], ['1', '2']],
      [['similar-name'], ['3', '4']],
      [['mobile'], ['5', '6']],
    ]);
    // The kept one has the most labels (then the most fields).
    expect(groups[0]!.keep).toBe('1');
  });

  it('dtload duplicates lists and reports them; --merge is a plan; --apply backs up, merges and deletes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dtload-dups-'));
    await saveSandboxState(sandboxStatePath(dir), { contacts: CONTACTS, created: 100 });
    const sb = ['--sandbox', '--data-dir', dir];
    const state = async () => (await loadSandboxState(sandboxStatePath(dir)))!.contacts;

    const list = await runCli([...sb, 'duplicates', '--report', join(dir, 'dups.json')]);
    expect(list.code, list.err).toBe(0);
    expect(list.out).toContain('3 groups of duplicates (6 contacts) among 9.');
    const report = JSON.parse(await readFile(join(dir, 'dups.json'), 'utf8')) as {
      groups: Array<{ userIds: string[] }>;
    };
    expect(report.groups).toHaveLength(3);

    const dry = await runCli([...sb, 'duplicates', '--merge']);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain('Dry run: nothing was sent.');
    expect(await state()).toEqual(CONTACTS);

    const applied = await runCli([...sb, 'duplicates', '--merge', '--apply']);
    expect(applied.code, applied.out + applied.err).toBe(0);
    const after = await state();
    expect(after.map((x) => x.userid).sort()).toEqual(['1', '3', '6', '7', '8', '9']);
    const john = after.find((x) => x.userid === '1')!;
    expect([...john.label_ids].sort()).toEqual([L.customer, L.core, L.vip].sort());
    expect(john.share_user_ids).toEqual(['zhangwei01']);
    expect(john.share_dept_ids).toEqual([42536]);
    expect(after.find((x) => x.userid === '3')!.label_ids.sort()).toEqual([L.customer, L.lost].sort());
    // The deleted ones were backed up first.
    expect((await readdir(join(dir, 'backups'))).some((f) => f.startsWith('delete-backup-'))).toBe(true);

    const none = await runCli([...sb, 'duplicates']);
    expect(none.out).toContain('No duplicate contacts among 6.');
  });
});
