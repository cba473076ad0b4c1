import { describe, expect, inject, it } from 'vitest';
import { sharedBrowser } from '../support/browser';
import { chartIds } from '../../src/charts/registry';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

const WIDTHS = [320, 360, 375, 414, 600, 768, 1024, 1280];

/**
 * Every chart as readers get it (its embed page), at every width: each text's measured box lies
 * inside its SVG, and no two texts overlap by more than a pixel. Measured by the browser, never
 * by the layout code's own width estimate.
 *
 * Each embed is loaded once, at the narrowest width, and the window is then widened step by step:
 * which drawing a width shows, and how it is laid out, is the stylesheet's alone (media queries;
 * src/embed/client.ts and the figure scripts it starts read no window size), so a page resized to a
 * width lays out as one loaded at it, and this property is about layout, not load.
 */
describe.each(['zh', 'en'] as const)('chart text in %s', (lang) => {
  it.each(chartIds())(`%s at ${WIDTHS.join(', ')} px: no text is clipped and none overlaps another`, async (id) => {
    const context = await browser().newContext({ viewport: { width: WIDTHS[0]!, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    await page.goto(`${baseUrl}${lang === 'en' ? 'en/' : ''}embed/${id}/`);
    for (const width of WIDTHS) {
      if (width !== WIDTHS[0]) await page.setViewportSize({ width, height: 900 });
      // Laid out at this width (which may call for more fonts), measured once the fonts are in,
      // in the same round trip.
      problems.push(
        ...(await page.evaluate(async (chartId) => {
          document.documentElement.getBoundingClientRect();
          await document.fonts.ready;
          const found: string[] = [];
          const svg = Array.from(document.querySelectorAll<SVGSVGElement>('.chart-svg svg')).find(
            (s) => s.getBoundingClientRect().width > 0,
          )!;
          const frame = svg.getBoundingClientRect();
          const texts = Array.from(svg.querySelectorAll<SVGTextElement>('text')).filter(
            (t) => (t.textContent ?? '').trim() !== '' && t.getBoundingClientRect().width > 0,
          );
          const boxes = texts.map((t) => ({
            text: t.textContent!.trim().slice(0, 30),
            box: t.getBoundingClientRect(),
          }));
          for (const { text, box } of boxes) {
            if (
              box.left < frame.left - 1 ||
              box.right > frame.right + 1 ||
              box.top < frame.top - 1 ||
              box.bottom > frame.bottom + 1
            )
              found.push(`${chartId}: "${text}" runs outside the chart`);
          }
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i]!.box;
              const b = boxes[j]!.box;
              const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
              const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
              if (overlapX > 1 && overlapY > 1)
                found.push(`${chartId}: "${boxes[i]!.text}" overlaps "${boxes[j]!.text}"`);
            }
          }
          // The map: from 600 px every one of the units has its label.
          const towns = Array.from(svg.querySelectorAll<SVGGElement>('.map-town'));
          if (towns.length > 0 && innerWidth >= 600 && towns.some((town) => !town.querySelector('text')))
            found.push(`${chartId}: not every unit is labelled at ${innerWidth} px`);
          // A label with no leader line sits nearer its own dot than any other dot, as drawn.
          const dots = towns.map((town) => {
            const box = town.querySelector('.map-dot')!.getBoundingClientRect();
            return { code: town.dataset.town!, x: box.left + box.width / 2, y: box.top + box.height / 2 };
          });
          const distance = (dot: { x: number; y: number }, box: DOMRect) =>
            Math.hypot(
              Math.max(box.left - dot.x, 0, dot.x - box.right),
              Math.max(box.top - dot.y, 0, dot.y - box.bottom),
            );
          for (const town of towns) {
            const label = town.querySelector('text');
            if (!label || town.querySelector('line')) continue;
            const box = label.getBoundingClientRect();
            const own = distance(
              dots.find((d) => d.code === town.dataset.town)!,
              box,
            );
            const nearer = dots.filter((d) => d.code !== town.dataset.town && distance(d, box) < own);
            if (nearer.length > 0)
              found.push(
                `${chartId}: the label "${label.textContent}" is nearer ${nearer.map((d) => d.code).join(', ')} than its own dot`,
              );
          }
          return found.map((problem) => `${innerWidth} px: ${problem}`);
        }, id)),
      );
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
