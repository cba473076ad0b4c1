import { h } from '../dom/html';
import type { PageContext } from '../figure/context';
import { renderFigure, renderDataDetails, requireChart } from '../figure/figure';
import { companionEmbedPart } from '../figure/companions';

export interface EmbedLinks {
  story: string;
  csv: string;
  json: string;
  svg: string;
}

/** The body of one chart's embed page: the same figure the story shows, plus its source and downloads. */
export function embedBody(ctx: PageContext, chartId: string, links: EmbedLinks): HTMLElement {
  const { document, content } = ctx;
  const { page } = content;
  const chart = requireChart(ctx, chartId);
  const figure = renderFigure(ctx, chart, 'embed');
  figure.classList.add('is-active');
  figure.querySelector('.chart-title')?.setAttribute('class', 'chart-title embed-title');
  const newTab = { target: '_blank', rel: 'noopener' };
  return h(document, 'main', { class: 'embed', id: 'main' },
    figure,
    h(document, 'div', { class: 'embed-footer' },
      h(document, 'span', { class: 'embed-links' },
        h(document, 'a', { href: links.story, ...newTab }, page.embedReadStory),
        h(document, 'a', { href: links.csv, download: `${chartId}.csv` }, page.embedDataCsv),
        h(document, 'a', { href: links.json, download: `${chartId}.json` }, page.embedDataJson),
        h(document, 'a', { href: links.svg, download: `${chartId}.svg` }, page.embedSvg),
        h(document, 'button', { type: 'button', class: 'embed-png', 'data-chart': chartId }, page.embedPng))),
    renderDataDetails(ctx, chart, 'embed'),
    companionEmbedPart(ctx, chart));
}
