import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sharedBrowser, pageReady } from '../support/browser';

/** The audit's small items (issue 23, §8) that a reader meets on the story at phone width. */
const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

async function openPhone(path: string): Promise<Page> {
  const context = await browser().newContext({
    viewport: { width: 375, height: 667 },
    hasTouch: true,
    isMobile: true,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.goto(baseUrl + path);
  await pageReady(page);
  await pageReady(page);
  return page;
}

/**
 * Every interactive element laid out on the page whose target is under 24×24 CSS px and that meets
 * neither exception of WCAG 2.2's 2.5.8: inline (a link inside a sentence) or spacing (a 24 px
 * circle on its centre touches no other target).
 */
function smallTargets(page: Page) {
  return page.evaluate(() => {
    const selector = 'a[href], button, summary, input, select, textarea, [tabindex="0"], [role="button"]';
    const all = Array.from(document.querySelectorAll<HTMLElement>(selector)).filter((el) => {
      if (el.closest('[hidden], template')) return false;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') return false;
      const box = el.getBoundingClientRect();
      // Off-screen skip links (shown on focus) are not targets until they come on screen.
      return box.width > 0 && box.height > 0 && box.right > 0 && box.left < document.documentElement.clientWidth;
    });
    const boxes = all.map((el) => {
      const b = el.getBoundingClientRect();
      return { el, left: b.left + scrollX, top: b.top + scrollY, width: b.width, height: b.height };
    });
    const inline = (el: HTMLElement) => {
      // A link in running text: its block has text of its own beside the link.
      if (el.tagName !== 'A') return false;
      const block = el.parentElement?.closest('p, li, dd, td, figcaption, span.source-links') ?? el.parentElement;
      const own = Array.from(block?.childNodes ?? []).some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
      );
      return own || getComputedStyle(el).display === 'inline';
    };
    const spaced = (i: number) => {
      const a = boxes[i]!;
      const cx = a.left + a.width / 2;
      const cy = a.top + a.height / 2;
      return boxes.every((b, j) => {
        if (j === i || a.el.contains(b.el) || b.el.contains(a.el)) return true;
        // Distance from a's centre to b's box (b's own undersized circle is checked from b).
        const dx = Math.max(b.left - cx, 0, cx - (b.left + b.width));
        const dy = Math.max(b.top - cy, 0, cy - (b.top + b.height));
        return Math.hypot(dx, dy) >= 12;
      });
    };
    return boxes.flatMap((b, i) => {
      if (b.width >= 24 && b.height >= 24) return [];
      if (inline(b.el) || spaced(i)) return [];
      return [
        `${b.el.tagName.toLowerCase()}.${b.el.getAttribute('class') ?? ''} "${(b.el.getAttribute('aria-label') ?? b.el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(b.width)}×${Math.round(b.height)}`,
      ];
    });
  });
}

describe("the story at 375 px: the audit's small items (issue 23)", () => {
  for (const path of ['', 'en/']) {
    it(`${path || 'zh/'}: every interactive element has a 24×24 px target or the spacing or inline exception`, async () => {
      const page = await openPhone(path);
      expect(await smallTargets(page)).toEqual([]);
      // Show-all mode lays out every chart and its controls in the flow: those too.
      await page.locator('.show-all-toggle').tap();
      await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('show-all'))).toBe(true);
      expect(await smallTargets(page)).toEqual([]);
      await page.context().close();
    });

    it(`${path || 'zh/'}: a chart mark's tooltip does not cover its row (name, bars or value)`, async () => {
      const page = await openPhone(path);
      const step = page.locator('#section-sectors .step[data-step="0"]');
      await step.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      // The marks of the drawing on screen that take focus: on a phone that is the step's group of rows, not the whole chart.
      const marks = page.locator('#section-sectors .chart.is-active [data-key][aria-label][tabindex]:visible');
      await expect.poll(() => marks.count()).toBeGreaterThan(2);
      for (const index of [0, 2]) {
        const covered = await marks.nth(index).evaluate(async (mark) => {
          (mark as SVGElement).focus();
          const tip = document.querySelector<HTMLElement>('.tooltip');
          if (!tip || tip.hidden) return 'no tooltip';
          const t = tip.getBoundingClientRect();
          const key = mark.getAttribute('data-key')!;
          const row = Array.from(mark.closest('svg')!.querySelectorAll(`[data-key="${CSS.escape(key)}"]`)).map((el) =>
            el.getBoundingClientRect(),
          );
          return row.filter((r) => r.left < t.right && t.left < r.right && r.top < t.bottom && t.top < r.bottom).length;
        });
        expect(covered).toBe(0);
      }
      await page.context().close();
    });

    it(`${path || 'zh/'}: after a section of several charts, each chart's "copy link" shares the line of its data details, named for its chart`, async () => {
      const page = await openPhone(path);
      const rows = await page.locator('#section-sectors .scrolly-data').evaluate((data) =>
        Array.from(data.querySelectorAll('.copy-link')).map((button) => {
          const summary = button
            .closest('.copy-link-bar')!
            .nextElementSibling!.querySelector('summary')!
            .getBoundingClientRect();
          const b = button.getBoundingClientRect();
          return {
            name: button.getAttribute('aria-label') ?? '',
            sameLine: b.top < summary.bottom && summary.top < b.bottom,
          };
        }),
      );
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) expect(row.sameLine, row.name).toBe(true);
      expect(new Set(rows.map((row) => row.name)).size).toBe(rows.length);
      await page.context().close();
    });
  }
});

describe('embeds: the page script starting moves nothing (CLS, issue 23 budgets)', () => {
  for (const chart of ['town-map', 'headline-targets']) {
    it(`/embed/${chart}/ at 412 px: no layout shift once the Chart | Table bar is shown`, async () => {
      const context = await browser().newContext({
        viewport: { width: 412, height: 823 },
        hasTouch: true,
        isMobile: true,
      });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const shifts: number[] = [];
        (window as unknown as { shifts: number[] }).shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${baseUrl}embed/${chart}/`);
      await pageReady(page);
      await page.waitForSelector('.embed-tabs:not([hidden])');
      // Two frames after the script's changes, so any shift they cause has been reported.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const total = await page.evaluate(() =>
        (window as unknown as { shifts: number[] }).shifts.reduce((sum, value) => sum + value, 0),
      );
      expect(total).toBeLessThanOrEqual(0.001);
      await context.close();
    });
  }
});
