// Start bench: cold `dtload --help` (bin/dtload.mjs → the built out/cli) against `node -e 0` on this machine.
// Targets: CPU time ≤ 3× that of `node -e 0`, peak RSS ≤ 70 MB. Each figure is the median of RUNS fresh
// processes, measured inside the process at exit (user + system CPU, max RSS), so both sides count the same.
// Prints figures, asserts nothing. BENCH_START_RUNS (default 9).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_START_RUNS ?? 9);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (!existsSync(join(ROOT, 'out', 'cli', 'dtload.js'))) {
  const { buildCli } = (await import(join(ROOT, 'scripts', 'build-cli.mjs'))) as {
    buildCli(): Promise<unknown>;
  };
  await buildCli();
}

const dir = mkdtempSync(join(tmpdir(), 'dtload-start-bench-'));
const probe = join(dir, 'probe.mjs');
writeFileSync(
  probe,
  "process.on('exit', () => { const u = process.resourceUsage();" +
    ' process.stderr.write(`\\nSTART_BENCH ${(u.userCPUTime + u.systemCPUTime) / 1000} ${u.maxRSS / 1024}\\n`); });\n',
);

function measure(args: string[]): { cpuMs: number; rssMb: number } {
  const cpu: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(process.execPath, ['--import', probe, ...args], { encoding: 'utf8', cwd: dir });
    const m = /START_BENCH (\S+) (\S+)/.exec(r.stderr);
    if (r.status !== 0 || !m) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    cpu.push(Number(m[1]));
    rss.push(Number(m[2]));
  }
  return { cpuMs: median(cpu), rssMb: median(rss) };
}

try {
  const node = measure(['-e', '0']);
  const help = measure([join(ROOT, 'bin', 'dtload.mjs'), '--help']);
  const ratio = help.cpuMs / node.cpuMs;
  console.log(
    `node -e 0:      ${node.cpuMs.toFixed(0)} ms CPU, ${node.rssMb.toFixed(0)} MB RSS (median of ${RUNS})`,
  );
  console.log(
    `dtload --help:  ${help.cpuMs.toFixed(0)} ms CPU, ${help.rssMb.toFixed(0)} MB RSS (median of ${RUNS})`,
  );
  console.log(
    `dtload --help / node -e 0 CPU = ${ratio.toFixed(2)}× (target ≤ 3×: ${ratio <= 3 ? 'met' : 'missed'}); ` +
      `RSS ${help.rssMb.toFixed(0)} MB (target ≤ 70 MB: ${help.rssMb <= 70 ? 'met' : 'missed'})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
