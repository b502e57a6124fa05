// `dtload --lang zh-CN` against the sandbox over loopback HTTP: the summary line's counts and job state,
// `jobs`, `resume` and `labels` and their one-line errors speak Chinese (English stays as it was).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli';

describe('dtload in zh-CN: jobs, resume, labels, summary counts', () => {
  let dir: string;
  let zh: string[];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dtload-zh-'));
    zh = ['--sandbox', '--data-dir', dir, '--max-qps', '200', '--lang', 'zh-CN'];
  });

  it('jobs with none, labels, and a bad --report are Chinese', async () => {
    const none = await runCli(['--data-dir', dir, '--lang', 'zh-CN', 'jobs']);
    expect(none.out).toBe(`${dir} 中没有任务\n`);
    const labels = await runCli([...zh, 'labels']);
    expect(labels.code).toBe(0);
    expect(labels.out).toMatch(/沙箱组织共有 \d+ 个标签组\n$/);
    expect(labels.out).toMatch(/（#[0-9a-fA-F]{6}，\d+ 个标签）/);
    const bad = await runCli([...zh, 'reassign', '--from', 'a', '--to', 'b', '--report', 'x.txt']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('报告文件的扩展名必须是');
  });

  it('an applied job prints its state and counts in Chinese; jobs lists it; resume of an unknown job', async () => {
    const r = await runCli([...zh, 'reassign', '--from', '刘洋', '--to', '李娜', '--apply']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/任务 \S+ 已完成：共 (\d+) 行：成功 \1，失败 0，无变化 0，无效 0（未发送）。/);
    const jobs = await runCli([...zh, 'jobs']);
    expect(jobs.out.split('\n')[0]).toMatch(/^任务ID\s+类型\s+状态/);
    expect(jobs.out).toContain('已完成');
    const missing = await runCli([...zh, 'resume', 'no-such-job']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到任务 no-such-job');
    // English is unchanged.
    const en = await runCli(['--data-dir', dir, '--lang', 'en', 'jobs']);
    expect(en.out.split('\n')[0]).toMatch(/^JOB ID\s+KIND\s+STATE/);
  });

  it('--help speaks Chinese with --lang zh-CN (or DTLOAD_LANG), English otherwise', async () => {
    const root = await runCli(['--lang', 'zh-CN', '--help']);
    expect(root.code).toBe(0);
    expect(root.out).toContain('用法：');
    expect(root.out).toMatch(/reassign\s+交接客户/);
    expect(root.out).toContain('退出码：');
    const sub = await runCli(['reassign', '--help'], { DTLOAD_LANG: 'zh-CN' });
    expect(sub.out).toMatch(/--from <person>\s+交出人/);
    expect(sub.out).toMatch(/--apply\s+发送变更/);
    const en = await runCli(['reassign', '--help']);
    expect(en.out).toContain('Usage:');
    expect(en.out).toMatch(/--also-shares\s+also replace the person/);
  });
});
