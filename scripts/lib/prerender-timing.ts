import { charts, renderChart } from '../../src/charts/registry';
import type { ChartInputs } from '../../src/charts/types';
import { contentByLang } from '../../src/content';
import type { Lang } from '../../src/content/types';
import { chartWidths } from '../../src/design/tokens';
import { newDocument } from '../../src/site/html-document';
import { median } from './figures';

export interface ChartTiming {
  chart: string;
  /** The median of the timed runs for the slowest language × width. */
  ms: number;
  lang: Lang;
  width: number;
  /** The chart's first render of the run (cold: before the warm-up), over all its cases. */
  coldMs: number;
  /** Every case's median, for bench.json. */
  cases: Array<{ lang: Lang; width: number; ms: number; coldMs: number; samples: number[] }>;
}

/** The widths the story and the embeds inline every chart at. */
export const PRERENDER_WIDTHS: number[] = Object.values(chartWidths);

/**
 * Times `renderChart` (the function the build calls) in Node with a linkedom document, for every
 * chart × language × inlined width: one warm-up (timed apart as the cold render), then `runs` timed renders, median. Each
 * render gets a fresh document, made outside the timed span. Returns charts slowest first.
 */
export function prerenderTimings(inputs: ChartInputs, runs = 3): ChartTiming[] {
  const timings: ChartTiming[] = [];
  for (const chart of charts) {
    const cases: ChartTiming['cases'] = [];
    for (const lang of ['zh', 'en'] as const) {
      const content = contentByLang[lang];
      const options = (document: Document, width: number) => ({
        width,
        lang,
        document,
        text: content.chartText,
        title: content.charts[chart.id]!.title,
      });
      for (const width of PRERENDER_WIDTHS) {
        const warmDocument = newDocument();
        const warmStarted = performance.now();
        renderChart(chart, inputs, options(warmDocument, width));
        const coldMs = performance.now() - warmStarted;
        const samples: number[] = [];
        for (let run = 0; run < runs; run++) {
          const document = newDocument();
          const started = performance.now();
          renderChart(chart, inputs, options(document, width));
          samples.push(performance.now() - started);
        }
        cases.push({ lang, width, ms: median(samples), coldMs, samples });
      }
    }
    const slowest = cases.reduce((a, b) => (b.ms > a.ms ? b : a));
    timings.push({
      chart: chart.id,
      ms: slowest.ms,
      lang: slowest.lang,
      width: slowest.width,
      coldMs: Math.max(...cases.map((c) => c.coldMs)),
      cases,
    });
  }
  return timings.sort((a, b) => b.ms - a.ms);
}
