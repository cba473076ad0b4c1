import type { Lang } from '../content/types';
import { chartRoutes } from '../routes/routes';
import { embedQuery, type EmbedOptions } from './options';
import { h, toHtml } from '../dom/html';

/**
 * Marks the iframes that /embed/loader.js resizes. host.ts has the same string: the loader must
 * bundle alone (no shared chunk), so it cannot import it from here; a unit test keeps them equal.
 */
export const EMBED_ATTRIBUTE = 'data-gaoping-embed';

/** Narrowest and widest max-width the desk offers; embeds work from 280 px to 1200 px. */
export const MAX_WIDTH_RANGE = { min: 280, max: 1200 } as const;

/**
 * The code an editor pastes: an iframe plus the small loader script that sizes it. Built as nodes
 * in the given document (linkedom at build time, the desk's page in a browser) and serialized by
 * the one serializer, so it is valid HTML whatever the title holds. The width is set in CSS (a
 * width attribute takes pixels only); `maxWidth` (px, clamped to MAX_WIDTH_RANGE) caps it.
 */
export function embedCode(
  document: Document,
  siteRoot: string,
  chartId: string,
  lang: Lang,
  options: EmbedOptions,
  title: string,
  initialHeight = 500,
  maxWidth?: number,
): string {
  const root = siteRoot.endsWith('/') ? siteRoot : `${siteRoot}/`;
  const cap =
    maxWidth !== undefined && Number.isFinite(maxWidth)
      ? `;max-width:${Math.round(Math.min(MAX_WIDTH_RANGE.max, Math.max(MAX_WIDTH_RANGE.min, maxWidth)))}px`
      : '';
  const iframe = h(document, 'iframe', {
    src: `${root}${chartRoutes.embed(chartId, lang)}${embedQuery(options)}`,
    title,
    height: Math.round(initialHeight),
    style: `display:block;border:0;width:100%${cap}`,
    loading: 'lazy',
    [EMBED_ATTRIBUTE]: true,
  });
  const script = h(document, 'script', { async: true, src: `${root}embed/loader.js` });
  return `${toHtml(iframe)}\n${toHtml(script)}`;
}
