// One Chromium page on web mode against a fresh sandbox data dir, for a describe block's tests: opened
// before them (page errors logged with the language), closed after them with the data dir removed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { SandboxFaults } from '../../electron/core/sandbox';
import type { Lang } from '../../shared/i18n';
import { launchChromium, newE2EContext } from './browser';
import { startSandboxWeb, type RunningWeb } from './server';

export interface WebPage {
  /** The temporary folder; the backend's data dir is `data` in it. */
  work: string;
  web: RunningWeb;
  browser: Browser;
  page: Page;
}

export interface WebPageOptions {
  /** Names the temporary folder (`dtload-<name>-<lang>-…`). */
  name: string;
  faults?: SandboxFaults;
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
  /** Fills the data dir before the backend starts on it (jobs left by an earlier run, say). */
  prepare?: (dataDir: string) => Promise<void>;
}

/** Registers the block's hooks; `opened` hands the page to the block once it is open. */
export function useWebPage(lang: Lang, opts: WebPageOptions, opened: (p: WebPage) => void): void {
  let p: Partial<WebPage> = {};
  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), `dtload-${opts.name}-${lang}-`));
    p = { work };
    await opts.prepare?.(join(work, 'data'));
    p.web = await startSandboxWeb(join(work, 'data'), opts.faults);
    p.browser = await launchChromium(lang);
    const context = await newE2EContext(p.browser, {
      viewport: opts.viewport ?? { width: 1280, height: 800 },
      locale: lang,
      ...(opts.acceptDownloads ? { acceptDownloads: true } : {}),
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`[${lang}] page error:`, e.message));
    opened({ ...(p as Omit<WebPage, 'page'>), page });
  });
  afterAll(async () => {
    await p.browser?.close();
    await p.web?.close();
    if (p.work) rmSync(p.work, { recursive: true, force: true });
  });
}
