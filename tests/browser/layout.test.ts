import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sharedBrowser, afterNextFrames, pageReady } from '../support/browser';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

/** The most blank space, in CSS px, between a scrolling chart's foot (its source line) and the current card. */
const MAX_BLANK_BAND = 40;

interface StepReport {
  stacked: boolean;
  problems: string[];
}

/**
 * What a reader sees once a step is current, hit-tested: the step's text box is whole on screen and
 * on top; in a scrolling section, the chart's title, its highlighted marks and its axis are on
 * screen and on top (no card, no frame edge over them), and so are the map's size key and every
 * chart's source line. Once the reader reads on, the card rests under the chart with no blank band
 * between them (`atRest`). A stacked section (a screen too short for
 * chart and card together) shows the chart whole in the flow instead, so only the text is checked.
 */
async function readerView(page: Page, sectionId: string, stepIndex: number, atRest = false): Promise<StepReport> {
  return page.evaluate(
    ([id, index, maxBand, atRest]) => {
      const section = document.getElementById(id as string)!;
      const step = section.querySelectorAll<HTMLElement>('.step')[index as number]!;
      const card = step.querySelector('p')!;
      const problems: string[] = [];
      const onTop = (x: number, y: number, owner: Element, what: string) => {
        if (y < 0 || y >= innerHeight || x < 0 || x >= innerWidth) {
          problems.push(`${what} off screen at ${Math.round(x)},${Math.round(y)}`);
          return;
        }
        const top = document.elementFromPoint(x, y);
        if (!top || !owner.contains(top))
          problems.push(
            `${what} covered by ${top?.closest('[class]')?.className || top?.tagName} at ${Math.round(x)},${Math.round(y)}`,
          );
      };
      const inset = (box: DOMRect, d: number): Array<[number, number]> => [
        [box.left + d, box.top + d],
        [box.right - d, box.top + d],
        [box.left + d, box.bottom - d],
        [box.right - d, box.bottom - d],
        [box.left + box.width / 2, box.top + box.height / 2],
      ];
      const cardBox = card.getBoundingClientRect();
      if (cardBox.top < 0 || cardBox.bottom > innerHeight)
        problems.push(
          `text box not whole on screen (${Math.round(cardBox.top)}–${Math.round(cardBox.bottom)} of ${innerHeight})`,
        );
      for (const [x, y] of inset(cardBox, 3)) onTop(x, y, card, 'text box');
      const graphic = section.querySelector<HTMLElement>('.scrolly-graphic')!;
      const stacked = getComputedStyle(graphic).display === 'contents';
      if (stacked) return { stacked, problems };
      const figure = section.querySelector<HTMLElement>('.scrolly-graphic .chart.is-active');
      if (!figure) return { stacked, problems: [...problems, 'no active chart'] };
      const title = figure.querySelector('.chart-title')!;
      for (const [x, y] of inset(title.getBoundingClientRect(), 2)
        .slice(0, 1)
        .concat(inset(title.getBoundingClientRect(), 2).slice(4)))
        onTop(x, y, title, 'title');
      const svg = Array.from(figure.querySelectorAll<SVGSVGElement>('.chart-svg svg')).find(
        (el) => el.getBoundingClientRect().height > 0,
      )!;
      for (const mark of Array.from(svg.querySelectorAll<SVGGraphicsElement>('.is-focus'))) {
        const box = mark.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        onTop(box.left + box.width / 2, box.top + box.height / 2, figure, `mark ${mark.getAttribute('data-key')}`);
      }
      for (const axis of Array.from(svg.querySelectorAll<SVGGElement>('g[aria-label$="axis tick label"]'))) {
        for (const tick of Array.from(axis.querySelectorAll('text'))) {
          const box = tick.getBoundingClientRect();
          onTop(box.left + box.width / 2, box.top + box.height / 2, figure, `axis label ${tick.textContent}`);
        }
      }
      // The map's key: each dot of its size key (1, 3, 5 projects).
      for (const dot of Array.from(svg.querySelectorAll<SVGGraphicsElement>('.map-size-dot'))) {
        const box = dot.getBoundingClientRect();
        onTop(box.left + box.width / 2, box.top + box.height / 2, figure, 'size key');
      }
      const source = svg.querySelector('.chart-source');
      if (source) {
        const box = source.getBoundingClientRect();
        onTop(box.left + 4, box.top + box.height / 2, figure, 'source line');
      }
      // No blank band: a card at rest sits just under the chart (its SVG ends with the source line).
      const band = cardBox.top - svg.getBoundingClientRect().bottom;
      if (atRest && band > (maxBand as number))
        problems.push(`blank band of ${Math.round(band)} px between the chart's foot and the text box`);
      return { stacked, problems };
    },
    [sectionId, stepIndex, MAX_BLANK_BAND, atRest] as const,
  );
}

/**
 * Scrolls until a step's box starts `fraction` of the way down the screen. Sections off screen are
 * laid out only when they come near (content-visibility), so one jump can land short: measure again.
 */
async function scrollStepTo(page: Page, sectionId: string, stepIndex: number, fraction: number): Promise<void> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const off = await page.evaluate(
      ([id, index, at]) => {
        const box = document.getElementById(id as string)!.querySelectorAll<HTMLElement>('.step')[index as number]!;
        const delta = box.getBoundingClientRect().top - innerHeight * (at as number);
        scrollBy(0, delta);
        return Math.abs(delta);
      },
      [sectionId, stepIndex, fraction] as const,
    );
    await afterNextFrames(page);
    if (off < 2) return;
  }
}

const PHONES: Array<[number, number]> = [
  [360, 640],
  [375, 667],
  [414, 896],
];

describe.each([
  ['zh', ''],
  ['en', 'en/'],
])('phone reading (%s): every current step shows its text whole, and its chart whole', (_lang, path) => {
  it.each(PHONES)('at %i×%i', async (width, height) => {
    const context = await browser().newContext({
      viewport: { width, height },
      hasTouch: true,
      isMobile: true,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(baseUrl + path);
    await pageReady(page);
    await pageReady(page);
    const steps = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.scrolly')).flatMap((section) =>
        Array.from(section.querySelectorAll<HTMLElement>('.step')).map((_step, index) => ({
          section: section.id,
          index,
        })),
      ),
    );
    const problems: string[] = [];
    const stacked: string[] = [];
    for (const step of steps) {
      // As a reader arrives: the step's box a little past the line where steps become current.
      await scrollStepTo(page, step.section, step.index, 0.58);
      const current = await page
        .waitForFunction(
          ([id, index]) =>
            document
              .getElementById(id as string)!
              .querySelectorAll('.step')
              [index as number]!.getAttribute('aria-current') === 'step',
          [step.section, step.index] as const,
          { timeout: 5000 },
        )
        .then(
          () => true,
          () => false,
        );
      if (!current) {
        problems.push(`${step.section} step ${step.index + 1}: not current`);
        continue;
      }
      await afterNextFrames(page);
      const report = await readerView(page, step.section, step.index);
      if (report.stacked) stacked.push(`${step.section} ${step.index + 1}`);
      for (const problem of report.problems)
        problems.push(`${step.section} step ${step.index + 1}${report.stacked ? ' (stacked)' : ''}: ${problem}`);
      // Read on: the card has come up to rest under its chart (on a tall screen it arrives from
      // below the chart's foot), and stays whole, with no blank band above it.
      await scrollStepTo(page, step.section, step.index, 0.25);
      for (const problem of (await readerView(page, step.section, step.index, true)).problems)
        problems.push(`${step.section} step ${step.index + 1}, read on: ${problem}`);
    }
    expect(steps.length).toBeGreaterThan(15);
    expect(problems).toEqual([]);
    // Every chart section scrolls on these phones, the map included: long charts show one group of
    // rows per step, and the map is drawn to the frame above its longest card (phone-fit.ts).
    expect(stacked).toEqual([]);
    await context.close();
  });
});

describe('short screens (a zoomed or landscape phone)', () => {
  it.each([
    [640, 400],
    [896, 414],
  ])('at %i×%i every section is stacked and every step can be read', async (width, height) => {
    const context = await browser().newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await pageReady(page);
    await pageReady(page);
    const sections = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.scrolly')).map((section) => ({
        id: section.id,
        stacked: getComputedStyle(section.querySelector('.scrolly-graphic')!).display === 'contents',
        steps: section.querySelectorAll('.step').length,
      })),
    );
    expect(sections.length).toBeGreaterThan(3);
    for (const section of sections) expect(section.stacked, section.id).toBe(true);
    const problems: string[] = [];
    for (const section of sections) {
      for (let index = 0; index < section.steps; index++) {
        await scrollStepTo(page, section.id, index, 0.3);
        for (const problem of (await readerView(page, section.id, index)).problems)
          problems.push(`${section.id} step ${index + 1}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('desktop layout', () => {
  it.each([
    [1280, 800],
    [1440, 900],
  ])('at %i×%i every sticky chart fits the window and sits in its middle', async (width, height) => {
    const context = await browser().newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await pageReady(page);
    await pageReady(page);
    const boxes = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.scrolly-graphic')).flatMap((graphic) => {
        const window_ = graphic.getBoundingClientRect();
        return Array.from(graphic.querySelectorAll<HTMLElement>('.chart')).map((figure) => {
          const box = figure.getBoundingClientRect();
          return {
            chart: figure.dataset.chart,
            height: box.height,
            gapAbove: box.top - window_.top,
            gapBelow: window_.bottom - box.bottom,
          };
        });
      }),
    );
    const bar = await page.evaluate(() => document.querySelector('.topbar')!.getBoundingClientRect().height);
    for (const box of boxes) {
      expect(box.height, box.chart).toBeLessThanOrEqual(height - bar);
      expect(Math.abs(box.gapAbove - box.gapBelow), box.chart).toBeLessThanOrEqual(2);
    }
    await context.close();
  });
});

describe('wide screens', () => {
  // The wide map is wider than tall (its key sits in its corner), so from 1440×900 it is drawn
  // 800 px wide or more with its title, subtitle and source in the 856 px under the bar.
  it.each([
    [1440, 900, 800],
    [1920, 1080, 800],
  ])(
    'at %i×%i the graphic column grows: the map is %i px wide or more, and no chart text reads under 14 px',
    async (width, height, mapWidth) => {
      const context = await browser().newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(baseUrl);
      await pageReady(page);
      await pageReady(page);
      await page.waitForFunction(() => document.documentElement.dataset.wideCharts === 'in');
      const sizes = await page.evaluate(() => {
        const drawn = (svg: SVGSVGElement) => svg.getBoundingClientRect().width;
        const texts = Array.from(document.querySelectorAll<SVGSVGElement>('.chart-svg--wide svg'))
          .filter((svg) => drawn(svg) > 0)
          .flatMap((svg) =>
            Array.from(svg.querySelectorAll<SVGTextElement>('text'))
              .filter((text) => (text.textContent ?? '').trim() !== '')
              .map((text) => ({
                chart: svg.closest<HTMLElement>('.chart')?.dataset.chart,
                text: text.textContent,
                px: (parseFloat(getComputedStyle(text).fontSize) * drawn(svg)) / svg.viewBox.baseVal.width,
              })),
          );
        const smallest = texts.reduce((min, text) => (text.px < min.px ? text : min));
        const map = document.querySelector<SVGSVGElement>('#section-map .chart-svg--wide svg')!;
        const graphic = document
          .querySelector<HTMLElement>('#section-headline .scrolly-graphic')!
          .getBoundingClientRect().width;
        return { smallest, map: drawn(map), graphic };
      });
      expect(sizes.map).toBeGreaterThanOrEqual(mapWidth);
      expect(sizes.smallest.px, `${sizes.smallest.chart}: "${sizes.smallest.text}"`).toBeGreaterThanOrEqual(14);
      expect(sizes.graphic).toBeGreaterThan(800);
      await context.close();
    },
  );
});
