// The sandbox organisation in a process of its own, as DingTalk is: its CPU and event loop are not the
// bench's, so the calls per second the bench measures are dtload's, not those of a server sharing its loop
// (a server in the same loop also stamps calls late after a stall, so it counts seconds it never saw).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { SandboxOptions } from '../electron/core/sandbox';

export interface SandboxProcess {
  baseUrl: string;
  appKey: string;
  appSecret: string;
  close(): Promise<void>;
}

export async function startSandboxProcess(opts: SandboxOptions): Promise<SandboxProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, DTLOAD_BENCH_SANDBOX: JSON.stringify({ ...opts, port: 0 }) },
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the sandbox process exited (${code})`)));
  });
  const { baseUrl, appKey, appSecret } = JSON.parse(line) as Omit<SandboxProcess, 'close'>;
  return {
    baseUrl,
    appKey,
    appSecret,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin!.end();
      }),
  };
}

// Child side: start the sandbox, say where it listens, stop when the parent closes stdin.
if (process.env.DTLOAD_BENCH_SANDBOX) {
  const { startSandbox } = await import('../electron/core/sandbox');
  const sb = await startSandbox(JSON.parse(process.env.DTLOAD_BENCH_SANDBOX) as SandboxOptions);
  process.stdout.write(
    JSON.stringify({ baseUrl: sb.baseUrl, appKey: sb.appKey, appSecret: sb.appSecret }) + '\n',
  );
  process.stdin.resume();
  process.stdin.on('end', () => void sb.close().then(() => process.exit(0)));
}
