import type { Plugin } from 'vite';
import type { OutputAsset, OutputBundle, OutputChunk } from 'rolldown';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { charts } from '../charts/registry';
import type { ChartInputs } from '../charts/types';
import { toCsv, METRIC_COLUMNS, metricRow, RECORD_COLUMNS, recordRow } from '../data/rows';
import { chartFiles, chartManifest, deskPage, dataPage, notFoundPage } from './site-pages';
import { loadDataset } from '../data/load-node';
import { contentByLang, CONTENT_FILES } from '../content';
import type { Lang } from '../content/types';
import { h, toHtml } from '../dom/html';
import { storyBody, storyHead, HTML_LANG } from '../story/story-page';
import { moveWideChartsOut, WIDE_CHARTS_FILE } from './wide-charts';
import { newDocument, shellHead } from './html-document';
import { loadTopology, DEFAULT_TOPOLOGY_PATH } from '../geo/load-node';
import { DatasetError } from '../data/validate';
import { findCrossFileProblems } from './check-inputs';
import { DEFAULT_DATASET_PATH } from '../data/load-node';
import { loadReportText, reportPath } from '../data/report-node';
import { annotateReport, explorePage, reportPage, sourcePages } from './provenance-pages';
import { contextPaths, loadSourceText } from '../data/context-node';
import { CONTEXT_COLUMNS, contextRows, SOURCE_COLUMNS, sourceRows } from '../data/context-rows';
import { exploreDownloads, exploreRecords } from '../explore/explore-page';
import type { AnnotatedReport } from '../report/report-page';
import { emitPublishFiles } from '../publish/publish';
import { siteUrlFromEnv } from '../publish/site-url';
import { shareHead } from './share-meta';
import { imagePaths } from '../publish/share-images';
import { storyCredits } from './page-parts';
import { addDeepLinkAnchors } from '../story/anchors';

function langOf(filename: string): Lang {
  return /[\\/]en[\\/]index\.html$/.test(filename) ? 'en' : 'zh';
}

/**
 * An entry chunk's scripts and the CSS it imports (inlined into the pages that use it). The scripts
 * are every chunk it imports statically, then the entry: pages list them all, as Vite does for
 * index.html, so a phone fetches them side by side instead of one import after another.
 */
function entryAssets(bundle: OutputBundle, entry: string): { scripts: string[]; css: string[] } {
  const chunk = Object.values(bundle).find((item): item is OutputChunk =>
    item.type === 'chunk' && item.isEntry && (item.facadeModuleId ?? '').replace(/\\/g, '/').endsWith(entry));
  if (!chunk) throw new Error(`no entry chunk for ${entry}`);
  const imported = new Set<string>();
  const follow = (file: string) => {
    for (const next of (bundle[file] as OutputChunk).imports) {
      if (imported.has(next)) continue;
      imported.add(next);
      follow(next);
    }
  };
  follow(chunk.fileName);
  const cssFiles = [...((chunk as OutputChunk & { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? [])];
  const css = cssFiles.map((file) => String((bundle[file] as OutputAsset).source));
  return { scripts: [...imported, chunk.fileName], css };
}

/** The dataset, the map and the copy, each checked, then checked against each other. */
function loadInputs(): ChartInputs {
  const dataset = loadDataset();
  const geo = loadTopology();
  const relative = (path: string) => path.replace(process.cwd() + '/', '');
  const files = {
    dataset: relative(process.env.METRICS_FILE ?? DEFAULT_DATASET_PATH),
    topology: relative(process.env.GEO_FILE ?? DEFAULT_TOPOLOGY_PATH),
    content: CONTENT_FILES,
  };
  const problems = findCrossFileProblems(dataset, geo, contentByLang, files);
  if (problems.length > 0) throw new DatasetError(problems);
  return { dataset, geo };
}

/** The report text, read from REPORT_FILE (default data/sources/…) and located against the dataset. */
function loadAnnotated(inputs: ChartInputs): AnnotatedReport {
  const relative = (path: string) => path.replace(process.cwd() + '/', '');
  const path = reportPath();
  return annotateReport(inputs, loadReportText(path), { dataset: relative(process.env.METRICS_FILE ?? DEFAULT_DATASET_PATH), report: relative(path) });
}

/**
 * Prerenders the story into index.html and en/index.html at build (and dev) time.
 * The dataset is validated first: a malformed one stops the build naming file, id and field.
 */
export function storyPlugin(): Plugin {
  let inputs: ChartInputs | undefined;
  let annotated: AnnotatedReport | undefined;
  let outDir: string | undefined;
  const load = () => (inputs ??= loadInputs());
  const loadReport = () => (annotated ??= loadAnnotated(load()));
  /** Each story page's wide charts (moveWideChartsOut), by the page's path: '' or 'en/'. */
  const wideCharts = new Map<string, string | undefined>();
  return {
    name: 'gaoping-story',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    buildStart() {
      inputs = undefined;
      annotated = undefined;
      try {
        siteUrlFromEnv();
        load();
        loadReport();
      } catch (error) {
        // Leave nothing behind that could be deployed by mistake: not this build, not the last one.
        if (outDir && this.environment?.config.command === 'build') rmSync(outDir, { recursive: true, force: true });
        throw error;
      }
    },
    async generateBundle(_options, bundle) {
      const { dataset, geo } = load();
      const chartInputs = { dataset, geo };
      const site = siteUrlFromEnv();
      const loader = bundle['embed/loader.js'];
      if (loader?.type === 'chunk') {
        if (loader.imports.length > 0) throw new Error('embed/loader.js must not import shared chunks: it runs as a classic script on other sites');
        // A classic script on someone else's page: keep every name out of their global scope.
        loader.code = `(()=>{${loader.code}})();\n`;
      }
      const emit = (fileName: string, source: string) => this.emitFile({ type: 'asset', fileName, source });
      for (const [storyPath, markup] of wideCharts) if (markup) emit(`${storyPath}${WIDE_CHARTS_FILE}`, markup);
      const embedAssets = entryAssets(bundle, 'src/embed/client.ts');
      const deskAssets = entryAssets(bundle, 'src/embed/desk.ts');
      const pagesCss = readFileSync(fileURLToPath(new URL('../embed/pages.css', import.meta.url)), 'utf8');
      for (const chart of charts) {
        for (const [fileName, source] of chartFiles(chartInputs, contentByLang, chart.id, embedAssets, site)) emit(fileName, source);
      }
      emit('embed/charts.json', chartManifest(contentByLang));
      emit('embed/index.html', deskPage(contentByLang, 'zh', { css: [pagesCss], scripts: deskAssets.scripts }, site));
      emit('en/embed/index.html', deskPage(contentByLang, 'en', { css: [pagesCss], scripts: deskAssets.scripts }, site));
      const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));
      emit('data/metrics.json', readFileSync(process.env.METRICS_FILE ?? `${dataDir}metrics.json`, 'utf8'));
      emit('data/metrics.schema.json', readFileSync(`${dataDir}metrics.schema.json`, 'utf8'));
      emit('data/ledger-exclusions.json', readFileSync(process.env.LEDGER_EXCLUSIONS_FILE ?? `${dataDir}ledger-exclusions.json`, 'utf8'));
      emit('data/gaoping.topojson', readFileSync(process.env.GEO_FILE ?? `${dataDir}gaoping.topojson`, 'utf8'));
      emit('data/metrics.csv', toCsv({ columns: METRIC_COLUMNS, rows: dataset.metrics.map(metricRow) }));
      emit('data/records.csv', toCsv({ columns: RECORD_COLUMNS, rows: dataset.records.map(recordRow) }));
      // The context beside Gaoping's figures (issue 19): the records and sources as committed, and as CSV.
      emit('data/context.json', readFileSync(contextPaths().context, 'utf8'));
      emit('data/sources.json', readFileSync(contextPaths().sources, 'utf8'));
      emit('data/context.csv', toCsv({ columns: CONTEXT_COLUMNS, rows: contextRows(dataset) }));
      emit('data/sources.csv', toCsv({ columns: SOURCE_COLUMNS, rows: sourceRows(dataset) as never }));
      const citeScripts = entryAssets(bundle, 'src/story/cite-entry.ts').scripts;
      emit('data/index.html', dataPage(chartInputs, contentByLang.zh, pagesCss, site, citeScripts));
      emit('en/data/index.html', dataPage(chartInputs, contentByLang.en, pagesCss, site, citeScripts));
      emit('404.html', notFoundPage(contentByLang, pagesCss, site));
      try {
        await emitPublishFiles({ dataset, geo, site, emit: (fileName, source) => this.emitFile({ type: 'asset', fileName, source }) });
      } catch (error) {
        if (outDir) rmSync(outDir, { recursive: true, force: true });
        throw error;
      }
      const reportAssets = entryAssets(bundle, 'src/report/client.ts');
      const exploreAssets = entryAssets(bundle, 'src/explore/client.ts');
      for (const content of [contentByLang.zh, contentByLang.en]) {
        const prefix = content.lang === 'zh' ? '' : 'en/';
        emit(`${prefix}report/index.html`, reportPage(chartInputs, content, loadReport(), { css: [pagesCss, ...reportAssets.css], scripts: reportAssets.scripts }, site));
        emit(`${prefix}data/explore/index.html`, explorePage(chartInputs, content, { css: [pagesCss, ...exploreAssets.css], scripts: exploreAssets.scripts }, site));
      }
      // Each source document: its stored copy as a download, and its page with the quoted passages highlighted.
      const sourceTexts = new Map((dataset.context?.sources ?? []).map((source) => [source.id, loadSourceText(source.file)]));
      for (const source of dataset.context?.sources ?? []) emit(`data/sources/${source.file}`, sourceTexts.get(source.id)!);
      for (const content of [contentByLang.zh, contentByLang.en]) {
        for (const [fileName, html] of sourcePages(chartInputs, content, sourceTexts, [pagesCss], site)) emit(fileName, html);
      }
      const downloads = exploreDownloads(exploreRecords(chartInputs), chartInputs);
      emit('data/explore/explore.csv', downloads.csv);
      emit('data/explore/explore.json', downloads.json);
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const content = contentByLang[langOf(ctx.filename)];
        const site = siteUrlFromEnv();
        const storyPath = content.lang === 'zh' ? '' : 'en/';
        // The template is parsed and the story built into it as nodes: no string splicing, so
        // nothing in the copy or the data ("$&", "</html>"…) can change the page's structure.
        const document = newDocument(html);
        const page = { document, inputs: load(), content, links: { report: 'report/' } };
        const entryScripts = Array.from(document.head.querySelectorAll('script'));
        document.documentElement.setAttribute('lang', HTML_LANG[content.lang]);
        document.head.replaceChildren(
          ...shellHead(document, {
            htmlLang: HTML_LANG[content.lang], title: content.meta.title, description: content.meta.description,
            head: [
              h(document, 'meta', { name: 'color-scheme', content: 'light dark' }),
              ...storyHead(page),
              ...shareHead(site, {
                lang: content.lang, title: content.meta.title, description: content.meta.description, path: storyPath,
                image: imagePaths.storyShare(content.lang), imageAlt: content.meta.title, alternate: content.lang === 'zh' ? 'en/' : '',
                siteName: content.share.projectName, type: 'article',
              })(document),
            ],
          }),
          ...entryScripts,
        );
        document.body.replaceChildren(...storyBody(page));
        // Credits, the citation and deep-link anchors: issue 11's part of the story page.
        document.getElementById('main')?.appendChild(storyCredits(document, page.inputs.dataset, content, site, storyPath === '' ? '' : '../'));
        addDeepLinkAnchors(document, content);
        // At build time the wide charts go to a file of their own, emitted with the bundle; the
        // dev server keeps them in the page (the page script reads them from either place).
        if (!ctx.server) wideCharts.set(storyPath, moveWideChartsOut(document, content.meta.title));
        return toHtml(document);
      },
    },
  };
}

/**
 * Inlines the story's small stylesheet into each page: one round trip fewer before first paint,
 * which is most of the LCP budget on a throttled phone.
 */
export function inlineCssPlugin(): Plugin {
  return {
    name: 'gaoping-inline-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const document = newDocument(html);
        for (const link of Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"][href]'))) {
          const fileName = (link.getAttribute('href') ?? '').replace(/^(\.\.?\/)+/, '');
          const asset = bundle[fileName] as OutputAsset | undefined;
          if (asset?.type === 'asset') link.replaceWith(h(document, 'style', {}, String(asset.source)));
        }
        return toHtml(document);
      },
    },
  };
}

/** `vite preview` answers unknown paths with dist/404.html, as static hosts do. */
export function notFoundPagePlugin(): Plugin {
  return {
    name: 'gaoping-404',
    configurePreviewServer(server) {
      return () => {
        server.middlewares.use((request, response, next) => {
          const dist = `${server.config.root}/${server.config.build.outDir}`;
          const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
          // Vite's HTML fallback has already mapped /dir/ to /dir/index.html when that file exists;
          // its static middleware, which runs after this one, serves it.
          if (!pathname.includes('..') && pathname.endsWith('.html') && existsSync(`${dist}${pathname}`)) return next();
          const page = `${dist}/404.html`;
          response.statusCode = 404;
          response.setHeader('Content-Type', 'text/html; charset=utf-8');
          response.end(readFileSync(page));
        });
      };
    },
  };
}
