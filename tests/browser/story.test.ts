import { describe, expect, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { contextForTest, test } from '../support/fixtures';
import { pageReady } from '../support/browser';
import { chartIds } from '../../src/charts/registry';
import { seriousViolations } from '../support/axe';

const baseUrl = inject('baseUrl');

/** The story in a context of its own (this file's options), closed when the test ends, passed or failed; close() closes it sooner. */
async function openStory(
  browser: Browser,
  path: string,
  viewport = { width: 375, height: 667 },
  options: { javaScriptEnabled?: boolean; reducedMotion?: 'reduce' | 'no-preference' } = {},
) {
  const context = await contextForTest(browser, {
    viewport,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    reducedMotion: options.reducedMotion ?? 'no-preference',
  });
  // Every layout shift the page makes, recorded from the first paint (scrolling is not input, so
  // shifts while scrolling count, as they do for CLS).
  await context.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { __layoutShifts: number[] }).__layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>)
        if (!entry.hadRecentInput) shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(baseUrl + path);
  if (options.javaScriptEnabled !== false) await pageReady(page);
  return { page, errors, close: () => context.close() };
}

const activeChart = (page: Page, sectionId: string) =>
  page.locator(`#section-${sectionId} .scrolly-graphic .chart.is-active`).getAttribute('data-chart');

describe.each([
  ['zh', ''],
  ['en', 'en/'],
])('story (%s)', (lang, path) => {
  test('scrolling makes each step current in turn and changes the sticky chart', async ({ browser }) => {
    const { page, errors, close } = await openStory(browser, path);
    const stepCount = await page.locator('.step[data-step]').count();
    expect(stepCount).toBeGreaterThan(8);
    // Scroll as a reader does, a wheel notch at a time, and record what each position shows.
    const seen: Array<{ step: string; chart: string; active: string | null; focused: number; focus: number }> = [];
    // Each notch is one wheel event and one evaluate in the page, which waits until the scroll has
    // happened and the observers have seen it (two frames later), then reads what the page shows.
    let position = await page.evaluate(() => scrollY);
    for (let guard = 0; guard < 400; guard++) {
      await page.mouse.wheel(0, 180);
      const { state, atEnd, scrolledTo } = await page.evaluate(async (before) => {
        const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
        const bottom = () => innerHeight + scrollY >= document.documentElement.scrollHeight - 2;
        while (scrollY === before && !bottom()) await nextFrame();
        await nextFrame();
        await nextFrame();
        const atEnd = bottom();
        const current = Array.from(document.querySelectorAll<HTMLElement>('.step[aria-current="step"]'));
        const inView = current.find((el) => {
          const r = el.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight;
        });
        if (!inView) return { state: null, atEnd, scrolledTo: scrollY };
        const section = inView.closest('.scrolly')!;
        const active = section.querySelector<HTMLElement>('.scrolly-graphic .chart.is-active');
        return {
          state: {
            step: section.id + ':' + inView.dataset.step,
            chart: inView.dataset.chart!,
            active: active?.dataset.chart ?? null,
            focused: active?.querySelectorAll('.is-focus').length ?? 0,
            focus: (inView.dataset.focus ?? '').split(' ').filter(Boolean).length,
          },
          atEnd,
          scrolledTo: scrollY,
        };
      }, position);
      position = scrolledTo;
      if (state && seen.at(-1)?.step !== state.step) seen.push(state);
      if (atEnd) break;
    }
    const { expectedOrder, stacked } = await page.evaluate(() => ({
      expectedOrder: Array.from(document.querySelectorAll<HTMLElement>('.step')).map(
        (el) => el.closest('.scrolly')!.id + ':' + el.dataset.step,
      ),
      // Sections stacked on this screen (phone-fit.ts): several one-line steps can pass the line in
      // one wheel notch, and all their text is on screen at once, so they may be current together.
      stacked: Array.from(document.querySelectorAll<HTMLElement>('.scrolly'))
        .filter((section) => getComputedStyle(section.querySelector('.scrolly-graphic')!).display === 'contents')
        .map((section) => section.id),
    }));
    const scrolling = (step: string) => !stacked.includes(step.split(':')[0]!);
    const seenOrder = seen.map((s) => s.step);
    // Every step of a scrolling section becomes current, in reading order; none goes backwards.
    expect(seenOrder.filter(scrolling).join(' '), expectedOrder.join(' ')).toBe(
      expectedOrder.filter(scrolling).join(' '),
    );
    expect(seenOrder.map((step) => expectedOrder.indexOf(step))).toEqual(
      [...seenOrder.map((step) => expectedOrder.indexOf(step))].sort((a, b) => a - b),
    );
    // At least one section scrolls on this phone (layout.test.ts reads every step at three sizes).
    expect(expectedOrder.filter(scrolling).length).toBeGreaterThanOrEqual(2);
    for (const state of seen) {
      expect(state.active, state.step).toBe(state.chart);
      if (state.focus > 0) expect(state.focused, state.step).toBeGreaterThan(0);
      else expect(state.focused, state.step).toBe(0);
    }
    expect(new Set(seen.map((s) => s.active)).size).toBeGreaterThanOrEqual(8);
    expect(errors).toEqual([]);
    // The budget for layout shift over a whole read, scrolling from top to bottom.
    const shift = await page.evaluate(() =>
      (window as unknown as { __layoutShifts: number[] }).__layoutShifts.reduce((sum, value) => sum + value, 0),
    );
    expect(shift).toBeLessThanOrEqual(0.01);
    await close();
  });

  test.for([
    [360, 640],
    [375, 667],
    [414, 896],
  ] as const)(
    'at %i×%i px: no horizontal overflow, readable chart text, the sticky graphic fills the screen under the bar',
    async ([width, height], { browser }) => {
      const { page, close } = await openStory(browser, path, { width, height });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const smallest = await page.evaluate(() => {
        let min = Infinity;
        // The phone-width charts and their groups of rows (stepped reveals), as drawn (a hidden one has no width).
        for (const text of Array.from(
          document.querySelectorAll<SVGTextElement>('.chart-svg--narrow svg text, .chart-svg--step svg text'),
        )) {
          const svg = text.ownerSVGElement!;
          if (svg.getBoundingClientRect().width === 0) continue;
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          min = Math.min(min, parseFloat(getComputedStyle(text).fontSize) * scale);
        }
        return min;
      });
      expect(smallest).toBeGreaterThanOrEqual(12);
      // The sticky graphic fills the screen under the top bar (the cards float over it), unless its
      // section is stacked on a screen this size (phone-fit.ts; layout.test.ts reads every step).
      const bar = await page.evaluate(() => document.querySelector('.topbar')!.getBoundingClientRect().height);
      for (const graphic of await page.locator('.scrolly-graphic').all()) {
        const { display, box } = await graphic.evaluate((el) => ({
          display: getComputedStyle(el).display,
          box: el.getBoundingClientRect().height,
        }));
        if (display === 'contents') continue;
        expect(Math.abs(box - (height - bar))).toBeLessThanOrEqual(2);
      }
      await close();
    },
  );

  test('without JavaScript shows every chart and all the text', async ({ browser }) => {
    const { page, close } = await openStory(browser, path, { width: 375, height: 667 }, { javaScriptEnabled: false });
    const figures = page.locator('figure.chart');
    const figureCount = await figures.count();
    expect(figureCount).toBe(chartIds().length);
    for (const figure of await figures.all()) {
      expect(await figure.isVisible()).toBe(true);
      expect(await figure.locator('.chart-svg--narrow svg').isVisible()).toBe(true);
    }
    for (const step of await page.locator('.step').all()) expect(await step.isVisible()).toBe(true);
    expect(await page.locator('.show-all-toggle').isVisible()).toBe(false);
    await close();
  });

  test('has no serious or critical axe violations: scrolling in the light theme, all charts shown in the dark', async ({
    browser,
  }) => {
    const { page, close } = await openStory(browser, path, { width: 1280, height: 900 });
    const serious = () => seriousViolations(page);
    const pageBackground = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const lightBackground = await pageBackground();
    expect(await serious()).toEqual([]);
    // The story follows the reader's colour scheme; axe's contrast rules then judge the dark tokens.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(pageBackground).not.toBe(lightBackground);
    await page.click('.show-all-toggle');
    expect(await serious()).toEqual([]);
    await close();
  });

  test('reaches steps and chart marks by keyboard, with a visible name on focus', async ({ browser }) => {
    const { page, close } = await openStory(browser, path, { width: 1280, height: 900 });
    const step = page.locator('#section-sectors .step').nth(2);
    await step.focus();
    await expect.poll(() => step.getAttribute('aria-current')).toBe('step');
    expect(await activeChart(page, 'sectors')).toBe(await step.getAttribute('data-chart'));
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('.step, .chart')?.className ?? '');
    expect(focused).toMatch(/step|chart/);
    const mark = page.locator('#section-headline .chart.is-active .chart-svg--wide [tabindex="0"]').first();
    await mark.focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBeTruthy();
    await expect.poll(() => page.locator('.tooltip').isVisible()).toBe(true);
    await close();
  });

  test('one tab stop per chart: arrow keys move between its marks; the steps of a section come before its chart; a link skips the chart', async ({
    browser,
  }) => {
    const { page, close } = await openStory(browser, path, { width: 1280, height: 900 });
    const perChart = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.chart-svg:not(.chart-svg--step) svg')).map(
        (svg) => svg.querySelectorAll('[tabindex="0"]').length,
      ),
    );
    expect(perChart.length).toBeGreaterThan(8);
    for (const stops of perChart) expect(stops).toBe(1);
    // A phone's group of rows is a chart too: one stop at most (a group of rows written out, with no bars, has none).
    const perGroup = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLTemplateElement>('template.chart-svg-group')).map(
        (template) => template.content.querySelectorAll('svg [tabindex="0"]').length,
      ),
    );
    expect(perGroup.length).toBeGreaterThan(3);
    for (const stops of perGroup) expect(stops).toBeLessThanOrEqual(1);
    // Tab from the section heading: the steps first, then the skip link, then the chart.
    const order = await page.evaluate(() => {
      const section = document.getElementById('section-headline')!;
      const focusable = Array.from(section.querySelectorAll<HTMLElement>('[tabindex="0"], a[href]')).filter(
        (el) => el.getClientRects().length > 0 || el.classList.contains('skip-chart'),
      );
      return focusable.map((el) =>
        el.classList.contains('step')
          ? 'step'
          : el.classList.contains('skip-chart')
            ? 'skip'
            : el.closest('.chart')
              ? 'mark'
              : 'other',
      );
    });
    expect(order.indexOf('skip')).toBeGreaterThan(order.lastIndexOf('step'));
    expect(order.indexOf('mark')).toBeGreaterThan(order.indexOf('skip'));
    const first = (await page
      .locator('#section-headline .chart.is-active .chart-svg--wide [tabindex="0"]')
      .first()
      .elementHandle())!;
    const before = await first.getAttribute('aria-label');
    await first.focus();
    await page.keyboard.press('ArrowRight');
    const moved = await page.evaluate(() => ({
      label: document.activeElement?.getAttribute('aria-label'),
      tabindex: document.activeElement?.getAttribute('tabindex'),
    }));
    expect(moved.label).toBeTruthy();
    expect(moved.label).not.toBe(before);
    expect(moved.tabindex).toBe('0');
    expect(await first.getAttribute('tabindex')).toBe('-1');
    await close();
  });

  test('phones get one SVG per chart and never fetch the wide ones; wide screens get the wide charts', async ({
    browser,
  }) => {
    const phone = await openStory(browser, path, { width: 375, height: 667 });
    const fetched: string[] = [];
    phone.page.on('request', (request) => fetched.push(request.url()));
    await phone.page.reload();
    await pageReady(phone.page);
    expect(await phone.page.locator('.chart-svg--wide').count()).toBe(0);
    expect(await phone.page.locator('.scrolly-graphic .chart-svg--narrow svg').count()).toBeGreaterThan(8);
    expect(fetched.filter((url) => url.includes('wide-charts'))).toEqual([]);
    await phone.close();
    const desktop = await openStory(browser, path, { width: 1280, height: 900 });
    const figures = await desktop.page.locator('.scrolly-graphic .chart').count();
    expect(await desktop.page.locator('.scrolly-graphic .chart .chart-svg--wide svg').count()).toBe(figures);
    expect(await desktop.page.locator('#section-headline .chart.is-active .chart-svg--wide svg').isVisible()).toBe(
      true,
    );
    expect(await desktop.page.locator('#section-headline .chart.is-active .chart-svg--narrow').isVisible()).toBe(false);
    expect(desktop.errors).toEqual([]);
    await desktop.close();
  });

  test('respects prefers-reduced-motion and offers a non-scrolling view', async ({ browser }) => {
    const { page, close } = await openStory(browser, path, { width: 375, height: 667 }, { reducedMotion: 'reduce' });
    const duration = await page
      .locator('.scrolly-graphic .chart')
      .first()
      .evaluate((el) => getComputedStyle(el).transitionDuration);
    expect(duration.split(',').every((d) => parseFloat(d) === 0)).toBe(true);
    const toggle = page.locator('.show-all-toggle');
    expect(await toggle.isVisible()).toBe(true);
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    for (const figure of await page.locator('.scrolly-graphic .chart').all())
      expect(await figure.isVisible()).toBe(true);
    await close();
  });
});
