// Debian's Chromium driven by playwright-core (it cannot download a browser of its own here).
import { chromium, type Browser } from 'playwright-core';

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
