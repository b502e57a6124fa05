// Runs the built `dtload` (bin/dtload.mjs → out/cli, as `npm run build` left it) in a child process, as an
// admin's shell would: its exit code, output, and whether it had to be killed because it did not end.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const BIN = resolve(__dirname, '../../bin/dtload.mjs');

export interface SpawnedRun {
  code: number | null;
  out: string;
  err: string;
  /** True when the command was still running after `timeoutMs` and was killed. */
  hung: boolean;
}

export function spawnCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 20_000,
): Promise<SpawnedRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH, DTLOAD_LANG: 'en', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let hung = false;
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, out, err, hung });
    });
  });
}
