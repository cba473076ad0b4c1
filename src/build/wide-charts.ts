import { h, toHtml } from '../dom/html';
import { newDocument } from './html-document';

/** The story's wide charts, beside each story page: fetched by the page script on wide screens only. */
export const WIDE_CHARTS_FILE = 'wide-charts.html';

/**
 * Moves every deferred wide chart (`template.chart-svg-deferred`, see renderFigure) out of a built
 * story page into a document of its own, and tells the page where that document is
 * (`data-wide-charts` on <main>). Returns the document's markup, or undefined if there was none.
 * The page loses about a third of its bytes; without JavaScript nothing is lost (the phone-width
 * chart shows at every width).
 */
export function moveWideChartsOut(page: Document, title: string): string | undefined {
  const templates = Array.from(page.querySelectorAll('template.chart-svg-deferred'));
  if (templates.length === 0) return undefined;
  const file = newDocument();
  file.documentElement.setAttribute('lang', page.documentElement.getAttribute('lang') ?? 'zh-CN');
  file.head.append(
    h(file, 'meta', { charset: 'utf-8' }),
    h(file, 'meta', { name: 'robots', content: 'noindex' }),
    h(file, 'title', {}, title),
  );
  for (const template of templates) file.body.appendChild(file.importNode(template, true));
  templates.forEach((template) => template.remove());
  page.getElementById('main')?.setAttribute('data-wide-charts', WIDE_CHARTS_FILE);
  return toHtml(file);
}
