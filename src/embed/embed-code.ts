import type { Lang } from '../data/types';
import { embedQuery, type EmbedOptions } from './options';

/**
 * Marks the iframes that /embed/loader.js resizes. host.ts has the same string: the loader must
 * bundle alone (no shared chunk), so it cannot import it from here; a unit test keeps them equal.
 */
export const EMBED_ATTRIBUTE = 'data-gaoping-embed';

/** Where a chart's embed page lives, relative to the site root. */
export function embedPath(chartId: string, lang: Lang): string {
  return `${lang === 'en' ? 'en/' : ''}embed/${chartId}/`;
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Narrowest and widest max-width the desk offers; embeds work from 280 px to 1200 px. */
export const MAX_WIDTH_RANGE = { min: 280, max: 1200 } as const;

/**
 * The code an editor pastes: an iframe plus the small loader script that sizes it. Valid HTML:
 * the width is set in CSS (a width attribute takes pixels only), and there is no obsolete
 * scrolling attribute. `maxWidth` (px) caps the iframe's width on wide host pages.
 */
export function embedCode(siteRoot: string, chartId: string, lang: Lang, options: EmbedOptions, title: string, initialHeight = 500, maxWidth?: number): string {
  const root = siteRoot.endsWith('/') ? siteRoot : `${siteRoot}/`;
  const src = `${root}${embedPath(chartId, lang)}${embedQuery(options)}`;
  const cap = maxWidth !== undefined && Number.isFinite(maxWidth)
    ? `;max-width:${Math.round(Math.min(MAX_WIDTH_RANGE.max, Math.max(MAX_WIDTH_RANGE.min, maxWidth)))}px` : '';
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" height="${Math.round(initialHeight)}" ` +
    `style="display:block;border:0;width:100%${cap}" loading="lazy" ${EMBED_ATTRIBUTE}></iframe>\n` +
    `<script async src="${escapeAttribute(root)}embed/loader.js"></script>`;
}
