import { readFileSync } from 'node:fs';
import { charts } from '../charts/registry';
import { LANGS, type Lang } from '../content/types';
import { METRIC_COLUMNS, metricRow, publishedMetricsJson, RECORD_COLUMNS, recordRow, toCsv } from '../data/rows';
import { h, toHtml } from '../dom/html';
import { exploreDownloads, exploreRecords } from '../explore/explore-page';
import { imagePaths } from '../publish/share-images';
import type { SiteUrl } from '../publish/site-url';
import { addDeepLinkAnchors } from '../story/anchors';
import { HTML_LANG, storyBody, storyHead } from '../story/story-page';
import { isLocalPreview, newDocument, previewBanner, shellHead } from './html-document';
import type { SiteInputs } from './inputs';
import { storyCredits } from './page-parts';
import { explorePage, reportPage } from './provenance-pages';
import { shareHead } from './share-meta';
import { chartFiles, chartManifest, dataPage, deskPage, notFoundPage } from './site-pages';
import { moveWideChartsOut, WIDE_CHARTS_FILE } from './wide-charts';

/** What a page loads of one bundle entry: its scripts (relative to the site root) and its CSS, inlined. */
export interface EntryAssets {
  scripts: string[];
  css: string[];
}

/** The bundle entries pages load, by entry: from the Vite bundle at build time, the sources in dev. */
export interface SiteAssets {
  story: EntryAssets;
  embed: EntryAssets;
  desk: EntryAssets;
  cite: EntryAssets;
  report: EntryAssets;
  explore: EntryAssets;
}

/** The source module of each entry, as the bundler's inputs name it. */
export const ENTRY_MODULES: Record<keyof SiteAssets, string> = {
  story: 'src/story/client.ts',
  embed: 'src/embed/client.ts',
  desk: 'src/embed/desk.ts',
  cite: 'src/story/cite-entry.ts',
  report: 'src/report/client.ts',
  explore: 'src/explore/client.ts',
};

export interface RenderSiteOptions {
  /** Keep each story's wide charts in the page (the dev server) instead of a file beside it. */
  inlineWideCharts?: boolean;
}

const PAGES_CSS = readFileSync(new URL('../embed/pages.css', import.meta.url), 'utf8');

/** A story page (/ or /en/): the prerendered story, its credits and deep-link anchors; its wide charts apart. */
export function storyPage(site: SiteInputs, assets: SiteAssets, siteUrl: SiteUrl, lang: Lang, options: RenderSiteOptions = {}): { html: string; wideCharts?: string } {
  const content = site.content[lang];
  const path = lang === 'zh' ? '' : 'en/';
  const root = lang === 'zh' ? '' : '../';
  const document = newDocument();
  const page = { document, inputs: site.inputs, content, links: { report: 'report/' } };
  document.documentElement.setAttribute('lang', HTML_LANG[lang]);
  document.head.append(
    ...shellHead(document, {
      htmlLang: HTML_LANG[lang], title: content.meta.title, description: content.meta.description,
      head: [
        h(document, 'meta', { name: 'color-scheme', content: 'light dark' }),
        ...storyHead(page),
        ...shareHead(siteUrl, {
          lang, title: content.meta.title, description: content.meta.description, path,
          image: imagePaths.storyShare(lang), imageAlt: content.meta.title, alternate: lang === 'zh' ? 'en/' : '',
          siteName: content.share.projectName, type: 'article',
        })(document),
      ],
    }),
    // The story's own stylesheet after its static-layout rules, as Vite's HTML pipeline placed it.
    ...assets.story.css.map((css) => h(document, 'style', {}, css)),
    ...assets.story.scripts.map((file) => h(document, 'script', { type: 'module', crossorigin: true, src: root + file })),
  );
  document.body.append(...storyBody(page));
  if (isLocalPreview()) document.body.prepend(previewBanner(document, HTML_LANG[lang]));
  document.getElementById('main')?.appendChild(storyCredits(document, site.inputs.dataset, content, siteUrl, root));
  addDeepLinkAnchors(document, content);
  const wideCharts = options.inlineWideCharts ? undefined : moveWideChartsOut(document, content.meta.title);
  return { html: toHtml(document), wideCharts };
}

/**
 * Every page and file of the site except the published images, oEmbed files and data package
 * (src/publish/publish.ts), as path under dist/ → contents. The Vite plugin writes what this
 * returns, the dev server serves it, and tests render the site from any dataset without Vite.
 */
export function renderSite(site: SiteInputs, assets: SiteAssets, siteUrl: SiteUrl, options: RenderSiteOptions = {}): Map<string, string> {
  const { inputs, content, raw } = site;
  const files = new Map<string, string>();
  const add = (path: string, body: string) => {
    if (files.has(path)) throw new Error(`two renderings of ${path}`);
    files.set(path, body);
  };
  for (const lang of LANGS) {
    const story = storyPage(site, assets, siteUrl, lang, options);
    const path = lang === 'zh' ? '' : 'en/';
    add(`${path}index.html`, story.html);
    if (story.wideCharts) add(`${path}${WIDE_CHARTS_FILE}`, story.wideCharts);
  }
  const embedAssets = { css: assets.embed.css, scripts: assets.embed.scripts };
  for (const chart of charts) {
    for (const [fileName, source] of chartFiles(inputs, content, chart.id, embedAssets, siteUrl)) add(fileName, source);
  }
  add('embed/charts.json', chartManifest(content));
  for (const lang of LANGS) {
    const prefix = lang === 'zh' ? '' : 'en/';
    add(`${prefix}embed/index.html`, deskPage(content, lang, { css: [PAGES_CSS], scripts: assets.desk.scripts }, siteUrl, inputs.dataset));
    add(`${prefix}data/index.html`, dataPage(inputs, content[lang], PAGES_CSS, siteUrl, assets.cite.scripts));
    add(`${prefix}report/index.html`, reportPage(inputs, content[lang], site.annotated, { css: [PAGES_CSS, ...assets.report.css], scripts: assets.report.scripts }, siteUrl));
    add(`${prefix}data/explore/index.html`, explorePage(inputs, content[lang], { css: [PAGES_CSS, ...assets.explore.css], scripts: assets.explore.scripts }, siteUrl));
  }
  add('data/metrics.json', publishedMetricsJson(raw.metricsJson, inputs.dataset));
  add('data/metrics.schema.json', raw.schemaJson);
  add('data/ledger-exclusions.json', raw.exclusionsJson);
  add('data/gaoping.topojson', raw.topojson);
  add('data/metrics.csv', toCsv({ columns: METRIC_COLUMNS, rows: inputs.dataset.metrics.map(metricRow) }));
  add('data/records.csv', toCsv({ columns: RECORD_COLUMNS, rows: inputs.dataset.records.map(recordRow) }));
  const downloads = exploreDownloads(exploreRecords(inputs), inputs);
  add('data/explore/explore.csv', downloads.csv);
  add('data/explore/explore.json', downloads.json);
  add('404.html', notFoundPage(content, PAGES_CSS, siteUrl));
  return files;
}
