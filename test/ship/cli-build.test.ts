// The built CLI (scripts/build-cli.mjs → JavaScript, no tsx at run time): --version, --help listing every
// command, light commands that never load exceljs, ws or the web server, and no run-time import of
// anything but the package's dependencies and Node's built-ins.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../electron/cli/commands/index';
import { startSandbox, type Sandbox } from '../../electron/core/sandbox';

interface Chunk {
  fileName: string;
  imports: string[];
  dynamicImports: string[];
  isEntry: boolean;
  isDynamicEntry: boolean;
  facadeModuleId: string | null;
}

const ROOT = resolve(__dirname, '../..');
// Two folders below the root, like out/cli, so the built code finds package.json and out/renderer.
const OUT = join(ROOT, 'out', `cli-test-${process.pid}`);
const PROBE = join(__dirname, 'loaded-modules.mjs');
const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};

let chunks: Chunk[];
let home: string;
let sandbox: Sandbox;

beforeAll(async () => {
  const { buildCli } = (await import(join(ROOT, 'scripts', 'build-cli.mjs'))) as {
    buildCli(o: { outdir: string }): Promise<Chunk[]>;
  };
  chunks = await buildCli({ outdir: OUT });
  home = await mkdtemp(join(tmpdir(), 'dtload-built-'));
  sandbox = await startSandbox({ port: 0, contacts: 20 });
});
afterAll(async () => {
  await rm(OUT, { recursive: true, force: true });
  await rm(home, { recursive: true, force: true });
  await sandbox.close();
});

/** Runs the built CLI; answers its output and the npm packages it loaded. */
async function dtload(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = await promisify(execFile)(
    process.execPath,
    ['--import', PROBE, join(OUT, 'dtload.js'), '--data-dir', home, ...args],
    { env: { PATH: process.env.PATH, ...env }, cwd: tmpdir() },
  ).then(
    (ok) => ({ ...ok, code: 0 }),
    (e: { stdout: string; stderr: string; code: number }) => e,
  );
  const loadedLine = /LOADED (.*)$/m.exec(r.stderr)?.[1] ?? '[]';
  const packages = new Set(
    (JSON.parse(loadedLine) as string[]).map(
      (p) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(p)?.[1],
    ),
  );
  return { code: r.code, stdout: r.stdout, stderr: r.stderr.replace(/\nLOADED .*\n$/, ''), packages };
}

/** Bare package names a chunk loads as soon as it is imported (static imports, followed). */
function staticPackages(fileName: string): Set<string> {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const c = byName.get(name);
    if (!c) packages.add(name);
    else for (const i of c.imports) visit(i);
  };
  visit(fileName);
  return packages;
}

const chunkOf = (command: string): string =>
  chunks.find((c) => c.isDynamicEntry && c.facadeModuleId?.endsWith(`/commands/${command}.ts`))!.fileName;

describe('the built CLI', () => {
  it('prints its version', async () => {
    const r = await dtload(['--version']);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('--help lists every command and loads no command module, exceljs, ws or the web server', async () => {
    const r = await dtload(['--help']);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c.name}\\b`, 'm'));
    expect([...r.packages].filter(Boolean)).toEqual(['commander']);
    expect([...staticPackages('dtload.js')].filter((p) => !p.startsWith('node:'))).toEqual(['commander']);
  });

  it('`jobs` and `labels` run without exceljs, ws or the web server', async () => {
    const jobs = await dtload(['jobs', '--json']);
    expect(JSON.parse(jobs.stdout)).toEqual([]);
    const labels = await dtload(['--base-url', sandbox.baseUrl, 'labels', '--json'], {
      DTLOAD_APP_KEY: sandbox.appKey,
      DTLOAD_APP_SECRET: sandbox.appSecret,
    });
    expect(JSON.parse(labels.stdout).length).toBeGreaterThan(0);
    for (const r of [jobs, labels]) {
      expect(r.packages).not.toContain('exceljs');
      expect(r.packages).not.toContain('ws');
      expect(r.packages).not.toContain('papaparse');
    }
    for (const c of ['jobs', 'labels']) {
      const loads = staticPackages(chunkOf(c));
      for (const heavy of ['exceljs', 'ws', 'papaparse']) expect(loads).not.toContain(heavy);
      // The web server is its own chunk, reached only from `ui` (and `npm start`).
      expect([...loads].some((f) => f.startsWith('server-'))).toBe(false);
    }
  });

  it('imports only the package dependencies and Node built-ins at run time', () => {
    const allowed = new Set([...Object.keys(pkg.dependencies), ...builtinModules]);
    const bare = new Set(
      chunks
        .flatMap((c) => [...c.imports, ...c.dynamicImports])
        .filter((i) => !chunks.some((c) => c.fileName === i)),
    );
    for (const spec of bare) {
      const name = spec.replace(/^node:/, '').match(/^(@[^/]+\/[^/]+|[^/]+)/)![1]!;
      expect(allowed, `${spec} is imported at run time`).toContain(name);
    }
  });

  it('a bad command is one line and exit 2, never a stack trace', async () => {
    const r = await dtload(['export']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
