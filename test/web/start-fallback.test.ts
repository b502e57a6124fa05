// `npm start` decides between the desktop app and web mode by whether Electron's binary is installed.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBinary } from '../../electron/web/start';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dtload-start-'));
  await writeFile(join(root, 'package.json'), '{"name":"probe","type":"module"}');
  await mkdir(join(root, 'node_modules', 'electron'), { recursive: true });
  await writeFile(
    join(root, 'node_modules', 'electron', 'package.json'),
    '{"name":"electron","main":"index.js"}',
  );
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('Electron binary detection', () => {
  it('finds the binary the electron package points at', async () => {
    const binary = join(root, 'node_modules', 'electron', 'dist', 'electron');
    await mkdir(join(root, 'node_modules', 'electron', 'dist'));
    await writeFile(binary, '');
    await writeFile(
      join(root, 'node_modules', 'electron', 'index.js'),
      `module.exports = ${JSON.stringify(binary)};`,
    );
    expect(electronBinary(root)).toBe(binary);
  });

  it('answers undefined when the download never happened (the package throws)', async () => {
    await writeFile(
      join(root, 'node_modules', 'electron', 'index.js'),
      "throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');",
    );
    expect(electronBinary(root)).toBeUndefined();
  });

  it('answers undefined when the path it names does not exist', async () => {
    await writeFile(
      join(root, 'node_modules', 'electron', 'index.js'),
      'module.exports = "/nowhere/electron";',
    );
    expect(electronBinary(root)).toBeUndefined();
  });
});
