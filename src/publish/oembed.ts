import type { Lang } from '../data/types';
import { chartRoutes } from '../routes/routes';
import { h, toHtml } from '../dom/html';
import { newDocument } from '../dom/document-node';
import { absoluteUrl, type SiteUrl } from './site-url';

/**
 * Static oEmbed responses (oembed.com, section 2.3.4): one JSON file per chart and language, found
 * through the <link rel="alternate" type="application/json+oembed"> on each embed page. The html is
 * a bare iframe with no script: WordPress strips scripts from discovered (unlisted) providers.
 */
export interface OEmbedRich {
  type: 'rich';
  version: '1.0';
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
  cache_age: number;
}

/** The width an embed is laid out for, and a height that shows the chart without scrolling there. */
const OEMBED_WIDTH = 640;

export function oembedFor(options: {
  site: SiteUrl;
  chartId: string;
  lang: Lang;
  title: string;
  providerName: string;
  height: number;
  thumbnail: { path: string; width: number; height: number };
}): OEmbedRich {
  const { site, chartId, lang, title, height } = options;
  const src = absoluteUrl(site, chartRoutes.embed(chartId, lang));
  // The bare iframe, built as a node and serialised by the one serializer (the title is data).
  const iframe = h(newDocument(), 'iframe', {
    src,
    title,
    width: OEMBED_WIDTH,
    height,
    style: 'border:0;max-width:100%',
    loading: 'lazy',
  });
  const html = toHtml(iframe);
  return {
    type: 'rich',
    version: '1.0',
    title,
    provider_name: options.providerName,
    provider_url: site.href,
    html,
    width: OEMBED_WIDTH,
    height,
    thumbnail_url: absoluteUrl(site, options.thumbnail.path),
    thumbnail_width: options.thumbnail.width,
    thumbnail_height: options.thumbnail.height,
    cache_age: 86400,
  };
}

/** The discovery link an embed page carries in its head, as data. */
export function oembedDiscoveryLink(
  site: SiteUrl,
  chartId: string,
  lang: Lang,
  title: string,
): { rel: string; type: string; href: string; title: string } {
  return {
    rel: 'alternate',
    type: 'application/json+oembed',
    href: absoluteUrl(site, chartRoutes.oembed(chartId, lang)),
    title,
  };
}

/** What the spec requires of a rich response, and what it asks of thumbnails; [] when valid. */
export function oembedProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (!value || typeof value !== 'object') return ['not an object'];
  const data = value as Record<string, unknown>;
  if (data.type !== 'rich') problems.push('type must be "rich"');
  if (data.version !== '1.0') problems.push('version must be "1.0"');
  if (typeof data.html !== 'string' || data.html === '') problems.push('html is required');
  for (const key of ['width', 'height'] as const) {
    if (!Number.isInteger(data[key]) || (data[key] as number) <= 0) problems.push(`${key} must be a positive integer`);
  }
  const thumbs = ['thumbnail_url', 'thumbnail_width', 'thumbnail_height'].filter((key) => key in data);
  if (thumbs.length > 0 && thumbs.length < 3)
    problems.push('thumbnail_url, thumbnail_width and thumbnail_height go together');
  for (const key of ['title', 'provider_name', 'provider_url', 'thumbnail_url']) {
    if (key in data && typeof data[key] !== 'string') problems.push(`${key} must be a string`);
  }
  if (typeof data.html === 'string') {
    if (/<script/i.test(data.html)) problems.push('html must not contain a script');
    if (/width="100%"/.test(data.html)) problems.push('html must give width in pixels');
  }
  return problems;
}
