import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { loadSiteInputs } from '../../src/site/inputs';
import { DESIGN_PHONES, phoneFrameHeight, sectionFits, stepGroups } from '../../src/story/phone-fit';
import { stepFocus } from '../../src/story/fill';
import { chartById, renderChart } from '../../src/charts/registry';
import { townCodes } from '../../src/geo/town-codes';
import { timeScale } from '../../scripts/lib/time-scale';

const site = loadSiteInputs();
/** Draws the map and fits every section (the map's label search included): longer than a unit's 5 s. */
const MAP_FIT_BUDGET_MS = 20_000 * timeScale();

describe.each(['zh', 'en'] as const)('phone stepped reveals (%s)', (lang) => {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const ctx = { document: document as unknown as Document, inputs: site.inputs, content: site.content[lang] };
  const blocks = ctx.content.blocks.flatMap((block) => (block.type === 'scrolly' ? [block] : []));

  it("every group holds the rows its step names, and only rows of its chart, drawn in the chart's order", () => {
    let grouped = 0;
    for (const block of blocks) {
      stepGroups(ctx, block).forEach((rows, index) => {
        const step = block.steps[index]!;
        if (!rows) return;
        grouped++;
        const chart = chartById(step.chart)!;
        const keys = chart.keys(site.inputs);
        expect(chart.stepsByRows, step.chart).toBe(true);
        // What the step names on this chart (a class such as @raised also names the other chart's rows).
        const named = stepFocus(step, site.inputs.dataset, keys, townCodes(site.inputs.geo)).filter((key) =>
          keys.includes(key),
        );
        for (const key of named) expect(rows, `${block.id} step ${index + 1}`).toContain(key);
        expect(rows).toEqual(keys.filter((key) => rows.includes(key)));
      });
    }
    // The long charts (rates, sectors) are shown in groups on a phone.
    expect(grouped).toBeGreaterThanOrEqual(8);
  });

  it(
    'the map is drawn to the phone frame: no taller than the frame, and its section scrolls on every design phone',
    () => {
      const block = blocks.find((b) => b.steps.some((step) => step.chart === 'town-map'))!;
      const frame = phoneFrameHeight(ctx, block, 'town-map')!;
      expect(frame).toBeGreaterThan(250);
      const svg = renderChart(chartById('town-map')!, site.inputs, {
        width: 328,
        lang,
        document: ctx.document,
        text: ctx.content.chartText,
        title: 't',
        maxHeight: frame,
      });
      expect(Number(svg.getAttribute('height'))).toBeLessThanOrEqual(frame);
      const fit = sectionFits(ctx).find((section) => section.sectionId === `section-${block.id}`)!;
      for (const [width, height] of DESIGN_PHONES) {
        const band = fit.bands.find((b) => width >= b.min && width <= b.max)!;
        expect(band.height, `${width}×${height}`).toBeLessThanOrEqual(height);
      }
    },
    MAP_FIT_BUDGET_MS,
  );

  it("a group is drawn whole (title, legend line, axis, source) with just its rows, on the whole chart's scale", () => {
    const chart = chartById('rate-target-shifts')!;
    const keys = chart.keys(site.inputs);
    const options = { width: 328, lang, document: ctx.document, text: ctx.content.chartText, title: 't' };
    const whole = renderChart(chart, site.inputs, options);
    const part = renderChart(chart, site.inputs, { ...options, rows: keys.slice(0, 3) });
    const drawnKeys = (svg: SVGSVGElement) =>
      new Set(Array.from(svg.querySelectorAll('[data-key]')).map((mark) => mark.getAttribute('data-key')));
    expect([...drawnKeys(part)].sort()).toEqual(keys.slice(0, 3).sort());
    expect(Number(part.getAttribute('height'))).toBeLessThan(Number(whole.getAttribute('height')));
    expect(part.querySelector('.chart-source')?.textContent).toBe(whole.querySelector('.chart-source')?.textContent);
    const ticks = (svg: SVGSVGElement) =>
      Array.from(svg.querySelectorAll('g[aria-label="x-axis tick label"] text')).map((text) => text.textContent);
    expect(ticks(part).length).toBeGreaterThan(0);
    expect(ticks(part)).toEqual(ticks(whole));
    expect(() => renderChart(chart, site.inputs, { ...options, rows: ['no-such-row'] })).toThrow(/invalid rows/);
  });
});
