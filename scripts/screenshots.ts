// Screenshots of the built story at phone and desktop widths, for looking at by eye.
// Usage: npm run build && npm run screenshots   → test-artifacts/*.png
import { mkdirSync } from 'node:fs';
import { launchChromium } from './lib/chromium';
import { ROOT } from './lib/site';
import { serveStatic } from './lib/static-server';

const outDir = 'test-artifacts';
mkdirSync(outDir, { recursive: true });
const served = await serveStatic([{ prefix: '/', dir: `${ROOT}dist` }], `${ROOT}dist/404.html`);
const browser = await launchChromium();
try {
  for (const [name, path] of [
    ['zh', ''],
    ['en', 'en/'],
  ] as const) {
    for (const width of [375, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: width < 500 ? 740 : 900 } });
      await page.goto(served.url + path);
      await page.screenshot({ path: `${outDir}/story-${name}-${width}-top.png` });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.click('.show-all-toggle');
      await page.screenshot({ path: `${outDir}/story-${name}-${width}-all.png`, fullPage: true });
      if (process.argv.includes('--charts')) {
        for (const figure of await page.locator('figure.chart').all()) {
          const id = await figure.getAttribute('data-chart');
          await figure.screenshot({ path: `${outDir}/chart-${name}-${width}-${id}.png` });
        }
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await served.teardown();
}
console.log(`screenshots written to ${outDir}/`);
