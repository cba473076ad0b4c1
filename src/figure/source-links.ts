import { h } from '../dom/html';
import type { PageContext } from './context';
import { quoteHref } from './provenance-links';

/**
 * Where a figure's sentence is highlighted: a record of Gaoping's ledger in the annotated report
 * (/report/), every other on its source's own page (/sources/<id>/), both reached from the page's
 * way to the report.
 */
export function sentenceHref(reportHref: string, source: string, record: string, inReport: boolean): string {
  if (inReport) return quoteHref(reportHref, record);
  return `${reportHref}../sources/${source}/#q-${record}`;
}

/** A figure as a link to its sentence; plain text on a page with no way to the sources. */
export function figureLink(
  ctx: PageContext,
  text: string,
  figure: { source: string; id: string; inReport: boolean },
  label?: string,
): HTMLElement {
  const { document, links } = ctx;
  if (!links) return h(document, 'span', { class: 'figure' }, text);
  return h(
    document,
    'a',
    {
      class: 'figure source-figure',
      href: sentenceHref(links.report, figure.source, figure.id, figure.inReport),
      'data-entry': figure.id,
      ...(label ? { 'aria-label': label } : {}),
      ...(links.newTab ? { target: '_blank', rel: 'noopener' } : {}),
    },
    text,
  );
}

/** A table row's "source" links, one per figure (2024, 2025 target, 2025 result), each to its own document. */
export function figureSourceLinks(
  ctx: PageContext,
  figures: Array<{ source: string; record: string; year: string; kind: 'result' | 'target'; inReport: boolean }>,
): HTMLElement | null {
  const { document, content, links } = ctx;
  if (!links || figures.length === 0) return null;
  const target = links.newTab ? { target: '_blank', rel: 'noopener' } : {};
  return h(
    document,
    'span',
    { class: 'source-links' },
    ...figures.map((figure) =>
      h(
        document,
        'a',
        {
          class: 'source-link',
          href: sentenceHref(links.report, figure.source, figure.record, figure.inReport),
          'data-entry': figure.record,
          ...target,
        },
        `${content.page.sourceLink} ${figure.year}${figure.kind === 'target' ? '◆' : ''}`,
      ),
    ),
  );
}
