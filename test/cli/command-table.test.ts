// The lazy command table (electron/cli/commands/index.ts): one entry per command module, each summary the
// module's own description, and the argv probe that picks the one module to load.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../electron/cli/commands/index';
import { createContext } from '../../electron/cli/context';
import { invokedCommand } from '../../electron/cli/program';

const dir = fileURLToPath(new URL('../../electron/cli/commands/', import.meta.url));

describe('command table', () => {
  it('lists every command module once', async () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    // A module exporting register() is a command and must be in the table (else it never runs).
    const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    for (const file of modules) {
      const m = (await import(`${dir}${file}`)) as { register?: unknown };
      if (typeof m.register === 'function') expect(names).toContain(file.replace(/\.ts$/, ''));
    }
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    '%s: the module registers that command with the summary as its description',
    async (name, entry) => {
      const program = new Command();
      (await entry.load()).register(program, createContext({}));
      const sub = program.commands.find((c) => c.name() === name);
      expect(sub, `commands/${name}.ts registers "${name}"`).toBeDefined();
      expect(sub!.description()).toBe(entry.summary);
    },
  );

  it('finds the command argv runs past the global options (and after `help`)', () => {
    const argv = (...a: string[]) => ['node', 'dtload', ...a];
    expect(invokedCommand(argv('--sandbox', 'export', 'x.xlsx'))?.name).toBe('export');
    expect(
      invokedCommand(argv('--base-url', 'http://127.0.0.1:1', '--max-qps=5', 'labels', '--json'))?.name,
    ).toBe('labels');
    expect(invokedCommand(argv('--data-dir', 'jobs', 'jobs'))?.name).toBe('jobs');
    expect(invokedCommand(argv('help', 'import'))?.name).toBe('import');
    expect(invokedCommand(argv('import', '--help'))?.name).toBe('import');
    expect(invokedCommand(argv('--help'))).toBeUndefined();
    expect(invokedCommand(argv('nonsense'))).toBeUndefined();
  });
});
