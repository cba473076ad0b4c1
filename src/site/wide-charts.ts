import { h, toHtml } from '../dom/html';
import { newDocument } from './html-document';
import { CONTENT_SECURITY_POLICY } from './csp';

import { WIDE_CHARTS_END, WIDE_CHARTS_FILE } from '../story/wide-charts-file';

export { WIDE_CHARTS_FILE };

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
    // Served at a URL of its own, so it carries the policy every page carries.
    h(file, 'meta', { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }),
    h(file, 'meta', { name: 'robots', content: 'noindex' }),
    h(file, 'title', {}, title),
  );
  for (const template of templates) file.body.appendChild(file.importNode(template, true));
  file.body.appendChild(h(file, 'div', { id: WIDE_CHARTS_END, hidden: true }));
  templates.forEach((template) => template.remove());
  page.getElementById('main')?.setAttribute('data-wide-charts', WIDE_CHARTS_FILE);
  return toHtml(file);
}
