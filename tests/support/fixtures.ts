import { test as base } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';

/**
 * Browser tests' fixtures: one Chromium per worker, and per test a context and page that are
 * closed when the test ends, whether it passed or failed (nothing leaks into the next test).
 */
export const test = base.extend<{ browser: Browser; context: BrowserContext; page: Page }>({
  browser: [
    async ({}, use) => {
      const browser = await launchChromium();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ browser }, use) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await use(context);
    await context.close();
  },
  page: async ({ context }, use) => {
    await use(await context.newPage());
  },
});

export { contextForTest } from './browser';
