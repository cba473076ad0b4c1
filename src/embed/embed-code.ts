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

/** The code an editor pastes: an iframe plus the small loader script that sizes it. */
export function embedCode(siteRoot: string, chartId: string, lang: Lang, options: EmbedOptions, title: string, initialHeight = 500): string {
  const root = siteRoot.endsWith('/') ? siteRoot : `${siteRoot}/`;
  const src = `${root}${embedPath(chartId, lang)}${embedQuery(options)}`;
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${initialHeight}" ` +
    `style="border:0;width:100%" scrolling="no" loading="lazy" ${EMBED_ATTRIBUTE}></iframe>\n` +
    `<script async src="${escapeAttribute(root)}embed/loader.js"></script>`;
}
