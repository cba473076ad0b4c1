import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { sharedBrowser, pageReady } from '../support/browser';

/**
 * Issue 19: a context figure's source link lands on its highlighted sentence on /sources/<id>/,
 * whichever page it is followed from: the story's "How bold?" section, the context chart's embed,
 * and the explorer. "Lands" means the sentence is marked as the target (a highlight no other
 * quote on the page has) and is on screen, not covered: the element at its centre is it.
 */
const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

/** A province's target from its report, and a national result from the statistical bulletin (a long page); both are in the story's scorecard. */
const FIGURES = [
  { record: 'sichuan-gdp-growth-2025-target', source: 'sichuan-2025' },
  { record: 'china-fixed-asset-investment-growth-2025', source: 'china-nbs-bulletin-2025' },
];

/** The first link to the figure in `scope`, its closed <details> opened so that a reader could click it. */
async function linkTo(page: Page, scope: string, record: string): Promise<Locator> {
  const selector = `${scope} a.source-link[data-entry="${record}"], ${scope} a.source-figure[data-entry="${record}"]`;
  await page.locator(selector).first().waitFor({ state: 'attached', timeout: 10_000 });
  await page.evaluate((css) => {
    const link = document.querySelector(css)!;
    for (let node = link.parentElement; node; node = node.parentElement)
      if (node instanceof HTMLDetailsElement) node.open = true;
  }, selector);
  const link = page.locator(selector).first();
  await link.scrollIntoViewIfNeeded();
  return link;
}

/** Follows a link, in this tab or the new one it opens (embeds open links in a new tab). */
async function follow(context: BrowserContext, page: Page, link: Locator): Promise<Page> {
  if ((await link.getAttribute('target')) === '_blank') {
    const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
    return tab;
  }
  await link.click();
  return page;
}

/** What the reader sees of the figure's sentence: why it does not count as landed, or 'landed'. */
async function landing(page: Page, record: string): Promise<string> {
  return page.evaluate((id) => {
    const anchor = document.getElementById(`q-${id}`);
    if (!anchor) return 'no anchor';
    if (!anchor.matches(':target')) return 'anchor is not the target';
    const mark = anchor.nextElementSibling;
    if (!(mark instanceof HTMLElement) || !mark.matches('mark.quote'))
      return 'no highlighted sentence after the anchor';
    const other = Array.from(document.querySelectorAll('mark.quote')).find(
      (m) => m !== mark && !m.previousElementSibling?.matches(':target'),
    );
    if (!other) return 'no other quote to compare with';
    const background = getComputedStyle(mark).backgroundColor;
    if (background === getComputedStyle(other).backgroundColor)
      return `not highlighted as the target (${background}, as every quote)`;
    const box = mark.getClientRects()[0];
    if (!box) return 'not rendered';
    const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
    if (y < 0 || y > innerHeight || x < 0 || x > innerWidth)
      return `off screen (centre at ${Math.round(x)}, ${Math.round(y)})`;
    const hit = document.elementFromPoint(x, y);
    if (!hit || !(hit === mark || mark.contains(hit)))
      return `covered by ${hit?.tagName.toLowerCase()}.${hit?.className}`;
    return 'landed';
  }, record);
}

async function expectLanded(page: Page, lang: 'zh' | 'en', figure: (typeof FIGURES)[number]): Promise<void> {
  const path = `${lang === 'en' ? 'en/' : ''}sources/${figure.source}/`;
  await page.waitForURL((url) => url.pathname.endsWith(`/${path}`) && url.hash === `#q-${figure.record}`);
  await expect.poll(() => landing(page, figure.record)).toBe('landed');
}

describe.each(['zh', 'en'] as const)(
  "a context figure's source link lands on its highlighted sentence (%s)",
  (lang) => {
    const prefix = lang === 'en' ? 'en/' : '';

    for (const figure of FIGURES) {
      it(`from the story's "How bold?" section: ${figure.record}`, async () => {
        const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await page.goto(`${baseUrl}${prefix}`);
        await pageReady(page);
        await pageReady(page);
        const landed = await follow(context, page, await linkTo(page, '#section-levels', figure.record));
        await expectLanded(landed, lang, figure);
        await context.close();
      });

      it(`from an embed of the context chart: ${figure.record}`, async () => {
        const context = await browser().newContext({ viewport: { width: 600, height: 700 } });
        const page = await context.newPage();
        await page.goto(`${baseUrl}${prefix}embed/context-levels/`);
        await pageReady(page);
        await pageReady(page);
        // The embed's figures are in its data table: the reader switches to it first.
        await page.click('.embed-tab[data-view="table"]');
        const landed = await follow(context, page, await linkTo(page, 'main', figure.record));
        await expectLanded(landed, lang, figure);
        await context.close();
      });

      it(`from the explorer, filtered to its place and source: ${figure.record}`, async () => {
        const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        const place = figure.record.split('-')[0]!;
        await page.goto(`${baseUrl}${prefix}data/explore/?place=${place}&source=${figure.source}`);
        await pageReady(page);
        await expect.poll(() => page.locator(`tr#${figure.record}`).isVisible()).toBe(true);
        const landed = await follow(context, page, await linkTo(page, `tr#${figure.record}`, figure.record));
        await expectLanded(landed, lang, figure);
        await context.close();
      });
    }
  },
);
