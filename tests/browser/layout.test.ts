import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, afterNextFrames, pageReady } from '../support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * For the current step: is any highlighted mark (or its label) hidden by the step's card, or out of
 * sight? Points inside each mark are hit-tested, so what counts is what a reader sees on top.
 */
async function hiddenMarks(page: Page, stepIndex: number, sectionId: string): Promise<string[]> {
  return page.evaluate(([index, id]) => {
    const section = document.getElementById(id as string)!;
    const step = section.querySelectorAll<HTMLElement>('.step')[index as number]!;
    const figure = section.querySelector<HTMLElement>('.scrolly-graphic .chart.is-active');
    if (!figure) return ['no active figure'];
    const problems: string[] = [];
    const marks = Array.from(figure.querySelectorAll<SVGGraphicsElement>('.is-focus')).filter((mark) => {
      const box = mark.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    });
    for (const mark of marks) {
      const box = mark.getBoundingClientRect();
      const points: Array<[number, number]> = [[box.left + box.width / 2, box.top + box.height / 2]];
      if (box.width > 6 && box.height > 6) points.push([box.left + 2, box.top + 2], [box.right - 2, box.bottom - 2]);
      for (const [x, y] of points) {
        if (y < 0 || y > innerHeight || x < 0 || x > innerWidth) {
          problems.push(`${mark.getAttribute('data-key')} off screen at ${Math.round(x)},${Math.round(y)}`);
          continue;
        }
        const top = document.elementFromPoint(x, y);
        if (top && step.contains(top)) problems.push(`${mark.getAttribute('data-key')} under the card at ${Math.round(x)},${Math.round(y)}`);
        else if (!top || !figure.contains(top)) problems.push(`${mark.getAttribute('data-key')} hidden by ${top?.className || top?.tagName} at ${Math.round(x)},${Math.round(y)}`);
      }
    }
    return problems;
  }, [stepIndex, sectionId] as const);
}

const PHONES: Array<[number, number]> = [[360, 640], [375, 667], [414, 896]];

describe.each([['zh', ''], ['en', 'en/']])('phone layout (%s): step cards never hide what they describe', (_lang, path) => {
  it.each(PHONES)('at %i×%i, with the card anywhere from a quarter to 60 per cent of the screen', async (width, height) => {
    const context = await browser.newContext({ viewport: { width, height }, hasTouch: true, isMobile: true, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(baseUrl + path);
    const steps = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.scrolly')).flatMap((section) =>
      Array.from(section.querySelectorAll<HTMLElement>('.step')).map((step, index) => ({ section: section.id, index, focus: (step.dataset.focus ?? '').length > 0 }))));
    const problems: string[] = [];
    let checked = 0;
    for (const step of steps.filter((s) => s.focus)) {
      for (const at of [0.25, 0.4, 0.6]) {
        await page.evaluate(([id, index, fraction]) => {
          const card = document.getElementById(id as string)!.querySelectorAll<HTMLElement>('.step')[index as number]!.querySelector('p')!;
          scrollBy(0, card.getBoundingClientRect().top - innerHeight * (fraction as number));
        }, [step.section, step.index, at] as const);
        const current = await page.waitForFunction(([id, index]) => document.getElementById(id as string)!.querySelectorAll('.step')[index as number]!.getAttribute('aria-current') === 'step', [step.section, step.index] as const, { timeout: 5000 }).then(() => true, () => false);
        if (!current) {
          problems.push(`${step.section} step ${step.index + 1}, card at ${at * 100}%: the step is not current`);
          continue;
        }
        await afterNextFrames(page);
        checked++;
        for (const problem of await hiddenMarks(page, step.index, step.section)) problems.push(`${step.section} step ${step.index + 1}, card at ${at * 100}%: ${problem}`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('desktop layout', () => {
  it.each([[1280, 800], [1440, 900]])('at %i×%i every sticky chart fits the window and sits in its middle', async (width, height) => {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await pageReady(page);
    const boxes = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.scrolly-graphic')).flatMap((graphic) => {
      const window_ = graphic.getBoundingClientRect();
      return Array.from(graphic.querySelectorAll<HTMLElement>('.chart')).map((figure) => {
        const box = figure.getBoundingClientRect();
        return { chart: figure.dataset.chart, height: box.height, gapAbove: box.top - window_.top, gapBelow: window_.bottom - box.bottom };
      });
    }));
    const bar = await page.evaluate(() => document.querySelector('.topbar')!.getBoundingClientRect().height);
    for (const box of boxes) {
      expect(box.height, box.chart).toBeLessThanOrEqual(height - bar);
      expect(Math.abs(box.gapAbove - box.gapBelow), box.chart).toBeLessThanOrEqual(2);
    }
    await context.close();
  });
});
