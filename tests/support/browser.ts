// The browser set-up lives with the scripts (which never import tests); tests use the same one.
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium';

export { CHROMIUM_PATH, launchChromium, afterNextFrames, pageReady } from '../../scripts/lib/chromium';

/** A context of its own for this test (other options, a second one), closed when the test ends, passed or failed. */
export async function contextForTest(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  onTestFinished(() => context.close());
  return context;
}

/**
 * One Chromium for a test file: launched before its tests and closed after them, whatever they
 * did. Returns the accessor the tests call (`browser().newContext(…)`); a context made inside a
 * test is closed when that test ends, passed or failed, so a failure never leaks its pages into
 * the next test (so make contexts inside tests, not in hooks).
 */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  let tracked: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    const launched = browser;
    tracked = new Proxy(launched, {
      get(target, key) {
        if (key === 'newContext') return (options?: BrowserContextOptions) => contextForTest(target, options);
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!tracked) throw new Error("the file's browser is not launched yet (call it inside a test)");
    return tracked;
  };
}
