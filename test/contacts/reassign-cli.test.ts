// `dtload reassign` against the sandbox organisation over loopback HTTP (--sandbox, kept in the data dir):
// a dry run names people (张伟（华北销售） → 李娜) and sends nothing; --apply hands over through the engine and
// journal; --also-shares replaces the sharer too; a leaver is accepted by userid; an ambiguous or unknown
// person is one line naming the candidates, exit 2; 0 matches sends nothing.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeIndexes } from '../../electron/core/contacts';
import {
  loadSandboxState,
  sandboxStatePath,
  saveSandboxState,
  seedDirectory,
} from '../../electron/core/sandbox';
import { runCli } from '../cli/run-cli';

describe('dtload reassign (sandbox)', () => {
  let dir: string;
  let sb: string[];
  const state = async () => (await loadSandboxState(sandboxStatePath(dir)))!;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dtload-reassign-'));
    sb = ['--sandbox', '--data-dir', dir, '--max-qps', '200'];
    // The organisation saved in the data dir; then a leaver (not staff any more) who still owns 3
    // contacts and is shared one, as DingTalk keeps them after someone leaves.
    expect((await runCli([...sb, 'labels'])).code).toBe(0);
    const s = await state();
    const owned = s.contacts.filter((c) => c.follower_user_id === 'liuyang04').slice(0, 3);
    for (const c of owned) c.follower_user_id = 'leaver77';
    const other = s.contacts.find((c) => c.follower_user_id === 'wangfang03')!;
    other.share_user_ids = ['leaver77'];
    await saveSandboxState(sandboxStatePath(dir), s);
    closeIndexes();
  });

  it('a dry run shows the hand-over by name and sends nothing', async () => {
    const before = await state();
    const mine = before.contacts.filter((c) => c.follower_user_id === 'zhangwei01');
    expect(mine.length).toBeGreaterThan(0);
    const r = await runCli([
      ...sb,
      'reassign',
      '--from',
      '张伟（华北销售）',
      '--to',
      '李娜',
      '--report',
      join(dir, 'dry.json'),
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`张伟（华北销售） owns ${mine.length} contacts; they go to 李娜`);
    expect(r.out).toContain('Owner "张伟（华北销售）" → "李娜"');
    expect(r.out).not.toContain('zhangwei01');
    expect(r.out).toContain(`${mine.length} to update`);
    expect(r.out).toContain('Dry run: nothing was sent.');
    expect(await state()).toEqual(before);
    const report = JSON.parse(await readFile(join(dir, 'dry.json'), 'utf8')) as {
      mode: string;
      rows: Array<{ changes: Array<{ field: string; before: unknown; after: unknown }> }>;
    };
    expect(report.mode).toBe('dry-run');
    expect(report.rows[0]!.changes).toEqual([
      { field: 'follower_user_id', before: '张伟（华北销售）', after: '李娜' },
    ]);
  });

  it('an ambiguous or unknown person is one line naming the candidates, exit 2, nothing sent', async () => {
    const before = await state();
    const amb = await runCli([...sb, 'reassign', '--from', '张伟', '--to', '李娜']);
    expect(amb.code).toBe(2);
    expect(amb.err.trim().split('\n')).toHaveLength(1);
    expect(amb.err).toContain('张伟（华北销售）');
    expect(amb.err).toContain('张伟（销售部）');
    const unknown = await runCli([...sb, 'reassign', '--from', '李娜', '--to', 'nobody99']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/--to: "nobody99" is not in the staff directory/);
    const zh = await runCli([...sb, '--lang', 'zh-CN', 'reassign', '--from', '李娜', '--to', '李娜']);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('同一个人');
    expect(await state()).toEqual(before);
  });

  it('an unknown --from says a leaver is named by userid, not "hand their contacts over first"', async () => {
    const before = await state();
    const en = await runCli([...sb, 'reassign', '--from', 'Nobody', '--to', '李娜']);
    expect(en.code).toBe(2);
    expect(en.err.trim().split('\n')).toHaveLength(1);
    expect(en.err).toMatch(
      /^dtload: --from: "Nobody" is not in the staff directory, and no contact carries that userid/,
    );
    expect(en.err).not.toMatch(/reassign|Hand over/);
    const zh = await runCli([...sb, '--lang', 'zh-CN', 'reassign', '--from', 'Nobody', '--to', '李娜']);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('已离职的人请用其 userid 指定');
    expect(await state()).toEqual(before);
  });

  it('0 matches says so and sends nothing', async () => {
    const before = await state();
    const idle = seedDirectory().staff.find(
      (s) =>
        !before.contacts.some(
          (c) => c.follower_user_id === s.userid || (c.share_user_ids ?? []).includes(s.userid),
        ),
    )!;
    const r = await runCli([...sb, 'reassign', '--from', idle.userid, '--to', '李娜', '--also-shares']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^No contact is owned by .+ or shared with them: nothing to do, nothing sent\.\n$/);
    const json = await runCli([...sb, 'reassign', '--from', idle.userid, '--to', '李娜', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ event: 'summary', command: 'reassign', matches: 0 });
    expect(await state()).toEqual(before);
  });

  it('a leaver is accepted by userid; --also-shares replaces them as sharer; --apply writes it', async () => {
    const r = await runCli([
      ...sb,
      '--lang',
      'zh-CN',
      'reassign',
      '--from',
      'leaver77',
      '--to',
      '13800000000',
      '--also-shares',
      '--apply',
      '--report',
      join(dir, 'apply.json'),
    ]);
    // The mobile names nobody in the sandbox: exit 2 with the reason, nothing sent.
    expect(r.code).toBe(2);
    expect(r.err).toContain('13800000000');

    const ok = await runCli([
      ...sb,
      '--lang',
      'zh-CN',
      'reassign',
      '--from',
      'leaver77',
      '--to',
      // 王芳 by her staff mobile, as an admin might give it.
      seedDirectory().staff.find((s) => s.userid === 'wangfang03')!.mobile,
      '--also-shares',
      '--apply',
      '--report',
      join(dir, 'apply.json'),
    ]);
    expect(ok.code, ok.out + ok.err).toBe(0);
    expect(ok.out).toContain(
      'leaver77 负责 3 个联系人，另有 1 个共享给其，将移交给 王芳（leaver77 已不在通讯录中）',
    );
    const after = (await state()).contacts;
    expect(after.filter((c) => c.follower_user_id === 'leaver77')).toHaveLength(0);
    expect(after.filter((c) => (c.share_user_ids ?? []).includes('leaver77'))).toHaveLength(0);
    const report = JSON.parse(await readFile(join(dir, 'apply.json'), 'utf8')) as {
      mode: string;
      jobId: string;
      summary: { update: number; ok: number };
    };
    expect(report).toMatchObject({ mode: 'apply', summary: { update: 4, ok: 4 } });
    const jobs = await runCli([...sb, 'jobs', '--json']);
    expect(jobs.out).toContain(report.jobId);

    // Nothing left to hand over.
    const again = await runCli([...sb, 'reassign', '--from', 'leaver77', '--to', '王芳']);
    expect(again.code).toBe(2);
    expect(again.err).toContain('leaver77');
  });
});
