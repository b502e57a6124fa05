// The session's `backendLang` is the shared `Lang` (en | zh-CN), not any string: a probe that reads it as
// `Lang | null` compiles under the renderer's own tsconfig (DOM, JSX), and a misspelt language does not.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** The compiler's errors for `body`, compiled as a file of the renderer. */
async function errorsOf(body: string): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'dtload-session-type-'));
  const probe = join(dir, 'probe.ts');
  await writeFile(
    probe,
    `import type { useSession } from ${JSON.stringify(join(ROOT, 'renderer/src/state/session'))};\n` +
      `import type { Lang } from ${JSON.stringify(join(ROOT, 'shared/i18n'))};\n` +
      `type Session = ReturnType<typeof useSession>;\n${body}\n`,
  );
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.web.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  })!;
  // The probe is no file of the project: compiled on its own with the project's options.
  const options: ts.CompilerOptions = {
    ...config.options,
    composite: false,
    incremental: false,
    noEmit: true,
  };
  delete options.tsBuildInfoFile;
  delete options.configFilePath;
  const program = ts.createProgram([probe], options);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

it('types backendLang as the shared Lang', async () => {
  expect(await errorsOf(`export const lang = (s: Session): Lang | null => s.backendLang;`)).toEqual([]);
  const wrong = await errorsOf(`export const wrong = (s: Session): boolean => s.backendLang === 'zh';`);
  expect(wrong.join('\n')).toMatch(/probe\.ts: This comparison appears to be unintentional/);
}, 60_000);
