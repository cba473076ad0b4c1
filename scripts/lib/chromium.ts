import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath } from '../ensure-system-deps.mjs';

/**
 * Debian's Chromium (or GAOPING_CHROMIUM_PATH, the same setting `npm test`'s set-up step checks);
 * the flags keep it off a network this machine does not have. Tests and scripts share this.
 */
export const CHROMIUM_PATH = chromiumPath();
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright gives every launch a fresh temporary user-data-dir and removes it on close. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

/** Resolves after two animation frames: every event and observer callback queued before has run. */
export async function afterNextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/**
 * Resolves once a story page is as a reader on this screen gets it: its late-loaded behaviour is
 * set up and, on wide screens (where the story's CSS shows wide charts), the wide charts are in.
 * Other pages resolve once their module scripts have run. Call it only on pages with JavaScript on.
 */
export async function pageReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    // Every page's module scripts start after its first paint (src/site/module-loader.ts): wait until
    // they ran. Without JavaScript the loader never marks the page "waiting", and there is nothing to wait for.
    if (document.documentElement.dataset.scripts === 'waiting') return false;
    const main = document.getElementById('main');
    if (!main?.classList.contains('story')) return true;
    // Tooltips, the town dialog and the citation's copy button load just after start-up.
    if (document.documentElement.dataset.ready !== 'true') return false;
    const deferred =
      main.dataset.wideCharts !== undefined || document.querySelector('template.chart-svg-deferred') !== null;
    return (
      !deferred || !matchMedia('(min-width: 700px)').matches || document.documentElement.dataset.wideCharts === 'in'
    );
  });
}
