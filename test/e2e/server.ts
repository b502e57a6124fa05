// Web mode against the sandbox organisation, serving the built renderer (out/renderer: `npm run build` first).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SandboxFaults } from '../../electron/core/sandbox';
import { DEFAULT_RENDERER_DIR, startWebServer } from '../../electron/web/server';

export interface RunningWeb {
  /** The page address with extra query parameters (e.g. lang) and an optional hash route. */
  urlWith(params: Record<string, string>, route?: string): string;
  close(): Promise<void>;
}

export async function startSandboxWeb(dataDir: string, faults?: SandboxFaults): Promise<RunningWeb> {
  if (!existsSync(join(DEFAULT_RENDERER_DIR, 'index.html')))
    throw new Error(`No built renderer in ${DEFAULT_RENDERER_DIR}: run \`npm run build\` first.`);
  const server = await startWebServer({
    dataDir,
    port: 0,
    sandbox: true,
    ...(faults ? { sandboxOptions: { faults } } : {}),
  });
  return {
    urlWith(params, route) {
      const u = new URL(server.url);
      for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
      if (route) u.hash = `/${route}`;
      return u.toString();
    },
    close: () => server.close(),
  };
}
