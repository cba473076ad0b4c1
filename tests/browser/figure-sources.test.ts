import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { sharedBrowser, pageReady } from '../support/browser';
import { highlightedQuoteOnScreen } from '../support/report-landing';
import { loadDataset } from '../../src/data/load-node';

/**
 * Inline sourcing (issue 23, item 4): a figure in a step's text opens its verbatim quote (Chinese
 * on both editions, beside the figure in the page's language) and a link to its highlighted
 * sentence, by tap, click or keyboard; without JavaScript it is that link.
 */
const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
const dataset = loadDataset();
const quoteOf = new Map<string, string>([
  ...dataset.records.map((record) => [record.id, record.quote] as const),
  ...(dataset.context?.records ?? []).map((record) => [record.id, record.quote] as const),
]);

/** A few figures: one year's figure, a change worked out from both years, and 2024's plan worked back from its margin. */
const FIGURES = [
  { step: '#section-headline .step[data-step="0"]', records: 'gdp-growth-2025' },
  { step: '#section-headline .step[data-step="0"]', records: 'gdp-growth-2024 gdp-growth-2025' },
  {
    step: '#section-sectors .step[data-step="6"]',
    records: 'key-project-investment-2024 key-project-investment-over-plan-2024',
  },
  { step: '#section-fdi .step[data-step="1"]', records: 'foreign-direct-investment-2025' },
];

const pageErrors = new WeakMap<Page, string[]>();

/** Closes a test's page after checking it threw nothing. */
async function done(page: Page): Promise<void> {
  expect((pageErrors.get(page) ?? []).join('\n')).toBe('');
  await page.context().close();
}

async function openStory(
  path: string,
  options: { width: number; height: number; touch: boolean; javaScriptEnabled?: boolean },
): Promise<Page> {
  const context = await browser().newContext({
    viewport: { width: options.width, height: options.height },
    hasTouch: options.touch,
    isMobile: options.touch,
    reducedMotion: 'reduce',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(baseUrl + path);
  if (options.javaScriptEnabled !== false) await pageReady(page);
  pageErrors.set(page, errors);
  return page;
}

function figure(page: Page, step: string, records: string): Locator {
  return page.locator(`${step} a.figure-ref[data-records="${records}"]`);
}

/** Brings a figure's step on screen and waits until the figure is what a tap at its centre hits. */
async function reach(trigger: Locator): Promise<void> {
  await trigger.evaluate((el) => el.closest('.step')!.scrollIntoView({ block: 'center' }));
  await expect
    .poll(() =>
      trigger.evaluate((el) => {
        // An English figure may wrap: a tap lands on its first line.
        const box = el.getClientRects()[0]!;
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return hit === el || el.contains(hit);
      }),
    )
    .toBe(true);
}

/** What the open popover shows and where, read in the page. */
async function popoverState(trigger: Locator) {
  return trigger.evaluate((el) => {
    const id = el.getAttribute('aria-controls');
    const popover = id ? document.getElementById(id) : null;
    if (!popover) return null;
    const a = el.getBoundingClientRect();
    const p = popover.getBoundingClientRect();
    const overlaps = a.left < p.right && p.left < a.right && a.top < p.bottom && p.top < a.bottom;
    return {
      expanded: el.getAttribute('aria-expanded'),
      followsTrigger: el.nextElementSibling === popover,
      overlaps,
      inViewport: p.left >= 0 && p.top >= 0 && p.right <= innerWidth && p.bottom <= innerHeight,
      items: Array.from(popover.querySelectorAll<HTMLElement>('[data-record]')).map((item) => ({
        record: item.dataset.record!,
        head: item.querySelector('.figure-source-head')?.textContent ?? '',
        quote: item.querySelector('q[lang="zh-CN"]')?.textContent ?? '',
        quoteLang: item.querySelector('q[lang="zh-CN"]')?.getAttribute('lang') ?? '',
        gloss: item.querySelector('q.figure-source-gloss')?.textContent ?? null,
        href: item.querySelector<HTMLAnchorElement>('a.figure-source-link')?.href ?? '',
      })),
      text: el.textContent ?? '',
    };
  });
}

async function expectOpenWithQuotes(trigger: Locator, records: string, lang: 'zh' | 'en'): Promise<void> {
  await expect.poll(() => trigger.getAttribute('aria-expanded')).toBe('true');
  const state = (await popoverState(trigger))!;
  expect(state).not.toBeNull();
  expect(state.followsTrigger).toBe(true);
  expect(state.overlaps, 'the popover covers its figure').toBe(false);
  expect(state.inViewport, 'the popover leaves the screen').toBe(true);
  expect(state.items.map((item) => item.record)).toEqual(records.split(' '));
  for (const item of state.items) {
    // The report's own words, verbatim, in Chinese on both editions.
    expect(item.quote, item.record).toBe(quoteOf.get(item.record));
    expect(item.quoteLang).toBe('zh-CN');
    // In English the gloss is the line to read (above the original); in Chinese there is none.
    if (lang === 'en') expect(item.gloss, item.record).toMatch(/[a-z]/);
    else expect(item.gloss, item.record).toBeNull();
    expect(new URL(item.href).hash).toBe(`#q-${item.record}`);
  }
  // A figure of one record shows that figure beside its quote (in English on the English page).
  if (state.items.length === 1) expect(state.items[0]!.head).toContain(state.text);
  if (lang === 'en') expect(state.items[0]!.head).toMatch(/^2024 result|^2025 target/);
}

describe('figures in the story open their quotes (issue 23)', () => {
  for (const [lang, path] of [
    ['zh', ''],
    ['en', 'en/'],
  ] as const) {
    it(`${lang} at 360×640 by tap: each figure shows its record's quote, beside and not over the figure, inside the screen`, async () => {
      const page = await openStory(path, { width: 360, height: 640, touch: true });
      for (const { step, records } of FIGURES) {
        const trigger = figure(page, step, records);
        expect(await trigger.count(), `${step} ${records}`).toBe(1);
        await reach(trigger);
        expect(await trigger.getAttribute('role')).toBe('button');
        expect(await trigger.getAttribute('aria-expanded')).toBe('false');
        await trigger.tap();
        await expectOpenWithQuotes(trigger, records, lang);
        // A second tap closes it.
        await trigger.tap();
        await expect.poll(() => trigger.getAttribute('aria-expanded')).toBe('false');
        expect(await page.locator('.figure-source').count()).toBe(0);
      }
      await done(page);
    });

    it(`${lang} at 1280×800 by keyboard: Enter and Space open it, Tab reaches its link, Escape closes it and gives focus back`, async () => {
      const page = await openStory(path, { width: 1280, height: 800, touch: false });
      for (const { step, records } of FIGURES.slice(0, 3)) {
        const trigger = figure(page, step, records);
        await trigger.evaluate((el) => el.closest('.step')!.scrollIntoView({ block: 'center' }));
        await trigger.focus();
        await page.keyboard.press('Enter');
        await expectOpenWithQuotes(trigger, records, lang);
        await page.keyboard.press('Escape');
        await expect.poll(() => trigger.getAttribute('aria-expanded')).toBe('false');
        expect(await trigger.evaluate((el) => document.activeElement === el)).toBe(true);
        await page.keyboard.press(' ');
        await expectOpenWithQuotes(trigger, records, lang);
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.closest('.figure-source') !== null)).toBe(true);
        await page.keyboard.press('Escape');
        expect(await trigger.evaluate((el) => document.activeElement === el)).toBe(true);
      }
      await done(page);
    });

    it(`${lang}: the popover's link lands on the highlighted sentence in the report`, async () => {
      const page = await openStory(path, { width: 375, height: 667, touch: true });
      const { step, records } = FIGURES[3]!;
      const trigger = figure(page, step, records);
      await reach(trigger);
      await trigger.tap();
      await expectOpenWithQuotes(trigger, records, lang);
      await Promise.all([
        page.waitForURL((url) => url.hash === `#q-${records}`),
        page.locator('.figure-source a.figure-source-link').tap(),
      ]);
      expect(new URL(page.url()).pathname).toMatch(lang === 'en' ? /\/en\/report\/$/ : /\/gaoping\/report\/$/);
      await expect.poll(() => highlightedQuoteOnScreen(page, records)).toBe(quoteOf.get(records));
      await done(page);
    });
  }

  it('without JavaScript a figure is a plain link to its sentence', async () => {
    const page = await openStory('', { width: 375, height: 667, touch: false, javaScriptEnabled: false });
    const trigger = figure(page, FIGURES[0]!.step, FIGURES[0]!.records);
    expect(await trigger.getAttribute('role')).toBeNull();
    expect(await trigger.getAttribute('aria-expanded')).toBeNull();
    await trigger.scrollIntoViewIfNeeded();
    await Promise.all([page.waitForURL((url) => url.hash === '#q-gdp-growth-2025'), trigger.click()]);
    expect(new URL(page.url()).pathname).toMatch(/\/report\/$/);
    await done(page);
  });
});
