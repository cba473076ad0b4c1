import { h, toHtml } from '../dom/html';
import { newDocument } from '../dom/document-node';
import { fontStack } from '../design/tokens';
import { themeCss } from '../design/theme';
import { CONTENT_SECURITY_POLICY } from './csp';
import { moduleLoader } from './module-loader';
import { isLocalSite, siteUrlFromEnv } from '../publish/site-url';
import { contentByLang } from '../content';

/** A build without a public SITE_URL is a local preview: its pages say so and ask not to be indexed. */
export function isLocalPreview(): boolean {
  return isLocalSite(siteUrlFromEnv());
}

/**
 * The visible mark of a local preview: a plain strip at the top of the page, in the page's
 * language, with fixed colours that read in both themes (7:1 and more).
 */
export function previewBanner(document: Document, htmlLang: string): HTMLElement {
  const { share } = contentByLang[htmlLang.startsWith('en') ? 'en' : 'zh'];
  return h(
    document,
    'aside',
    {
      class: 'preview-banner',
      'aria-label': share.previewLabel,
      style:
        'margin:0;padding:.4rem .75rem;background:#ffe08a;color:#1a1a1a;font:14px/1.4 var(--font-stack,system-ui);border-bottom:1px solid #8a6d00',
    },
    h(document, 'strong', {}, `${share.previewLabel} · `),
    share.previewBanner,
  );
}

export { newDocument };

/** The design tokens as CSS custom properties, in both themes, so page and charts share one palette. */
export function tokensCss(): string {
  return `${themeCss()}:root{--font-stack:${fontStack}}`;
}

export interface PageShell {
  htmlLang: string;
  title: string;
  description?: string;
  styles?: string[];
  moduleScripts?: string[];
  classicScripts?: string[];
  /** A fixed theme for the page (embeds: light until their URL says otherwise); absent follows the reader's system. */
  theme?: 'light' | 'dark';
  /** A page made to be framed (an embed): a preview marks it noindex but shows no banner in the host page. */
  framed?: boolean;
  /** More head elements, built in the same document (share tags, a story's own styles…). */
  head?: Node[] | ((document: Document) => Node[]);
}

/** What every page's head carries, in order; built as nodes in the page's own document. */
export function shellHead(document: Document, shell: PageShell): Node[] {
  return [
    h(document, 'meta', { charset: 'utf-8' }),
    h(document, 'meta', { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }),
    h(document, 'meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h(document, 'title', {}, shell.title),
    shell.description ? h(document, 'meta', { name: 'description', content: shell.description }) : null,
    isLocalPreview() ? h(document, 'meta', { name: 'robots', content: 'noindex' }) : null,
    h(document, 'link', { rel: 'icon', href: 'data:,' }),
    h(document, 'style', {}, tokensCss()),
    ...(shell.styles ?? []).map((css) => h(document, 'style', {}, css)),
    ...(typeof shell.head === 'function' ? shell.head(document) : (shell.head ?? [])),
    moduleLoader(document, shell.moduleScripts ?? []),
    ...(shell.classicScripts ?? []).map((src) => h(document, 'script', { defer: true, src })),
  ].filter((node): node is HTMLElement => node !== null);
}

/**
 * A whole page: the shell's head, then the body nodes that `body(document)` builds in the same
 * document. Serialized by the one serializer (src/dom/html.ts).
 */
export function renderPage(shell: PageShell, body: (document: Document) => Node[]): string {
  const document = newDocument();
  document.documentElement.setAttribute('lang', shell.htmlLang);
  if (shell.theme) document.documentElement.setAttribute('data-theme', shell.theme);
  document.head.append(...shellHead(document, shell));
  document.body.append(...body(document));
  if (isLocalPreview() && !shell.framed) document.body.prepend(previewBanner(document, shell.htmlLang));
  return toHtml(document);
}
