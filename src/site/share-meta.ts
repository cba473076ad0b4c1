import type { Lang } from '../data/types';
import { absoluteUrl, type SiteUrl } from '../publish/site-url';
import { h } from '../dom/html';
import { SHARE_HEIGHT, SHARE_WIDTH } from '../publish/share-images';

/**
 * The head tags that make a pasted link show a card (Open Graph, Twitter) plus the canonical link
 * and the other language's alternate, as data: the page builder writes them as elements.
 */
export type HeadTag =
  | { tag: 'meta'; attribute: 'property' | 'name'; key: string; content: string }
  | { tag: 'link'; rel: string; href: string; hreflang?: string; type?: string; title?: string };

const OG_LOCALE: Record<Lang, string> = { zh: 'zh_CN', en: 'en_US' };
const HREFLANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export interface SharePage {
  lang: Lang;
  title: string;
  description: string;
  /** Site-relative path of the page ("" for the story, "en/embed/town-map/"). */
  path: string;
  /** Site-relative path of its 1200×630 share image. */
  image: string;
  imageAlt: string;
  /** The same page in the other language, when there is one. */
  alternate?: string;
  /** false for pages that stand for no URL of their own (404.html). */
  canonical?: boolean;
  siteName: string;
  type?: 'article' | 'website';
}

export function shareTags(site: SiteUrl, page: SharePage): HeadTag[] {
  const url = absoluteUrl(site, page.path);
  const image = absoluteUrl(site, page.image);
  const other: Lang = page.lang === 'zh' ? 'en' : 'zh';
  const meta = (attribute: 'property' | 'name', key: string, content: string): HeadTag => ({
    tag: 'meta',
    attribute,
    key,
    content,
  });
  return [
    ...(page.canonical === false ? [] : [{ tag: 'link', rel: 'canonical', href: url } as HeadTag]),
    ...(page.alternate !== undefined
      ? [
          { tag: 'link', rel: 'alternate', hreflang: HREFLANG[page.lang], href: url } as HeadTag,
          {
            tag: 'link',
            rel: 'alternate',
            hreflang: HREFLANG[other],
            href: absoluteUrl(site, page.alternate),
          } as HeadTag,
        ]
      : []),
    meta('property', 'og:type', page.type ?? 'website'),
    meta('property', 'og:site_name', page.siteName),
    meta('property', 'og:title', page.title),
    meta('property', 'og:description', page.description),
    meta('property', 'og:url', url),
    meta('property', 'og:locale', OG_LOCALE[page.lang]),
    ...(page.alternate !== undefined ? [meta('property', 'og:locale:alternate', OG_LOCALE[other])] : []),
    meta('property', 'og:image', image),
    meta('property', 'og:image:type', 'image/png'),
    meta('property', 'og:image:width', String(SHARE_WIDTH)),
    meta('property', 'og:image:height', String(SHARE_HEIGHT)),
    meta('property', 'og:image:alt', page.imageAlt),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', page.title),
    meta('name', 'twitter:description', page.description),
    meta('name', 'twitter:image', image),
    meta('name', 'twitter:image:alt', page.imageAlt),
  ];
}

/** The tags as elements of a DOM document (linkedom or a browser), attributes set, never markup. */
export function headTagNodes(document: Document, tags: HeadTag[]): HTMLElement[] {
  return tags.map((tag) =>
    tag.tag === 'meta'
      ? h(document, 'meta', { [tag.attribute]: tag.key, content: tag.content })
      : h(document, 'link', { rel: tag.rel, hreflang: tag.hreflang, type: tag.type, title: tag.title, href: tag.href }),
  );
}

/** Share tags for a page, as head nodes in its document. */
export function shareHead(site: SiteUrl, page: SharePage): (document: Document) => Node[] {
  return (document) => headTagNodes(document, shareTags(site, page));
}
