import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { h } from '../dom/html';
import { HTML_LANG } from '../content/types';
import type { PageContext } from '../figure/context';
import { renderBlock } from './blocks';
import { languageSwitch } from '../figure/language-switch';
import { PAGES } from '../routes/routes';
import { phoneFitCss, sectionFits } from './phone-fit';
import { figureSourcesTemplate } from './figure-sources';

const staticLayoutCss = readFileSync(fileURLToPath(new URL('./static-layout.css', import.meta.url)), 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .trim();

/**
 * The static layout's rules under a scope, written out flat (`html.show-all .step{…}`), not nested:
 * nested CSS is newer than some of the phones' browsers (WebViews in chat apps) that read the story.
 */
function scoped(css: string, scope: string): string {
  return css.replace(
    /([^{}]+)\{/g,
    (_rule, selectors: string) =>
      `${selectors
        .split(',')
        .map((selector) => `${scope} ${selector.trim()}`)
        .join(',')}{`,
  );
}

export { HTML_LANG };

/** The story's own head elements (the page shell adds charset, viewport, CSP and tokens). */
export function storyHead(ctx: PageContext): Node[] {
  const { document } = ctx;
  const noscript = h(document, 'noscript', {});
  noscript.appendChild(h(document, 'style', {}, `${scoped(staticLayoutCss, 'html')}.show-all-toggle{display:none}`));
  const layoutFor = (scope: string) => scoped(staticLayoutCss, scope);
  return [
    h(document, 'style', {}, `${layoutFor('html.show-all')}${phoneFitCss(sectionFits(ctx), layoutFor)}`),
    noscript,
  ];
}

/** The story's body: skip link, progress bar, top bar, then every block of the copy in order. */
export function storyBody(ctx: PageContext): Node[] {
  const { document, content } = ctx;
  const { page } = content;
  return [
    h(document, 'a', { class: 'skip-link', href: '#main' }, page.skipToContent),
    h(
      document,
      'nav',
      { class: 'topbar', 'aria-label': page.scrollingStory },
      languageSwitch(document, content, PAGES.story),
      h(document, 'button', { type: 'button', class: 'show-all-toggle', 'aria-pressed': 'false' }, page.showAllCharts),
      // The line only mirrors the scroll position, which assistive technology already reports.
      h(document, 'div', { class: 'progress', 'aria-hidden': 'true' }, h(document, 'div', { class: 'progress-bar' })),
    ),
    h(
      document,
      'main',
      { id: 'main', class: 'story' },
      ...content.blocks.map((block, index) => renderBlock(ctx, block, index)),
      figureSourcesTemplate(ctx),
    ),
  ];
}
