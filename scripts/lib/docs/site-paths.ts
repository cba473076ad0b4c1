/**
 * The site's paths as the docs name them, from the helpers the pages use. The docs' generators ask
 * only this module, so when the URL layout moves (a routes table), this file alone follows it.
 */
import type { Lang } from '../../../src/content/types';
import { embedPath } from '../../../src/embed/embed-code';
import { oembedPath } from '../../../src/publish/oembed';
import { imagePaths } from '../../../src/publish/share-images';
import { chartDataPaths } from '../../../src/publish/downloads';
import { inLang } from '../../../src/site/page-parts';

/** Every page of the site by id, as its path in Chinese; English is the same under en/. */
export const PAGES = {
  story: '',
  desk: 'embed/',
  data: 'data/',
  report: 'report/',
  explore: 'data/explore/',
} as const;
export type PageId = keyof typeof PAGES;
export const PAGE_IDS = Object.keys(PAGES) as PageId[];
export const route = (id: PageId, lang: Lang): string => inLang(PAGES[id], lang);

export const chartRoutes = {
  embed: (chartId: string, lang: Lang) => embedPath(chartId, lang),
  csv: (chartId: string) => chartDataPaths(chartId).csv,
  json: (chartId: string) => chartDataPaths(chartId).json,
  metadata: (chartId: string) => chartDataPaths(chartId).metadata,
  oembed: (chartId: string, lang: Lang) => oembedPath(chartId, lang),
};

export const imageRoutes = imagePaths;
export { WIDE_CHARTS_FILE } from '../../../src/site/wide-charts';
