import { readFileSync } from 'node:fs';
import { charts } from '../charts/registry';
import { LANGS, type Lang } from '../content/types';
import {
  CHART_MANIFEST,
  href,
  imageRoutes,
  inLang,
  otherLang,
  PAGE_IDS,
  PAGES,
  route,
  rootFrom,
  type PageId,
  sourceRoutes,
} from '../routes/routes';
import { METRIC_COLUMNS, metricRow, publishedMetricsJson, RECORD_COLUMNS, recordRow, toCsv } from '../data/rows';
import { h, toHtml } from '../dom/html';
import { exploreDownloads, exploreRecords } from '../explore/explore-page';
import type { SiteUrl } from '../publish/site-url';
import { addDeepLinkAnchors } from '../story/anchors';
import { HTML_LANG, storyBody, storyHead } from '../story/story-page';
import { isLocalPreview, newDocument, previewBanner, shellHead } from './html-document';
import type { SiteInputs } from './inputs';
import { storyCredits } from './page-parts';
import { explorePage, reportPage, sourcePages } from './provenance-pages';
import { CONTEXT_COLUMNS, contextRows, SOURCE_COLUMNS, sourceRows } from '../data/context-rows';
import { shareHead } from './share-meta';
import { chartFiles, chartManifest, dataPage, deskPage, notFoundPage } from './site-pages';
import { moveScriptedPartsOut, moveWideChartsOut, SCRIPTED_PARTS_FILE, WIDE_CHARTS_FILE } from './move-templates-out';

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
  /** Keep each story's wide charts and scripted parts in the page (the dev server) instead of files beside it. */
  keepTemplatesInPage?: boolean;
}

/** The other pages' stylesheet: the rules every page shares, then their own. */
const PAGES_CSS = ['../design/base.css', '../embed/pages.css']
  .map((file) => readFileSync(new URL(file, import.meta.url), 'utf8'))
  .join('\n');

/** A story page (/ or /en/): the prerendered story, its credits and deep-link anchors; its wide charts apart. */
function storyPage(
  site: SiteInputs,
  assets: SiteAssets,
  siteUrl: SiteUrl,
  lang: Lang,
  options: RenderSiteOptions = {},
): { html: string; wideCharts?: string; scriptedParts?: string } {
  const content = site.content[lang];
  const path = route('story', lang);
  const root = rootFrom(path);
  const document = newDocument();
  const page = { document, inputs: site.inputs, content, links: { report: href(path, route('report', lang)) } };
  document.documentElement.setAttribute('lang', HTML_LANG[lang]);
  document.head.append(
    ...shellHead(document, {
      htmlLang: HTML_LANG[lang],
      title: content.meta.title,
      description: content.meta.description,
      moduleScripts: assets.story.scripts.map((file) => root + file),
      head: [
        h(document, 'meta', { name: 'color-scheme', content: 'light dark' }),
        ...storyHead(page),
        ...shareHead(siteUrl, {
          lang,
          title: content.meta.title,
          description: content.meta.description,
          path,
          image: imageRoutes.storyShare(lang),
          imageAlt: content.meta.title,
          alternate: route('story', otherLang(lang)),
          siteName: content.share.projectName,
          type: 'article',
        })(document),
      ],
    }),
    // The story's own stylesheet after its static-layout rules, as Vite's HTML pipeline placed it.
    ...assets.story.css.map((css) => h(document, 'style', {}, css)),
  );
  document.body.append(...storyBody(page));
  if (isLocalPreview()) document.body.prepend(previewBanner(document, HTML_LANG[lang]));
  document.getElementById('main')?.appendChild(storyCredits(document, site.inputs.dataset, content, siteUrl, root));
  addDeepLinkAnchors(document, content);
  if (options.keepTemplatesInPage) return { html: toHtml(document) };
  const wideCharts = moveWideChartsOut(document, content.meta.title);
  const scriptedParts = moveScriptedPartsOut(document, content.meta.title);
  return { html: toHtml(document), wideCharts, scriptedParts };
}

/** What a page's render function gets: the checked inputs, the bundle's assets, the public address. */
interface SiteContext {
  site: SiteInputs;
  assets: SiteAssets;
  siteUrl: SiteUrl;
  options: RenderSiteOptions;
}

/** A page's HTML, and files that live beside it (the story's wide charts). */
type RenderedPage = string | { html: string; beside?: Record<string, string> };

/** A page of the site: its path in Chinese (the English one is under en/) and how to render it in a language. */
export interface SitePage {
  path: string;
  render: (ctx: SiteContext, lang: Lang) => RenderedPage;
}

/**
 * How each route of src/routes/routes.ts is rendered. Adding a page is one route there and one
 * render function here (TypeScript refuses a route without one); renderSite does the rest.
 */
const PAGE_RENDERERS: Record<PageId, SitePage['render']> = {
  story: ({ site, assets, siteUrl, options }, lang) => {
    const story = storyPage(site, assets, siteUrl, lang, options);
    const beside: Record<string, string> = {};
    if (story.wideCharts) beside[WIDE_CHARTS_FILE] = story.wideCharts;
    if (story.scriptedParts) beside[SCRIPTED_PARTS_FILE] = story.scriptedParts;
    return { html: story.html, beside };
  },
  desk: ({ site, assets, siteUrl }, lang) =>
    deskPage(site.content, lang, { css: [PAGES_CSS], scripts: assets.desk.scripts }, siteUrl, site.inputs.dataset),
  data: ({ site, assets, siteUrl }, lang) =>
    dataPage(site.inputs, site.content[lang], PAGES_CSS, siteUrl, assets.cite.scripts),
  report: ({ site, assets, siteUrl }, lang) =>
    reportPage(
      site.inputs,
      site.content[lang],
      site.annotated,
      { css: [PAGES_CSS, ...assets.report.css], scripts: assets.report.scripts },
      siteUrl,
    ),
  explore: ({ site, assets, siteUrl }, lang) =>
    explorePage(
      site.inputs,
      site.content[lang],
      { css: [PAGES_CSS, ...assets.explore.css], scripts: assets.explore.scripts },
      siteUrl,
    ),
};

/** Every route with its render function, in the order of the routes table. */
export const SITE_PAGES: SitePage[] = PAGE_IDS.map((id) => ({ path: PAGES[id], render: PAGE_RENDERERS[id] }));

/**
 * Every page and file of the site except the published images, oEmbed files and data package
 * (src/publish/publish.ts), as path under dist/ → contents: each page of `pages` in both languages,
 * each chart's embed pages and downloads, the data files, the 404 page. The Vite plugin writes what
 * this returns, the dev server serves it, and tests render the site from any dataset without Vite.
 */
export function renderSite(
  site: SiteInputs,
  assets: SiteAssets,
  siteUrl: SiteUrl,
  options: RenderSiteOptions = {},
  pages: SitePage[] = SITE_PAGES,
): Map<string, string> {
  const { inputs, content, raw } = site;
  const files = new Map<string, string>();
  const add = (path: string, body: string) => {
    if (files.has(path)) throw new Error(`two renderings of ${path}`);
    files.set(path, body);
  };
  const ctx: SiteContext = { site, assets, siteUrl, options };
  for (const page of pages) {
    for (const lang of LANGS) {
      const path = inLang(page.path, lang);
      const rendered = page.render(ctx, lang);
      const { html, beside } = typeof rendered === 'string' ? { html: rendered, beside: {} } : rendered;
      add(`${path}index.html`, html);
      for (const [file, body] of Object.entries(beside ?? {})) add(`${path}${file}`, body);
    }
  }
  const embedAssets = { css: assets.embed.css, scripts: assets.embed.scripts };
  for (const chart of charts) {
    for (const [fileName, source] of chartFiles(inputs, content, chart.id, embedAssets, siteUrl)) add(fileName, source);
  }
  add(CHART_MANIFEST, chartManifest(content));
  add(`${PAGES.data}metrics.json`, publishedMetricsJson(raw.metricsJson, inputs.dataset));
  add(`${PAGES.data}metrics.schema.json`, raw.schemaJson);
  add(`${PAGES.data}ledger-exclusions.json`, raw.exclusionsJson);
  add(`${PAGES.data}gaoping.topojson`, raw.topojson);
  add(`${PAGES.data}metrics.csv`, toCsv({ columns: METRIC_COLUMNS, rows: inputs.dataset.metrics.map(metricRow) }));
  add(`${PAGES.data}records.csv`, toCsv({ columns: RECORD_COLUMNS, rows: inputs.dataset.records.map(recordRow) }));
  const downloads = exploreDownloads(exploreRecords(inputs), inputs);
  add(`${PAGES.explore}explore.csv`, downloads.csv);
  add(`${PAGES.explore}explore.json`, downloads.json);
  // The context beside Gaoping's figures: records and sources as committed and as CSV, each source's
  // stored text as a download, and its page with the quoted passages highlighted.
  add(`${PAGES.data}context.json`, raw.contextJson);
  add(`${PAGES.data}sources.json`, raw.sourcesJson);
  add(`${PAGES.data}context.csv`, toCsv({ columns: CONTEXT_COLUMNS, rows: contextRows(inputs.dataset) }));
  add(`${PAGES.data}sources.csv`, toCsv({ columns: SOURCE_COLUMNS, rows: sourceRows(inputs.dataset) as never }));
  for (const source of inputs.dataset.context?.sources ?? [])
    add(sourceRoutes.text(source.file), site.sourceTexts.get(source.id)!);
  for (const lang of LANGS) {
    for (const [fileName, html] of sourcePages(inputs, content[lang], site.sourceTexts, [PAGES_CSS], siteUrl))
      add(fileName, html);
  }
  add('404.html', notFoundPage(content, PAGES_CSS, siteUrl));
  return files;
}
