import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageReady, sharedBrowser } from '../support/browser';
import { axeFor } from '../support/axe';
import { CONTRAST_PAGES, CONTRAST_VIEWPORT } from '../support/contrast-pages';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

/**
 * Every page type the site builds, in both languages, is judged here (and only here: the other
 * axe checks of these pages leave this rule out, see tests/support/axe.ts).
 */
const PAGES = CONTRAST_PAGES;
const THEMES = ['light', 'dark'] as const;

/** Embeds take their theme from the host's embed code (?theme=), not from the reader's system. */
const themedByUrl = (path: string) => path.includes('embed/') && path !== 'embed/';

/** What a theme is judged on: no text under 4.5:1 (axe's rule), and the lowest contrast of the report's highlights. */
async function judge(page: Page, scheme: (typeof THEMES)[number]) {
  // The page really is in the theme asked for (a page that ignored it would pass in light twice).
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const channels = background.match(/\d+/g)!.slice(0, 3).map(Number);
  if (scheme === 'dark') expect(Math.max(...channels), background).toBeLessThan(80);
  else expect(Math.min(...channels), background).toBeGreaterThan(200);
  const violations = (await axeFor(page).withRules(['color-contrast']).analyze()).violations.flatMap((v) =>
    v.nodes.slice(0, 5).map((n) => `${scheme}: ${n.target.join(' ')}: ${n.any[0]?.message ?? v.id}`),
  );
  // Every highlighted figure of the report, measured from its computed colours.
  const highlights = await page.evaluate(() => {
    const rgb = (value: string) =>
      value
        .match(/[\d.]+/g)!
        .slice(0, 3)
        .map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const [lr, lg, lb] = [r!, g!, b!]
        .map((c) => c / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * lr! + 0.7152 * lg! + 0.0722 * lb!;
    };
    let min = Infinity;
    for (const mark of Array.from(document.querySelectorAll<HTMLElement>('mark.q-text'))) {
      const style = getComputedStyle(mark);
      const [a, b] = [luminance(rgb(style.color)), luminance(rgb(style.backgroundColor))].sort((x, y) => y - x);
      min = Math.min(min, (a! + 0.05) / (b! + 0.05));
    }
    return { min, count: document.querySelectorAll('mark.q-text').length };
  });
  return { violations, highlights };
}

/**
 * One visit per page: judged in the light theme, then in the dark. The themes are CSS only (a
 * prefers-color-scheme media query, or the embed's ?theme=, read once at start-up), so switching the
 * emulated scheme re-styles the page exactly as a load in that scheme would; embeds are loaded again
 * with the other ?theme=.
 */
describe('contrast in the light and the dark theme', () => {
  it.each(PAGES)('%s: no text under 4.5:1 (axe), and the report highlights at 4.5:1 or more', async (_name, path) => {
    const context = await browser().newContext({
      viewport: CONTRAST_VIEWPORT,
      colorScheme: 'light',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const violations: string[] = [];
    for (const scheme of THEMES) {
      if (themedByUrl(path)) await page.goto(`${baseUrl}${path}?theme=${scheme}`);
      else if (scheme === 'light') await page.goto(baseUrl + path);
      else await page.emulateMedia({ colorScheme: scheme });
      await pageReady(page);
      // The story with every chart shown, so each chart's text is judged, not only the first step's.
      if ((path === '' || path === 'en/') && scheme === 'light') {
        await page.click('.show-all-toggle');
        await expect
          .poll(() =>
            page
              .locator('.scrolly-graphic .chart')
              .evaluateAll((charts) =>
                charts.every((chart) => chart.getClientRects().length > 0 && getComputedStyle(chart).opacity === '1'),
              ),
          )
          .toBe(true);
      }
      const judged = await judge(page, scheme);
      violations.push(...judged.violations);
      if (path.includes('report')) {
        expect(judged.highlights.count, scheme).toBeGreaterThan(100);
        expect(judged.highlights.min, scheme).toBeGreaterThanOrEqual(4.5);
      }
    }
    expect(violations).toEqual([]);
    await context.close();
  });
});
