import { describe, expect } from 'vitest';
import { contextForTest, test } from '../support/fixtures';
import { pageReady } from '../support/browser';
import { site } from '../support/site';

/**
 * The published site in a browser, on the run's one build (SITE_URL under a subpath, served under
 * that path): deep links, copied links and the desk's code. The crawl of every link and share tag
 * is tests/dist-checks/publish-crawl.test.ts.
 */
const PUBLIC = site.siteUrl;
const server = { url: site.baseUrl };

describe(`the published site in a browser (SITE_URL=${PUBLIC})`, () => {
  test('opens a deep link at its step with the chart of that step, and the back button returns to the previous one', async ({
    page,
  }) => {
    /** The step the URL's hash names (or holds the anchor it names): is it current, and its chart shown? */
    const state = () =>
      page.evaluate(() => {
        const target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
        const step = target?.closest<HTMLElement>('.step');
        const section = step?.closest('.scrolly');
        return {
          step: step?.id ?? null,
          current: step?.getAttribute('aria-current') ?? null,
          shown: section?.querySelector<HTMLElement>('.chart.is-active')?.dataset.chart ?? null,
          wanted: step?.dataset.chart ?? null,
          onScreen: step
            ? step.getBoundingClientRect().top < window.innerHeight && step.getBoundingClientRect().bottom > 0
            : false,
        };
      });
    await page.goto(`${server.url}#step-sectors-3`);
    await pageReady(page);
    await expect.poll(state).toMatchObject({ step: 'step-sectors-3', current: 'step', onScreen: true });
    const first = await state();
    expect(first.shown).toBe(first.wanted);
    // A chart's anchor opens the first step that draws it.
    await page.evaluate(() => {
      window.location.hash = 'town-map';
    });
    await expect.poll(state).toMatchObject({ current: 'step', shown: 'town-map', onScreen: true });
    await page.goBack();
    await expect.poll(state).toMatchObject({ step: 'step-sectors-3', current: 'step', onScreen: true });
  });

  test('copies the link of a chart with its anchor', async ({ browser }) => {
    const context = await contextForTest(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${server.url}en/`);
    await pageReady(page);
    const button = page.locator('.copy-link').first();
    const anchor = await button.getAttribute('data-anchor');
    await button.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}en/#${anchor}`);
    expect(await page.evaluate(() => document.getElementById(window.location.hash.slice(1)) !== null)).toBe(true);
  });

  test('switches the whole desk card to the chosen language, previews at phone width, and shows the whole valid code', async ({
    page,
  }) => {
    await page.goto(`${server.url}embed/`);
    await pageReady(page);
    const card = page.locator('.desk-card').first();
    const chartId = await card.getAttribute('data-chart');
    const enTitle = await card.getAttribute('data-title-en');
    await page.check('input[name="lang"][value="en"]');
    await page.check('input[name="device"][value="phone"]');
    await page.selectOption('select[name="maxwidth"]', '640');
    await page.check('input[name="plain"]');
    await expect.poll(() => card.locator('h2').textContent()).toBe(enTitle);
    expect(await card.locator('iframe').getAttribute('title')).toContain(enTitle!);
    expect(await card.locator('h3').first().textContent()).toBe(
      await card.locator('h3').first().getAttribute('data-en'),
    );
    expect(await card.locator('.desk-code').getAttribute('aria-label')).toContain(enTitle!);
    expect(await card.locator('.print-images a').first().getAttribute('href')).toContain(`en/embed/${chartId}/`);
    expect(await card.locator('iframe').evaluate((iframe) => iframe.getBoundingClientRect().width)).toBeCloseTo(375, 0);
    const code = await card.locator('.desk-code').inputValue();
    // The desk writes the code from the address it is served from, wherever the site is deployed.
    expect(code).toContain(`src="${server.url}en/embed/${chartId}/?plain=1"`);
    expect(code).toContain('max-width:640px');
    expect(code).not.toMatch(/\swidth="/);
    const [scrollHeight, clientHeight] = await card
      .locator('.desk-code')
      .evaluate((box) => [box.scrollHeight, box.clientHeight]);
    expect(scrollHeight).toBeLessThanOrEqual(clientHeight + 2);
  });
});
