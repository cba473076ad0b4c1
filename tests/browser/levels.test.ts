import { describe, expect, inject, it } from 'vitest';
import { sharedBrowser, pageReady } from '../support/browser';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

describe('"How bold? Beside Sichuan and China" (issue 19)', () => {
  for (const path of ['', 'en/']) {
    for (const width of [375, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        it(`${path || 'zh/'} at ${width} px, ${colorScheme}: the section shows its chart, findings, the scorecard for Sichuan and China and one line for Gaoping`, async () => {
          const context = await browser().newContext({ viewport: { width, height: 800 }, colorScheme });
          const page = await context.newPage();
          await page.goto(`${baseUrl}${path}`);
          await pageReady(page);
          await pageReady(page);
          const section = page.locator('#section-levels');
          await section.scrollIntoViewIfNeeded();
          await expect.poll(() => section.isVisible()).toBe(true);
          // Phones show the narrow chart; wide screens bring in the wide one: one of them is on screen.
          await expect
            .poll(() =>
              section
                .locator('figure[data-chart="context-levels"] svg')
                .evaluateAll((svgs) => svgs.some((svg) => svg.getBoundingClientRect().width > 0)),
            )
            .toBe(true);
          expect(await section.locator('.level-findings li').count()).toBeGreaterThan(2);
          expect(await section.locator('table[data-place="sichuan"] td.verdict').count()).toBeGreaterThan(0);
          expect(await section.locator('table[data-place="china"] td.verdict').count()).toBeGreaterThan(0);
          expect(await section.locator('.scorecard-pending[data-place="gaoping"]').count()).toBe(1);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow).toBeLessThanOrEqual(0);
          await context.close();
        });
      }
    }
  }

  it('a context figure in the story lands on its highlighted sentence on its source page', async () => {
    const context = await browser().newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await pageReady(page);
    await pageReady(page);
    const link = page.locator('#section-levels table[data-place="sichuan"] a.source-figure').first();
    const record = await link.getAttribute('data-entry');
    await link.scrollIntoViewIfNeeded();
    await Promise.all([page.waitForURL(/\/sources\/sichuan-2025\//), link.click()]);
    expect(new URL(page.url()).hash).toBe(`#q-${record}`);
    const mark = page.locator(`#q-${record} + mark.quote`);
    await expect.poll(() => mark.isVisible()).toBe(true);
    expect(
      await mark.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      }),
    ).toBe(true);
    await context.close();
  });
});
