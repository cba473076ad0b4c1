import { describe, expect, it } from 'vitest';
import { charts } from '../../src/charts/registry';
import { contentByLang } from '../../src/content';
import { chartWidths } from '../../src/design/tokens';
import type { Lang } from '../../src/content/types';
import { dataset, inputs, renderForTest as render } from '../support/render';
import { isComparablePair } from '../../src/data/types';
import { comparabilityState, targetChange } from '../../src/data/derive';
import { formatSignedChange } from '../../src/data/format';

const langs: Lang[] = ['zh', 'en'];

describe.each(charts.map((c) => c.id))('chart %s', (chartId) => {
  const chart = charts.find((c) => c.id === chartId)!;
  const dataKeys = new Set(chart.keys(inputs));

  it('draws only what it declares, and something', () => {
    expect(dataKeys.size).toBeGreaterThan(0);
    const svg = render(chartId, 'zh', chartWidths.wide);
    const keys = new Set(Array.from(svg.querySelectorAll('[data-key]')).map((el) => el.getAttribute('data-key')!));
    expect([...keys].sort()).toEqual([...dataKeys].sort());
  });

  it('never draws a non-comparable pair as a bar, line or dot', () => {
    const nonComparable = dataset.metrics.filter((m) => m.comparable === false).map((m) => m.id);
    const svg = render(chartId, 'zh', chartWidths.wide);
    for (const id of nonComparable) {
      const shapes = svg.querySelectorAll(
        `rect[data-key="${id}"], path[data-key="${id}"], circle[data-key="${id}"], line[data-key="${id}"]`,
      );
      expect(shapes.length, id).toBe(0);
    }
  });

  it.each(langs)('in %s: accessible groups, a source line and focusable marks with names', (lang) => {
    for (const width of Object.values(chartWidths)) {
      const svg = render(chartId, lang, width);
      expect(svg.getAttribute('aria-label')).toBe(contentByLang[lang].charts[chartId]!.title);
      for (const group of Array.from(svg.querySelectorAll('g[aria-label]'))) {
        if (group.getAttribute('aria-hidden') !== 'true')
          expect(['group', 'button']).toContain(group.getAttribute('role'));
      }
      const source = svg.querySelector('.chart-source')?.textContent;
      expect([
        contentByLang[lang].chartText.source,
        contentByLang[lang].chartText.levelsSource,
        contentByLang[lang].chartText.mapAttribution.replace(/\s+/g, ''),
      ]).toContain(source?.replace(chartId === 'town-map' ? /\s+/g : /$^/, ''));
      const focusable = Array.from(svg.querySelectorAll('[tabindex="0"]'));
      expect(focusable.length).toBeGreaterThan(0);
      for (const mark of focusable) expect(mark.getAttribute('aria-label')?.length).toBeGreaterThan(3);
    }
  });

  it.each(langs)('in %s: has a description and a table with one row per metric', (lang) => {
    const text = contentByLang[lang].chartText;
    expect(chart.describe(inputs, lang, text).length).toBeGreaterThan(10);
    const table = chart.table(inputs, lang, text);
    // A chart of context figures also tables the amounts it does not draw (grain, jobs): every drawn key has its row.
    if (table.rowSources) for (const key of dataKeys) expect(table.rowKeys!.flat(), key).toContain(key);
    else expect(table.rows).toHaveLength(dataKeys.size);
    for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
  });

  it('keeps chart text at 12 px or more at phone width', () => {
    const svg = render(chartId, 'zh', chartWidths.narrow);
    const sizes = Array.from(svg.querySelectorAll('[font-size]')).map((el) => Number(el.getAttribute('font-size')));
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(12);
  });
});

describe('descriptions read as the report does', () => {
  it('headline: 2024 growth and the 2025 target with its qualifier', () => {
    const text = contentByLang.zh.chartText;
    const chart = charts.find((c) => c.id === 'headline-targets')!;
    const description = chart.describe(inputs, 'zh', text);
    expect(description).toContain('2024年地区生产总值增长6.1%，2025年目标6.5%以上');
    expect(description).toContain('一般公共预算收入下降3.3%');
  });
});

describe("the pair tables carry the change, so an embed's table answers without the chart", () => {
  // Every table that lists 2024 → 2025 pairs has a change and a direction column; a comparable
  // pair's cells are the change the charts compute, and a pair that is not compared names its state.
  const isPairTable = (table: ReturnType<(typeof charts)[number]['table']>) =>
    table.columns.includes(contentByLang.en.chartText.columnTarget) &&
    !table.rowSources &&
    table.rowKeys !== undefined &&
    table.rowKeys.every((keys) => dataset.metrics.some((m) => m.id === keys[0]));
  const pairCharts = charts.filter((c) => isPairTable(c.table(inputs, 'en', contentByLang.en.chartText)));

  it.each(langs)(
    "in %s: each row's change and direction agree with the computed change or the pair's state",
    (lang) => {
      const text = contentByLang[lang].chartText;
      expect(pairCharts.length).toBeGreaterThan(3);
      for (const chart of pairCharts) {
        const table = chart.table(inputs, lang, text);
        const changeAt = table.columns.indexOf(text.columnChange);
        const shiftAt = table.columns.indexOf(text.columnShift);
        expect(changeAt, chart.id).toBeGreaterThan(0);
        expect(shiftAt, chart.id).toBeGreaterThan(0);
        table.rows.forEach((row, r) => {
          const metric = dataset.metrics.find((m) => m.id === table.rowKeys![r]![0])!;
          if (isComparablePair(metric)) {
            const change = targetChange(metric);
            expect(row[changeAt], metric.id).toBe(
              formatSignedChange(change.change, change.measure, lang, change.decimals),
            );
            expect(row[shiftAt], metric.id).toBe(text[change.shift]);
          } else {
            expect(row[changeAt], metric.id).toBe('—');
            expect(row[shiftAt], metric.id).toBe(text.comparabilityNames[comparabilityState(metric)]);
          }
        });
      }
    },
  );

  it('names GDP growth as raised by 0.4 pp in English, from 6.1% to 6.5% or more', () => {
    const text = contentByLang.en.chartText;
    const table = charts.find((c) => c.id === 'headline-targets')!.table(inputs, 'en', text);
    const gdp = table.rows[table.rowKeys!.findIndex((keys) => keys[0] === 'gdp-growth')]!;
    expect(gdp.slice(1, 5)).toEqual(['6.1%', '6.5% or more', '+0.4 pp', 'raised']);
  });
});

describe('the FDI chart', () => {
  /** The y of an element's translate(x,y): a text's anchor, or its group's dy. */
  const translateY = (element: Element | null) =>
    Number(/translate\([^,]+,([^)]+)\)/.exec(element?.getAttribute('transform') ?? '')?.[1] ?? 0);

  it.each(langs.flatMap((lang) => [300, 320, 340, 375, 414, 640].map((width) => [lang, width] as const)))(
    '%s at %i px: each bar label sits inside its bar or clear of its edge by a gap',
    (lang, width) => {
      const svg = render('fdi-annotated', lang, width);
      const bars = [...svg.querySelectorAll('rect[data-key]')].map((rect) => ({
        top: Number(rect.getAttribute('y')),
        bottom: Number(rect.getAttribute('y')) + Number(rect.getAttribute('height')),
        label: rect.getAttribute('aria-label')!.split(': ')[1]!,
      }));
      expect(bars).toHaveLength(2);
      const size = 13; // chartFontSize: the labels' line, half above and half below its middle
      const texts = [...svg.querySelectorAll('text[data-key]')];
      const quotes = texts.filter((text) => text.textContent?.startsWith('“'));
      for (const [i, bar] of bars.entries()) {
        const label = texts.find((text) => text.textContent === bar.label)!;
        const middle = translateY(label) + translateY(label.parentElement);
        const [top, bottom] = [middle - size / 2, middle + size / 2];
        const inside = top >= bar.top && bottom <= bar.bottom;
        const gap = Math.max(bar.top - bottom, top - bar.bottom);
        expect(inside || gap >= 4, `${bar.label}: ${top}–${bottom} beside ${bar.top}–${bar.bottom}`).toBe(true);
        // The quote under each bar starts below it with the same kind of gap (lineAnchor top).
        const quote = quotes[i]!;
        const quoteTop = translateY(quote) + translateY(quote.parentElement);
        expect(quoteTop - bar.bottom, `quote under ${bar.label}`).toBeGreaterThanOrEqual(4);
      }
    },
  );
});
