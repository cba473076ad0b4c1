// The browser set-up lives with the scripts (which never import tests); tests use the same one.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium';

export { CHROMIUM_PATH, launchChromium, afterNextFrames, pageReady } from '../../scripts/lib/chromium';

/**
 * One Chromium for a test file: launched before its tests and closed after them, whatever they
 * did. Returns the accessor the tests call (`browser().newContext(…)`).
 */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the file\'s browser is not launched yet (call it inside a test)');
    return browser;
  };
}
