import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { h } from '../dom/html';
import type { Lang } from '../content/types';
import type { PageContext } from '../figure/context';
import { renderBlock } from './blocks';
import { phoneFitCss, sectionFits } from './phone-fit';

const staticLayoutCss = readFileSync(fileURLToPath(new URL('./static-layout.css', import.meta.url)), 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .trim();

export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

/** The story's own head elements (the page shell adds charset, viewport, CSP and tokens). */
export function storyHead(ctx: PageContext): Node[] {
  const { document } = ctx;
  const noscript = h(document, 'noscript', {});
  noscript.appendChild(h(document, 'style', {}, `html{${staticLayoutCss}}.show-all-toggle{display:none}`));
  return [h(document, 'style', {}, `html.show-all{${staticLayoutCss}}${phoneFitCss(sectionFits(ctx), staticLayoutCss)}`), noscript];
}

/** The story's body: skip link, progress bar, top bar, then every block of the copy in order. */
export function storyBody(ctx: PageContext): Node[] {
  const { document, content } = ctx;
  const { page } = content;
  const other: Lang = content.lang === 'zh' ? 'en' : 'zh';
  return [
    h(document, 'a', { class: 'skip-link', href: '#main' }, page.skipToContent),
    h(document, 'nav', { class: 'topbar', 'aria-label': page.scrollingStory },
      h(document, 'a', { href: page.languageSwitchHref, lang: HTML_LANG[other], hreflang: HTML_LANG[other] }, page.languageSwitch),
      h(document, 'button', { type: 'button', class: 'show-all-toggle', 'aria-pressed': 'false' }, page.showAllCharts),
      // The line only mirrors the scroll position, which assistive technology already reports.
      h(document, 'div', { class: 'progress', 'aria-hidden': 'true' }, h(document, 'div', { class: 'progress-bar' }))),
    h(document, 'main', { id: 'main', class: 'story' }, ...content.blocks.map((block, index) => renderBlock(ctx, block, index))),
  ];
}
