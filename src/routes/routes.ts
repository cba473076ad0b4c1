import type { Lang } from '../content/types';

/**
 * The one place that knows the URL layout of dist/. Every page of the site by id, and its path
 * under the site root in Chinese; the English page is the same path under en/. The site renders
 * one page per id and language (src/site/render-site.ts); pages, language switches, oEmbed, share
 * images and the link crawler ask here for paths, and links between pages are made relative with
 * `href`, so the site works under any subpath.
 */
export const PAGES = {
  story: '',
  desk: 'embed/',
  data: 'data/',
  report: 'report/',
  explore: 'data/explore/',
} as const;

export type PageId = keyof typeof PAGES;
export const PAGE_IDS = Object.keys(PAGES) as PageId[];

export const otherLang = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');

/** A site path in a language: "data/" → "en/data/" for English. */
export const inLang = (path: string, lang: Lang): string => (lang === 'en' ? `en/${path}` : path);

/** A page's path under the site root: route('report', 'en') → "en/report/". */
export const route = (id: PageId, lang: Lang): string => inLang(PAGES[id], lang);

/** Every chart with its titles and files, for tools (the desk links it). */
export const CHART_MANIFEST = 'embed/charts.json';

/** Each chart's own files. Data files are one per chart; pages, SVGs, images and oEmbed one per language. */
export const chartRoutes = {
  embed: (chartId: string, lang: Lang) => inLang(`embed/${chartId}/`, lang),
  svg: (chartId: string, lang: Lang) => inLang(`embed/${chartId}/chart.svg`, lang),
  csv: (chartId: string) => `embed/${chartId}/data.csv`,
  json: (chartId: string) => `embed/${chartId}/data.json`,
  metadata: (chartId: string) => `embed/${chartId}/data.metadata.json`,
  oembed: (chartId: string, lang: Lang) => inLang(`oembed/${chartId}.json`, lang),
};

/** Each source document the context figures quote: its annotated page, and its stored text as a download. */
export const sourceRoutes = {
  page: (sourceId: string, lang: Lang) => inLang(`sources/${sourceId}/`, lang),
  text: (file: string) => `data/sources/${file}`,
};

export type ImageTheme = 'light' | 'dark';

/** Where the built images live. */
export const imageRoutes = {
  storyShare: (lang: Lang) => `share/story-${lang}.png`,
  chartShare: (chartId: string, lang: Lang) => `share/${chartId}-${lang}.png`,
  print: (chartId: string, lang: Lang, theme: ImageTheme, scale: 1 | 2) =>
    inLang(`embed/${chartId}/${chartId}-${theme}${scale === 2 ? '@2x' : ''}.png`, lang),
  poster: (lang: Lang) => `share/poster-${lang}.png`,
};

/** The way up from a path to the site root: "en/data/" → "../../", "" → "". */
export function rootFrom(path: string): string {
  return '../'.repeat(path.split('/').length - 1);
}

/**
 * A relative link from the page at `from` to the site path `to` (both relative to the site root,
 * directories ending in "/"): up to the folder they share, then down, so it holds under any
 * subpath. href("en/report/", "en/data/") → "../data/"; a link from a folder to itself is "./".
 */
export function href(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let shared = 0;
  while (shared < fromDirs.length && shared < toParts.length - 1 && fromDirs[shared] === toParts[shared]) shared++;
  return '../'.repeat(fromDirs.length - shared) + toParts.slice(shared).join('/') || './';
}
