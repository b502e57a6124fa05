// The contacts table at 100,000 rows in Chromium (web mode): the local index is built beforehand from an
// in-process sandbox of that size, the workspace opens it, and the table is scrolled one step per frame
// (400 px, then jumps across the whole list) while frame times are recorded. The same script then scrolls a
// baseline in the same page: the table's rows cloned into a scroller of the same size, moved along by a few
// lines of plain script (what the browser costs to scroll and draw those rows with no React and no data), so
// the figures print as ratios of it; headless Chromium without a GPU has a floor of its own (one frame,
// 16.7 ms, when it keeps up). Asserts that the virtual list keeps the DOM small, that its median frame stays
// within a generous multiple of the baseline's (a table that renders every row, or re-renders everything per
// step, is many times it), and that a fast wheel does not show rows still loading for long (blocks are
// fetched ahead). Size: DTLOAD_SCROLL_CONTACTS (100000).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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
  /** During the wheel: frames where a row in view was still loading, and the longest run of them. */
  pendingFrames: number;
  longestPending: number;
}

// Runs in the page (a string: the Node side has no DOM types). From the top, 200 frames of 400 px (a fast
// wheel), then 40 jumps across the whole list (the scrollbar dragged); one step per animation frame, each
// frame timed.
const scrollAndTime = (selector: string): string => `(async () => {
  const el = document.querySelector('${selector}');
  el.scrollTop = 0;
  for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(() => r()));
  const frames = [];
  const domRows = [];
  let pendingFrames = 0;
  let run = 0;
  let longestPending = 0;
  let last = performance.now();
  for (let i = 0; i < 240; i++) {
    if (i < 200) el.scrollTop += 400;
    else el.scrollTop = ((i - 200) / 40) * el.scrollHeight;
    await new Promise((r) => requestAnimationFrame(() => r()));
    const now = performance.now();
    frames.push(now - last);
    last = now;
    const rows = el.querySelectorAll('[data-testid=ws-row]');
    domRows.push(rows.length);
    if (i < 200) {
      const top = el.scrollTop;
      const bottom = top + el.clientHeight;
      const pending = [...rows].some((r) => {
        // Chromium writes large offsets as 1.99976e+06px.
        const y = Number(/translateY\\(([^p]+)px\\)/.exec(r.style.transform)?.[1]);
        return !r.dataset.userid && y + 40 > top && y < bottom;
      });
      run = pending ? run + 1 : 0;
      if (pending) pendingFrames++;
      longestPending = Math.max(longestPending, run);
    }
  }
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    p95: sorted[Math.floor(sorted.length * 0.95)],
    worst: sorted[sorted.length - 1],
    maxDomRows: Math.max(...domRows),
    pendingFrames,
    longestPending,
  };
})()`;

// The baseline: the table's rows as they are now, cloned (no React, no listeners) into a scroller of the same
// size and place, over the table, with a spacer as tall as the table's; on scroll they are moved to the view.
const MAKE_BASELINE = `(() => {
  const table = document.querySelector('[data-testid=ws-rows]');
  const box = table.getBoundingClientRect();
  const el = table.cloneNode(false);
  el.id = 'scroll-baseline';
  el.removeAttribute('data-testid');
  Object.assign(el.style, { position: 'fixed', left: box.left + 'px', top: box.top + 'px', width: box.width + 'px', height: box.height + 'px', background: '#fff', zIndex: 1000 });
  const spacer = table.firstElementChild.cloneNode(false);
  el.appendChild(spacer);
  const rows = [...table.querySelectorAll('[data-testid=ws-row]')].map((r) => spacer.appendChild(r.cloneNode(true)));
  for (const r of rows) r.setAttribute('data-testid', 'ws-row');
  const place = () => {
    const first = Math.max(0, Math.floor(el.scrollTop / 40) - 6);
    rows.forEach((r, i) => (r.style.transform = 'translateY(' + (first + i) * 40 + 'px)'));
  };
  el.addEventListener('scroll', place);
  document.body.appendChild(el);
  place();
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

    // The table first (blocks are fetched as it goes: the first pass over a list is the one that counts).
    const table = await page.evaluate<Figures>(scrollAndTime('[data-testid=ws-rows]'));
    // The baseline clones loaded rows, not placeholders.
    await expect
      .poll(() => page.locator('[data-testid=ws-rows] [data-testid=ws-row]:not([data-userid])').count())
      .toBe(0);
    await page.evaluate(MAKE_BASELINE);
    const base = await page.evaluate<Figures>(scrollAndTime('#scroll-baseline'));
    const ratio = (k: 'median' | 'p95' | 'worst') => (table[k] / base[k]).toFixed(2);
    console.log(
      `table of ${N} rows, 240 scroll steps in Chromium (load average ${loadavg()[0]!.toFixed(1)}): ` +
        `frame median ${table.median.toFixed(1)} ms, p95 ${table.p95.toFixed(1)} ms, worst ${table.worst.toFixed(1)} ms; ` +
        `baseline (the same rows, static, moved by plain script) ${base.median.toFixed(1)} / ${base.p95.toFixed(1)} / ${base.worst.toFixed(1)} ms; ` +
        `table ÷ baseline: median ${ratio('median')}, p95 ${ratio('p95')}, worst ${ratio('worst')}; ` +
        `at most ${table.maxDomRows} rows in the DOM; rows still loading in view in ${table.pendingFrames} of 200 wheel frames (longest run ${table.longestPending})`,
    );
    expect(table.maxDomRows).toBeLessThan(100);
    expect(table.median / base.median).toBeLessThan(6);
    expect(table.longestPending).toBeLessThan(30);
  });
});
