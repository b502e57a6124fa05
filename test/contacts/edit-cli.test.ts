// `dtload edit --where` and `dtload export --where` against the sandbox organisation over loopback HTTP
// (--sandbox, kept in the data dir): dry run sends nothing, --apply writes only what changes and the
// local index follows every write; bad input is one line and exit 2; 0 matches sends nothing.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContactIndex, closeIndexes } from '../../electron/core/contacts';
import { loadSandboxState, sandboxStatePath } from '../../electron/core/sandbox';
import { openSheet } from '../../electron/core/sheets';
import { runCli } from '../cli/run-cli';

const CORE = 1561077319; // Level/Core
const IMPORTANT = 1561077340; // 客户类型/重要客户

describe('dtload edit / export --where (sandbox)', () => {
  let dir: string;
  let sb: string[];
  const state = async () => (await loadSandboxState(sandboxStatePath(dir)))!.contacts;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dtload-edit-'));
    sb = ['--sandbox', '--data-dir', dir, '--max-qps', '200'];
    // First use reads the whole organisation into the index.
    const r = await runCli([...sb, 'export', join(dir, 'all.csv')]);
    expect(r.code).toBe(0);
  });

  it('a dry run lists the changes, sends nothing; --apply writes them and the index follows', async () => {
    const before = await state();
    const want = before.filter((c) => c.label_ids.includes(IMPORTANT) && !c.label_ids.includes(CORE));
    const already = before.filter((c) => c.label_ids.includes(IMPORTANT) && c.label_ids.includes(CORE));
    expect(want.length).toBeGreaterThan(3);

    const dry = await runCli([
      ...sb,
      'edit',
      '--where',
      'label:重要客户',
      '--add-label',
      'Core',
      '--report',
      join(dir, 'dry.json'),
    ]);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain(`${want.length + already.length} contacts match "label:重要客户"`);
    expect(dry.out).toContain(`${want.length} to update`);
    expect(dry.out).toContain('Dry run: nothing was sent.');
    expect(await state()).toEqual(before);
    const report = JSON.parse(await readFile(join(dir, 'dry.json'), 'utf8')) as {
      mode: string;
      summary: { update: number; unchanged: number };
      rows: Array<{ changes: Array<{ field: string; after: unknown }> }>;
    };
    expect(report.mode).toBe('dry-run');
    expect(report.summary).toMatchObject({ update: want.length, unchanged: already.length });
    expect(report.rows.find((r) => r.changes.length)!.changes[0]).toMatchObject({ field: 'labels' });

    const applied = await runCli([
      ...sb,
      'edit',
      '--where',
      'label:重要客户',
      '--add-label',
      'Core',
      '--apply',
    ]);
    expect(applied.code, applied.out + applied.err).toBe(0);
    expect(applied.out).toMatch(/Job \S+ finished: \d+ rows: \d+ ok, 0 failed/);
    const after = await state();
    for (const c of after.filter((x) => x.label_ids.includes(IMPORTANT))) expect(c.label_ids).toContain(CORE);
    // Other contacts untouched.
    expect(after.filter((c) => !c.label_ids.includes(IMPORTANT))).toEqual(
      before.filter((c) => !c.label_ids.includes(IMPORTANT)),
    );

    // The index took the writes (and the job that made them) without a refresh.
    closeIndexes();
    const index = await ContactIndex.open(dir, 'sandbox');
    const hits = index.search('label:重要客户 -label:Core');
    expect(hits).toHaveLength(0);
    expect(index.history(want[0]!.userid)[0]).toMatchObject({ kind: 'update' });
    index.close();
    closeIndexes();

    // Contacts that already have the value get no write: nothing left to send.
    const again = await runCli([
      ...sb,
      'edit',
      '--where',
      'label:重要客户',
      '--add-label',
      'Core',
      '--apply',
    ]);
    expect(again.out).toContain('Nothing to send');
    expect(await state()).toEqual(after);
  });

  it('--set, --set-owner and sharing change just those fields', async () => {
    const r = await runCli([
      ...sb,
      'edit',
      '--where',
      'company:"Acme Corp" title:CTO',
      '--set',
      'remark=Key account',
      '--set-owner',
      'lina02',
      '--share-with-depts',
      '42536',
      '--apply',
    ]);
    expect(r.code, r.out + r.err).toBe(0);
    const hits = (await state()).filter((c) => c.company_name === 'Acme Corp' && c.title === 'CTO');
    expect(hits.length).toBeGreaterThan(0);
    for (const c of hits) {
      expect(c.remark).toBe('Key account');
      expect(c.follower_user_id).toBe('lina02');
      expect(c.share_dept_ids).toContain(42536);
    }
  });

  it('bad input is one line naming it, exit 2, nothing sent; 0 matches sends nothing', async () => {
    const before = await state();
    const bad = await runCli([...sb, 'edit', '--where', 'label:Lsot', '--add-label', 'Core', '--apply']);
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).toMatch(/no label "Lsot".*"Lost".*label:Lsot/);
    const badLabel = await runCli([
      ...sb,
      'edit',
      '--where',
      'label:VIP',
      '--add-label',
      'Imprtant',
      '--apply',
    ]);
    expect(badLabel.code).toBe(2);
    const noAction = await runCli([...sb, 'edit', '--where', 'acme']);
    expect(noAction.code).toBe(2);
    expect(noAction.err).toMatch(/--add-label/);
    const badSet = await runCli([...sb, 'edit', '--where', 'acme', '--set', 'mobile=1']);
    expect(badSet.code).toBe(2);
    const none = await runCli([
      ...sb,
      'edit',
      '--where',
      'name:"Nobody at all"',
      '--add-label',
      'Core',
      '--apply',
    ]);
    expect(none.code).toBe(0);
    expect(none.out).toMatch(/No contact matches "name:"Nobody at all"": nothing to do, nothing sent/);
    expect(await state()).toEqual(before);
  });

  it('people and departments by name through the staff directory; unknown ones name the closest', async () => {
    const ids = (await state())
      .filter((c) => c.title === 'CFO' && c.follower_user_id === 'lina02')
      .map((c) => c.userid);
    expect(ids.length).toBeGreaterThan(0);
    const r = await runCli([
      ...sb,
      'edit',
      '--where',
      'owner:李娜 title:CFO',
      '--set-owner',
      '王芳',
      '--share-with-depts',
      '销售部/客服',
      '--apply',
    ]);
    expect(r.code, r.out + r.err).toBe(0);
    const moved = (await state()).filter((c) => ids.includes(c.userid));
    for (const c of moved) {
      expect(c.follower_user_id).toBe('wangfang03');
      expect(c.share_dept_ids).toContain(42536);
    }
    const bad = await runCli([...sb, 'edit', '--where', 'owner:李那', '--set', 'remark=x']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/"李那".*closest: "李娜"/);
    const badDept = await runCli([...sb, 'edit', '--where', 'acme', '--share-with-depts', '客服']);
    expect(badDept.code).toBe(2);
    expect(badDept.err).toMatch(/客服.*2/);
  });

  it('export --where writes just the matches', async () => {
    const out = join(dir, 'acme.csv');
    const r = await runCli([...sb, 'export', out, '--where', 'company:Acme*']);
    expect(r.code, r.err).toBe(0);
    const sheet = await openSheet(out);
    const ids: string[] = [];
    for await (const row of sheet.rows()) ids.push(row.cells[sheet.info.headers.indexOf('user_id')]!);
    const want = (await state())
      .filter((c) => (c.company_name ?? '').startsWith('Acme'))
      .map((c) => c.userid);
    expect(ids.sort()).toEqual(want.sort());
  });
});
