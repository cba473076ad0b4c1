import { h } from '../dom/html';
import type { PageContext } from '../figure/context';
import { renderFigure, renderDataDetails, requireChart } from '../figure/figure';
import { companionEmbedPart } from '../figure/companions';

export interface EmbedLinks {
  /** Where the chart's figures come from: the annotated report. */
  source: string;
  csv: string;
  /** The framed print images the "download image" button gives, by theme (2×). */
  png: { light: string; dark: string };
}

/**
 * The body of one chart's embed page: the same figure the story shows, a Chart | Table switch
 * (OWID's tabs; shown once the page script runs), and one footer line as Datawrapper writes it:
 * source · get the data · download image. Anything more is a render flag (src/embed/options.ts).
 */
export function embedBody(ctx: PageContext, chartId: string, links: EmbedLinks): HTMLElement {
  const { document, content } = ctx;
  const { page } = content;
  const chart = requireChart(ctx, chartId);
  const figure = renderFigure(ctx, chart, 'embed');
  figure.classList.add('is-active');
  figure.querySelector('.chart-title')?.setAttribute('class', 'chart-title embed-title');
  const details = renderDataDetails(ctx, chart, 'embed');
  details.id = `table-${chartId}`;
  // Two toggle buttons (aria-pressed), not ARIA tabs: the table is a <details>, which may not be a tabpanel.
  const tab = (view: 'chart' | 'table', label: string) =>
    h(
      document,
      'button',
      {
        type: 'button',
        class: 'embed-tab',
        'data-view': view,
        'aria-pressed': view === 'chart' ? 'true' : 'false',
        'aria-controls': view === 'chart' ? figure.id : details.id,
      },
      label,
    );
  // Hidden until src/embed/client.ts wires it: without JavaScript the table is the details below.
  figure
    .querySelector('.chart-subtitle')
    ?.after(
      h(
        document,
        'div',
        { class: 'embed-tabs', role: 'group', 'aria-label': page.embedTabs, hidden: true },
        tab('chart', page.embedTabChart),
        tab('table', page.embedTabTable),
      ),
    );
  const newTab = { target: '_blank', rel: 'noopener' };
  // The footer comes last, so it stays under whatever the tabs show (the chart, or the table).
  return h(
    document,
    'main',
    { class: 'embed', id: 'main' },
    figure,
    details,
    companionEmbedPart(ctx, chart),
    h(
      document,
      'p',
      { class: 'embed-footer' },
      h(document, 'a', { href: links.source, class: 'embed-source', ...newTab }, page.embedSource),
      h(document, 'a', { href: links.csv, class: 'embed-data', download: `${chartId}.csv` }, page.embedGetData),
      h(
        document,
        'button',
        {
          type: 'button',
          class: 'embed-png',
          'data-chart': chartId,
          'data-png-light': links.png.light,
          'data-png-dark': links.png.dark,
        },
        page.embedDownloadImage,
      ),
    ),
  );
}
