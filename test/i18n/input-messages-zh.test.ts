// Bad-input lines (mapping files, `dtload duplicates`) come in the admin's language, not English only.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n';
import { loadMapping, parseMapping } from '../../electron/core/import';
import { appError } from '../../electron/core/app/app-error';
import { toErrorInfo } from '../../electron/core/app/errors';
import { createSheetWriter, SheetError } from '../../electron/core/sheets';
import { runCli } from '../cli/run-cli';

describe('mapping file messages', () => {
  it('says what is wrong with a mapping file in zh-CN, and in English as before', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dtload-map-zh-'));
    const missing = join(dir, 'none.json');
    await expect(loadMapping(missing, 'zh-CN')).rejects.toThrow(`找不到列对应文件：${missing}`);
    await expect(loadMapping(missing)).rejects.toThrow(`Mapping file not found: ${missing}`);
    await writeFile(join(dir, 'bad.json'), '{ "a": ');
    await expect(loadMapping(join(dir, 'bad.json'), 'zh-CN')).rejects.toThrow(/不是有效的 JSON/);
    expect(() => parseMapping(['user_id'], undefined, 'zh-CN')).toThrow(
      '列对应 必须是“表头 → 字段”的 JSON 对象。',
    );
    expect(() => parseMapping({ a: 'nickname' }, 'm.json', 'zh-CN')).toThrow(
      /m\.json：列 "a" 对应到 "nickname"/,
    );
  });
});

describe('dtload duplicates', () => {
  it('rejects --apply without --merge in zh-CN with one line and exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dtload-dup-zh-'));
    const run = await runCli(['--sandbox', '--data-dir', dir, '--lang', 'zh-CN', 'duplicates', '--apply']);
    expect(run.code).toBe(2);
    expect(run.err.trim()).toContain(translate('zh-CN', 'dup.applyNeedsMerge'));
    expect(run.err).not.toMatch(/\n\s+at /);
  });

  it('rejects a bad --port or --max-qps in zh-CN with one line and exit 2', async () => {
    const port = await runCli(['--lang', 'zh-CN', 'sandbox', '--port', '99999']);
    expect(port.code).toBe(2);
    expect(port.err).toContain('--port 必须是 0-65535，收到的是 "99999"');
    const dir = await mkdtemp(join(tmpdir(), 'dtload-qps-zh-'));
    const qps = await runCli(['--sandbox', '--data-dir', dir, '--lang', 'zh-CN', '--max-qps', '0', 'labels']);
    expect(qps.code).toBe(2);
    expect(qps.err).toContain('--max-qps 必须是 1 到 1000 之间的数，收到的是 "0"');
  });

  it('keeps the English workspace errors word for word', () => {
    expect(translate('en', 'ws.err.noMatchesExport')).toBe('No contact matches: nothing to export.');
    expect(translate('en', 'ws.err.chooseGroup')).toBe('Choose at least one group to merge.');
    expect(translate('zh-CN', 'ws.err.chooseGroup')).toBe('请至少选择一组要合并的重复联系人。');
    expect(translate('en', 'dup.more', { count: 3 })).toBe(
      '  … and 3 more groups (write them all with --report)',
    );
  });
});

describe('app errors from the catalogue', () => {
  it('say the same thing in the admin language, English in the message', () => {
    const e = appError('conflict', 'error.job.stillRunning', 'error.job.stillRunning.fix');
    expect(e.message).toBe('That job is still running.');
    const zh = toErrorInfo(e, 'zh-CN', (s) => s);
    expect(zh).toEqual({ kind: 'conflict', meaning: '该任务仍在运行。', solution: '请等待它结束。' });
    expect(toErrorInfo(e, 'en', (s) => s).solution).toBe('Wait for it to end.');
  });
});

describe('output files', () => {
  it('says a missing folder in zh-CN too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dtload-out-zh-'));
    const path = join(dir, 'no-such-folder', 'out.csv');
    const e: unknown = await createSheetWriter(path, { headers: ['a'] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SheetError);
    expect((e as SheetError).in('zh-CN')).toBe(`无法写入 ${path}：文件夹不存在`);
    expect((e as SheetError).message).toBe(`Cannot write ${path}: the folder does not exist`);
  });
});
