// Runs `dtload` in-process through main() with captured stdout/stderr, as scripts would see it.
import { PassThrough } from 'node:stream';
import { createContext } from '../../electron/cli/context';
import { main } from '../../electron/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough() as unknown as NodeJS.WriteStream;
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  (stderr as unknown as PassThrough).on('data', (d: Buffer) => (err += d.toString()));
  // English unless a test asks otherwise (a test of the OS default passes DTLOAD_LANG: undefined).
  const withLang = 'DTLOAD_LANG' in env ? env : { DTLOAD_LANG: 'en', ...env };
  const code = await main(['node', 'dtload', ...args], createContext(withLang, { stdout, stderr }));
  return { code, out, err };
}
