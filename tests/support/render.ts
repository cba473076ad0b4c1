import { charts, renderChart } from '../../src/charts/registry';
import type { ChartInputs } from '../../src/charts/types';
import { contentByLang } from '../../src/content';
import type { Lang, StoryContent } from '../../src/content/types';
import { loadDataset } from '../../src/data/load-node';
import type { Dataset } from '../../src/data/types';
import { loadTopology } from '../../src/geo/load-node';
import { newDocument } from '../../src/site/html-document';
import { storyBody } from '../../src/story/story-page';
import { toHtml } from '../../src/dom/html';

const geo = loadTopology();
export const dataset = loadDataset();
export const inputs: ChartInputs = { dataset, geo };

/** One chart, rendered as the build renders it, in a fresh linkedom document. */
export function renderForTest(chartId: string, lang: Lang, width: number, data: Dataset = dataset): SVGSVGElement {
  const chart = charts.find((c) => c.id === chartId);
  if (!chart) throw new Error(`no chart ${chartId}`);
  const content = contentByLang[lang];
  return renderChart(
    chart,
    { dataset: data, geo },
    { width, lang, document: newDocument(), text: content.chartText, title: content.charts[chartId]!.title },
  );
}

/** The story's body markup, as the build makes it. */
export function storyHtml(content: StoryContent, data: Dataset = dataset): string {
  const document = newDocument();
  return storyBody({ document, inputs: { dataset: data, geo }, content })
    .map((node) => toHtml(node))
    .join('\n');
}
