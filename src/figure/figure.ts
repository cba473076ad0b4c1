import type { ChartModule } from '../charts/types';
import { chartById, renderChart } from '../charts/registry';
import { chartWidths, type ChartVariant } from '../design/tokens';
import { labelled } from '../content/template';
import { h } from '../dom/html';
import type { PageContext } from './context';
import { companionFigurePart } from './companions';

/** The one figure the story and the embeds both show: title, subtitle, the chart at each width. */
export function renderFigure(ctx: PageContext, chart: ChartModule, scope: string): HTMLElement {
  const { document, content } = ctx;
  const copy = chartCopy(ctx, chart);
  const figure = h(document, 'figure', { class: 'chart', 'data-chart': chart.id, id: `chart-${scope}-${chart.id}` },
    h(document, 'h3', { class: 'chart-title' }, copy.title),
    h(document, 'p', { class: 'chart-subtitle' }, copy.subtitle));
  for (const variant of Object.keys(chartWidths) as ChartVariant[]) {
    const svg = renderChart(chart, ctx.inputs, { width: chartWidths[variant], lang: content.lang, document, text: content.chartText, title: copy.title });
    svg.setAttribute('aria-describedby', `desc-${scope}-${chart.id}`);
    figure.appendChild(h(document, 'div', { class: `chart-svg chart-svg--${variant}` }, svg));
  }
  const extra = companionFigurePart(ctx, chart, scope);
  if (extra) figure.appendChild(extra);
  return figure;
}

/** The figure's text twin: a generated description and the data table, collapsed under the chart. */
export function renderDataDetails(ctx: PageContext, chart: ChartModule, scope: string): HTMLElement {
  const { document, content, inputs } = ctx;
  const { lang, chartText, page } = content;
  const title = chartCopy(ctx, chart).title;
  const table = chart.table(inputs, lang, chartText);
  return h(document, 'details', { class: 'chart-data' },
    h(document, 'summary', {}, labelled(title, page.dataTable, lang)),
    h(document, 'p', { id: `desc-${scope}-${chart.id}`, class: 'chart-description' }, chart.describe(inputs, lang, chartText)),
    h(document, 'div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': title },
      h(document, 'table', {},
        h(document, 'thead', {}, h(document, 'tr', {}, ...table.columns.map((column) => h(document, 'th', { scope: 'col' }, column)))),
        h(document, 'tbody', {}, ...table.rows.map((row) => h(document, 'tr', {},
          ...row.map((cell, i) => (i === 0 ? h(document, 'th', { scope: 'row' }, cell) : h(document, 'td', {}, cell)))))))));
}

export function chartCopy(ctx: PageContext, chart: ChartModule): { title: string; subtitle: string } {
  const copy = ctx.content.charts[chart.id];
  if (!copy) throw new Error(`content (${ctx.content.lang}) has no title for chart "${chart.id}"`);
  return copy;
}

export function requireChart(ctx: PageContext, id: string): ChartModule {
  const chart = chartById(id);
  if (!chart) throw new Error(`content (${ctx.content.lang}) names unknown chart "${id}"`);
  return chart;
}
