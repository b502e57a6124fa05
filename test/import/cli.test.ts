// `dtload import` and `dtload delete` end to end through main(), against a sandbox over loopback HTTP.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSheet } from '../../electron/core/sheets';
import { runCli, type CliRun } from '../cli/run-cli';
import { makeFixtures, type Fixtures } from '../fixtures/make-fixtures';
import { startOrg, writes, type Org } from './org';

let org: Org;
let dir: string;
let sheetsFixtures: Fixtures | undefined;
beforeAll(async () => {
  org = await startOrg(150);
  dir = await mkdtemp(join(tmpdir(), 'dtload-import-cli-'));
});
afterAll(() => org.sandbox.close());

function run(...args: string[]): Promise<CliRun> {
  const env = { DTLOAD_APP_KEY: org.sandbox.appKey, DTLOAD_APP_SECRET: org.sandbox.appSecret };
  return runCli(['--base-url', org.sandbox.baseUrl, '--data-dir', dir, ...args], env);
}

const totalCalls = (): number => Object.values(org.sandbox.callCounts()).reduce((a, b) => a + b, 0);

describe('bad input exits 2 with one clear line and sends nothing', () => {
  it.each([
    ['a missing file', async () => join(dir, 'missing.xlsx'), []],
    ['an empty file', async () => write('empty.csv', ''), []],
    ['a header-only sheet', async () => write('header.csv', 'user_id,name\n'), []],
    [
      'not a spreadsheet',
      async () => write('photo.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0, 0])),
      [],
    ],
    ['a bad mapping file', async () => write('ok.csv', 'user_id,name\nu1,A\n'), ['--mapping', 'MAPPING']],
    ['a bad report name', async () => write('ok2.csv', 'user_id,name\nu1,A\n'), ['--report', 'out.txt']],
    [
      'a report in a missing folder',
      async () => write('ok3.csv', 'user_id,name\nu1,A\n'),
      ['--report', '/nonexistent-dtload-dir/r.json'],
    ],
  ] as const)('%s', async (_what, make, extra) => {
    const file = await make();
    await writeFile(join(dir, 'bad-mapping.json'), '{"name": "nickname"}');
    const before = totalCalls();
    const r = await run(
      'import',
      file,
      ...extra.map((x) => (x === 'MAPPING' ? join(dir, 'bad-mapping.json') : x)),
    );
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^dtload: /);
    expect(totalCalls()).toBe(before);
  });

  it.each([
    'emptyCsv',
    'emptyXlsx',
    'blankXlsx',
    'headerOnlyCsv',
    'headerOnlyXlsx',
    'pdfAsXlsx',
    'zipAsXlsx',
    'xlsAsXlsx',
    'htmlAsXls',
    'randomCsv',
  ] as const)('the sheets fixture %s', async (name) => {
    sheetsFixtures ??= await makeFixtures(join(dir, 'sheets-fixtures'));
    const before = totalCalls();
    const r = await run('import', sheetsFixtures[name as keyof Fixtures] as string);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(totalCalls()).toBe(before);
  });

  it('a sheet without the match column exits 2 without a write', async () => {
    const file = await write('nokey.csv', 'name,Title\nA,B\n');
    const r = await run('import', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no user_id column');
    expect(writes(org)).toBe(0);
  });
});

describe('dtload import', () => {
  it('dry run: prints the diff, sends no write, exit 0 when every row is valid', async () => {
    const c = org.sandbox.contacts()[3]!;
    const file = await write('dry.csv', `user_id,remark\n${c.userid},from the cli\n`);
    const r = await run('import', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`row 2 update ${c.userid}`);
    expect(r.out).toContain('remark');
    expect(r.out).toContain('Dry run: nothing was sent.');
    expect(writes(org)).toBe(0);
  });

  it('--json prints NDJSON ending with a summary; invalid rows exit 1 and land in the failed-rows file', async () => {
    const c = org.sandbox.contacts()[4]!;
    const file = await write('json.csv', `user_id,Level\n${c.userid},Core\nnobody-here,Core\n`);
    const r = await run('import', file, '--json');
    expect(r.code).toBe(1);
    const events = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const summary = events.at(-1)!;
    expect(summary).toMatchObject({ event: 'summary', mode: 'dry-run', exitCode: 1 });
    expect(summary.summary).toMatchObject({ rows: 2, invalid: 1 });
    const failed = await openSheet(summary.failedRows as string);
    expect(failed.info.headers).toEqual(['user_id', 'Level', 'error']);
    expect(writes(org)).toBe(0);
  });

  it('--apply: a rejected row fails with its errcode in the report; exit 1', async () => {
    const [a, b] = org.sandbox.contacts().slice(10, 12);
    const file = await write('apply.csv', `user_id,Owner\n${a!.userid},sales_lead\n${b!.userid},李娜\n`);
    const report = join(dir, 'apply-report.json');
    // DingTalk refuses b's update (as for an owner who left between the dry run and the write).
    org.sandbox.setFaults({
      errcodes: [{ errcode: 60121, rate: 1, endpoints: ['update'], userIds: [b!.userid] }],
    });
    const r = await run('import', file, '--apply', '--report', report).finally(() =>
      org.sandbox.setFaults({}),
    );
    expect(r.code).toBe(1);
    const json = JSON.parse(await readFile(report, 'utf8'));
    expect(json.mode).toBe('apply');
    expect(json.rows[1]).toMatchObject({ row: 3, status: 'failed', errcode: 60121 });
    expect(existsSync(join(dir, 'apply-report.failed-rows.xlsx'))).toBe(true);
    expect(org.sandbox.getContactById(a!.userid)!.follower_user_id).toBe('sales_lead');
  });
});

describe('exit codes of an applied import', () => {
  it('exit 3 when DingTalk stops the job (permission), with the reason', async () => {
    const c = org.sandbox.contacts()[30]!;
    const file = await write('fatal.csv', `user_id,remark\n${c.userid},fatal test\n`);
    org.sandbox.setFaults({ deniedEndpoints: ['update'] });
    try {
      const r = await run('import', file, '--apply');
      expect(r.code).toBe(3);
      expect(r.out).toContain('43007');
    } finally {
      org.sandbox.setFaults({});
    }
    expect(org.sandbox.getContactById(c.userid)).toEqual(c);
  });

  it('exit 0 when every row is ok; --save-mapping writes a mapping that --mapping reloads', async () => {
    const c = org.sandbox.contacts()[31]!;
    const file = await write('ok-apply.csv', `客户编号,Remark\n${c.userid},all good\n`);
    const mapping = join(dir, 'saved-mapping.json');
    await writeFile(join(dir, 'first.json'), JSON.stringify({ 客户编号: 'user_id' }));
    const r = await run(
      'import',
      file,
      '--mapping',
      join(dir, 'first.json'),
      '--save-mapping',
      mapping,
      '--apply',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(await readFile(mapping, 'utf8'))).toEqual({ 客户编号: 'user_id', Remark: 'remark' });
    expect(org.sandbox.getContactById(c.userid)!.remark).toBe('all good');
    const again = await run('import', file, '--mapping', mapping);
    expect(again.code).toBe(0);
    expect(again.out).toContain('0 to update');
  });
});

describe('dtload delete', () => {
  it('dry run lists who would go; --apply backs them up first, then deletes', async () => {
    const [a, b] = org.sandbox.contacts().slice(20, 22);
    const file = await write('delete.csv', `user_id\n${a!.userid}\n${b!.userid}\nno-such-id\n`);
    const writesBefore = writes(org);
    const dry = await run('delete', file);
    expect(dry.code).toBe(1);
    expect(dry.out).toContain(`row 2 delete ${a!.userid} ${a!.name}`);
    expect(dry.out).toContain('row 4 invalid');
    expect(writes(org)).toBe(writesBefore);

    const applied = await run('delete', file, '--apply');
    expect(applied.code).toBe(1); // the unknown id is an invalid row
    expect(org.sandbox.getContactById(a!.userid)).toBeUndefined();
    expect(org.sandbox.getContactById(b!.userid)).toBeUndefined();
    const backups = await readdir(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = await openSheet(join(dir, 'backups', backups[0]!));
    const ids: string[] = [];
    for await (const row of backup.rows()) ids.push(row.cells[0]!);
    expect(ids).toEqual([a!.userid, b!.userid]);
  });
});

async function write(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}
