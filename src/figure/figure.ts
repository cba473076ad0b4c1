import type { ChartModule } from '../charts/types';
import { chartById, renderChart } from '../charts/registry';
import { chartWidths, type ChartVariant } from '../design/tokens';
import { labelled } from '../content/template';
import { h } from '../dom/html';
import type { PageContext } from './context';
import { companionFigurePart } from './companions';
import { entriesForKey, provenance } from '../data/provenance';
import { sourceLinks } from './provenance-links';
import { figureSourceLinks } from './source-links';

export interface FigureOptions {
  /**
   * Put the wide chart in an inert <template> (data-figure names its figure) that the page script
   * brings in on wide screens; the story's build moves these out of the page into a file of their
   * own (src/site/wide-charts.ts), so phones, most of its readers, download, parse and lay out one
   * SVG per chart, not two. Without JavaScript the phone-width chart shows at every width.
   */
  deferWide?: boolean;
  /** The title's heading level: h3 under a section's h2, h2 for a chart that stands under the page's h1. */
  titleLevel?: 'h2' | 'h3';
  /**
   * Groups of rows (data keys) to prerender at phone width beside the whole chart: the phone form
   * of a chart too long for the story's sticky frame, one group per step (src/story/phone-fit.ts).
   * Each is an inert <template> (`data-group`) that the page script brings in when its step is
   * current and shows (`is-shown`): the page's element count and start-up stay those of the whole
   * charts, and without JavaScript (or stacked) the whole chart is what shows.
   */
  groups?: string[][];
  /**
   * The most height the phone-width chart may take (its SVG's units): the story's sticky frame
   * above the step cards (src/story/phone-fit.ts). Only a chart that draws itself to a height uses it.
   */
  narrowMaxHeight?: number;
}

/** The one figure the story and the embeds both show: title, subtitle, the chart at each width. */
export function renderFigure(
  ctx: PageContext,
  chart: ChartModule,
  scope: string,
  { deferWide = false, titleLevel = 'h3', groups = [], narrowMaxHeight }: FigureOptions = {},
): HTMLElement {
  const { document, content } = ctx;
  const copy = chartCopy(ctx, chart);
  const figure = h(
    document,
    'figure',
    { class: 'chart', 'data-chart': chart.id, id: `chart-${scope}-${chart.id}` },
    h(document, titleLevel, { class: 'chart-title' }, copy.title),
    h(document, 'p', { class: 'chart-subtitle' }, copy.subtitle),
  );
  for (const variant of Object.keys(chartWidths) as ChartVariant[]) {
    const svg = renderChart(chart, ctx.inputs, {
      width: chartWidths[variant],
      lang: content.lang,
      document,
      text: content.chartText,
      title: copy.title,
      ...(variant === 'narrow' && narrowMaxHeight ? { maxHeight: narrowMaxHeight } : {}),
    });
    svg.setAttribute('aria-describedby', `desc-${scope}-${chart.id}`);
    const box = h(document, 'div', { class: `chart-svg chart-svg--${variant}` }, svg);
    // The wide chart's shape, for pages that size a figure by the window's height (the story on wide screens).
    if (variant === 'wide')
      figure.setAttribute(
        'style',
        `--wide-aspect:${(Number(svg.getAttribute('width')) / Number(svg.getAttribute('height'))).toFixed(4)}`,
      );
    figure.appendChild(
      deferWide && variant === 'wide'
        ? h(document, 'template', { class: 'chart-svg-deferred', 'data-figure': figure.id }, box)
        : box,
    );
    if (variant === 'narrow') {
      groups.forEach((rows, index) => {
        const part = renderChart(chart, ctx.inputs, {
          width: chartWidths.narrow,
          lang: content.lang,
          document,
          text: content.chartText,
          title: copy.title,
          rows,
        });
        part.setAttribute('aria-describedby', `desc-${scope}-${chart.id}`);
        figure.appendChild(
          h(
            document,
            'template',
            { class: 'chart-svg-group', 'data-group': index },
            h(document, 'div', { class: 'chart-svg chart-svg--step', 'data-group': index }, part),
          ),
        );
      });
    }
  }
  const extra = companionFigurePart(ctx, chart, scope);
  if (extra) figure.appendChild(extra);
  return figure;
}

export interface DataDetailsOptions {
  /**
   * Link to the table on this page instead of carrying it (the story links each chart's table on
   * its embed page, where every row links to the report: the story stays small for phones).
   */
  tableAt?: string;
}

/** The figure's text twin: a generated description and the data table, collapsed under the chart. */
export function renderDataDetails(
  ctx: PageContext,
  chart: ChartModule,
  scope: string,
  { tableAt }: DataDetailsOptions = {},
): HTMLElement {
  const { document, content, inputs } = ctx;
  const { lang, chartText, page } = content;
  const title = chartCopy(ctx, chart).title;
  if (tableAt !== undefined) {
    return h(
      document,
      'details',
      { class: 'chart-data' },
      h(document, 'summary', {}, labelled(title, page.dataTable, lang)),
      h(
        document,
        'p',
        { id: `desc-${scope}-${chart.id}`, class: 'chart-description' },
        chart.describe(inputs, lang, chartText),
      ),
      h(document, 'p', {}, h(document, 'a', { href: tableAt }, page.dataTableLink)),
    );
  }
  const table = chart.table(inputs, lang, chartText);
  // With a way to the report, each row links to the sentences behind it (from the table's row keys).
  // Rows that name their documents (context figures) link there; others through the report's entries.
  const entries = ctx.links && table.rowKeys && !table.rowSources ? provenance(inputs.dataset) : [];
  const sources =
    ctx.links && table.rowSources
      ? table.rowSources.map((figures) => figureSourceLinks(ctx, figures))
      : entries.length > 0
        ? table.rowKeys!.map((keys) =>
            sourceLinks(
              ctx,
              keys.flatMap((key) => entriesForKey(entries, key)),
            ),
          )
        : null;
  const columns = sources ? [...table.columns, page.sourceColumn] : table.columns;
  return h(
    document,
    'details',
    { class: 'chart-data' },
    h(document, 'summary', {}, labelled(title, page.dataTable, lang)),
    h(
      document,
      'p',
      { id: `desc-${scope}-${chart.id}`, class: 'chart-description' },
      chart.describe(inputs, lang, chartText),
    ),
    h(
      document,
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': title },
      h(
        document,
        'table',
        {},
        h(
          document,
          'thead',
          {},
          h(document, 'tr', {}, ...columns.map((column) => h(document, 'th', { scope: 'col' }, column))),
        ),
        h(
          document,
          'tbody',
          {},
          ...table.rows.map((row, r) =>
            h(
              document,
              'tr',
              {},
              ...row.map((cell, i) =>
                i === 0 ? h(document, 'th', { scope: 'row' }, cell) : h(document, 'td', {}, cell),
              ),
              sources ? h(document, 'td', { class: 'source-cell' }, sources[r] ?? '') : null,
            ),
          ),
        ),
      ),
    ),
  );
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
