// The contacts table at 100,000 rows in Chromium (web mode): the local index is built beforehand from an
// in-process sandbox of that size, the workspace opens it, and the table is scrolled one step per frame
// (400 px, then jumps across the whole list) while frame times are recorded. Prints the figures (median, p95,
// worst frame) and the rows in the DOM; asserts only that the virtual list keeps the DOM small.
// Size: DTLOAD_SCROLL_CONTACTS (100000).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ContactIndex, closeIndexes } from '../../electron/core/contacts';
import { createDingTalkClient } from '../../electron/core/dingtalk';
import { startSandbox } from '../../electron/core/sandbox';
import { launchChromium } from './browser';
import { startSandboxWeb, type RunningWeb } from './server';

const N = Number(process.env.DTLOAD_SCROLL_CONTACTS ?? 100_000);

interface Figures {
  median: number;
  p95: number;
  worst: number;
  maxDomRows: number;
}

// Runs in the page (a string: the Node side has no DOM types). 200 frames of 400 px (a fast wheel), then 40
// jumps across the whole list (the scrollbar dragged); one step per animation frame, each frame timed.
const SCROLL_AND_TIME = `(async () => {
  const el = document.querySelector('[data-testid=ws-rows]');
  const frames = [];
  const domRows = [];
  let last = performance.now();
  for (let i = 0; i < 240; i++) {
    if (i < 200) el.scrollTop += 400;
    else el.scrollTop = ((i - 200) / 40) * el.scrollHeight;
    await new Promise((r) => requestAnimationFrame(() => r()));
    const now = performance.now();
    frames.push(now - last);
    last = now;
    domRows.push(el.querySelectorAll('[data-testid=ws-row]').length);
  }
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    p95: sorted[Math.floor(sorted.length * 0.95)],
    worst: sorted[sorted.length - 1],
    maxDomRows: Math.max(...domRows),
  };
})()`;

describe('contacts table at scale', () => {
  let web: RunningWeb | undefined;
  let browser: Browser | undefined;
  const work = mkdtempSync(join(tmpdir(), 'dtload-ws-scroll-'));
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    closeIndexes();
    rmSync(work, { recursive: true, force: true });
  });

  it(`scrolls ${N} rows frame by frame`, { timeout: 600_000 }, async () => {
    const dataDir = join(work, 'data');
    const sb = await startSandbox({ contacts: N, listen: false });
    const index = await ContactIndex.open(dataDir, 'sandbox');
    await index.refresh(
      createDingTalkClient({
        baseUrl: sb.baseUrl,
        appKey: sb.appKey,
        appSecret: sb.appSecret,
        fetch: sb.fetch,
      }),
    );
    index.close();
    await sb.close();

    web = await startSandboxWeb(dataDir);
    browser = await launchChromium('en');
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(web.urlWith({ lang: 'en' }, 'connect'));
    await page.getByTestId('connect-sandbox').click();
    await page.getByTestId('nav-workspace').click();
    await expect
      .poll(async () => (await page.getByTestId('ws-count').innerText()).replace(/\D/g, ''), {
        timeout: 120_000,
      })
      .toBe(String(N));
    await page.getByTestId('ws-row').first().waitFor();

    const figures = await page.evaluate<Figures>(SCROLL_AND_TIME);
    console.log(
      `table of ${N} rows, 240 scroll steps in Chromium: frame median ${figures.median.toFixed(1)} ms, ` +
        `p95 ${figures.p95.toFixed(1)} ms, worst ${figures.worst.toFixed(1)} ms; at most ${figures.maxDomRows} rows in the DOM`,
    );
    expect(figures.maxDomRows).toBeLessThan(100);
  });
});
