// Debian's Chromium driven by playwright-core (it cannot download a browser of its own here).
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

export const CHROMIUM = process.env.DTLOAD_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(lang: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${lang}`,
    ],
  });
}

/**
 * A context that asks for reduced motion, which the app honours: dialogs and dropdowns open in place.
 * Playwright reads a button's place once it looks still; antd's zoom-in keeps each step for two frames,
 * so a click could be aimed at a confirm button mid-zoom and released beside it, and the dialog stayed
 * open (the click never reached the button).
 */
export function newE2EContext(browser: Browser, options: BrowserContextOptions): Promise<BrowserContext> {
  return browser.newContext({ reducedMotion: 'reduce', ...options });
}
