import type { Plugin } from 'vite';
import type { OutputAsset, OutputBundle, OutputChunk } from 'rolldown';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { charts } from '../charts/registry';
import { chartRows, toCsv, toJson, METRIC_COLUMNS, metricRow } from '../embed/chart-data';
import { embedPage, standaloneSvg, chartManifest, deskPage, dataPage, notFoundPage } from './site-pages';
import { embedPath } from '../embed/embed-code';
import { loadDataset } from '../data/load-node';
import { contentByLang } from '../content';
import { renderDocument } from './render-document';
import type { Dataset, Lang } from '../data/types';
import type { Topology } from 'topojson-specification';
import { loadTopology, DEFAULT_TOPOLOGY_PATH } from '../geo/load-node';
import { DatasetError } from '../data/validate';
import { findCrossFileProblems } from './check-inputs';
import { DEFAULT_DATASET_PATH } from '../data/load-node';
import { emitPublishFiles } from './publish';
import { siteUrlFromEnv } from './site-url';

function langOf(filename: string): Lang {
  return /[\\/]en[\\/]index\.html$/.test(filename) ? 'en' : 'zh';
}

/** An entry chunk's file and the CSS it imports (inlined into the pages that use it). */
function entryAssets(bundle: OutputBundle, entry: string): { script: string; css: string[] } {
  const chunk = Object.values(bundle).find((item): item is OutputChunk =>
    item.type === 'chunk' && item.isEntry && (item.facadeModuleId ?? '').replace(/\\/g, '/').endsWith(entry));
  if (!chunk) throw new Error(`no entry chunk for ${entry}`);
  const cssFiles = [...((chunk as OutputChunk & { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? [])];
  const css = cssFiles.map((file) => String((bundle[file] as OutputAsset).source));
  return { script: chunk.fileName, css };
}

/** The dataset, the map and the copy, each checked, then checked against each other. */
function loadInputs(): { dataset: Dataset; geo: Topology } {
  const dataset = loadDataset();
  const geo = loadTopology();
  const relative = (path: string) => path.replace(process.cwd() + '/', '');
  const files = {
    dataset: relative(process.env.METRICS_FILE ?? DEFAULT_DATASET_PATH),
    topology: relative(process.env.GEO_FILE ?? DEFAULT_TOPOLOGY_PATH),
    content: { zh: 'src/content/zh.json', en: 'src/content/en.json' },
  };
  const problems = findCrossFileProblems(dataset, geo, contentByLang, files);
  if (problems.length > 0) throw new DatasetError(problems);
  return { dataset, geo };
}

/**
 * Prerenders the story into index.html and en/index.html at build (and dev) time.
 * The dataset is validated first: a malformed one stops the build naming file, id and field.
 */
export function storyPlugin(): Plugin {
  let inputs: { dataset: Dataset; geo: Topology } | undefined;
  let outDir: string | undefined;
  const load = () => (inputs ??= loadInputs());
  return {
    name: 'gaoping-story',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    buildStart() {
      inputs = undefined;
      try {
        siteUrlFromEnv();
        load();
      } catch (error) {
        // Leave nothing behind that could be deployed by mistake: not this build, not the last one.
        if (outDir && this.environment?.config.command === 'build') rmSync(outDir, { recursive: true, force: true });
        throw error;
      }
    },
    async generateBundle(_options, bundle) {
      const { dataset, geo } = load();
      const loader = bundle['embed/loader.js'];
      if (loader?.type === 'chunk') {
        if (loader.imports.length > 0) throw new Error('embed/loader.js must not import shared chunks: it runs as a classic script on other sites');
        // A classic script on someone else's page: keep every name out of their global scope.
        loader.code = `(()=>{${loader.code}})();\n`;
      }
      const emit = (fileName: string, source: string) => this.emitFile({ type: 'asset', fileName, source });
      const embedAssets = entryAssets(bundle, 'src/embed/client.ts');
      const deskAssets = entryAssets(bundle, 'src/embed/desk.ts');
      const pagesCss = readFileSync(fileURLToPath(new URL('../embed/pages.css', import.meta.url)), 'utf8');
      for (const chart of charts) {
        const rows = chartRows(chart, dataset, geo);
        emit(`embed/${chart.id}/data.csv`, toCsv(rows));
        emit(`embed/${chart.id}/data.json`, toJson(chart.id, rows, dataset));
        for (const lang of ['zh', 'en'] as const) {
          const path = embedPath(chart.id, lang);
          emit(`${path}index.html`, embedPage(dataset, geo, contentByLang[lang], chart.id, embedAssets));
          emit(`${path}chart.svg`, standaloneSvg(dataset, geo, contentByLang[lang], chart.id));
        }
      }
      emit('embed/charts.json', chartManifest(contentByLang));
      emit('embed/index.html', deskPage(contentByLang.zh, { css: [pagesCss], script: deskAssets.script }));
      emit('en/embed/index.html', deskPage(contentByLang.en, { css: [pagesCss], script: deskAssets.script }));
      const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));
      emit('data/metrics.json', readFileSync(process.env.METRICS_FILE ?? `${dataDir}metrics.json`, 'utf8'));
      emit('data/metrics.schema.json', readFileSync(`${dataDir}metrics.schema.json`, 'utf8'));
      emit('data/gaoping.topojson', readFileSync(process.env.GEO_FILE ?? `${dataDir}gaoping.topojson`, 'utf8'));
      emit('data/metrics.csv', toCsv({ columns: METRIC_COLUMNS, rows: dataset.metrics.map(metricRow) }));
      emit('data/index.html', dataPage(dataset, contentByLang.zh, pagesCss));
      emit('en/data/index.html', dataPage(dataset, contentByLang.en, pagesCss));
      emit('404.html', notFoundPage(contentByLang, pagesCss));
      try {
        await emitPublishFiles({ dataset, geo, site: siteUrlFromEnv(), emit: (fileName, source) => this.emitFile({ type: 'asset', fileName, source }) });
      } catch (error) {
        if (outDir) rmSync(outDir, { recursive: true, force: true });
        throw error;
      }
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const lang = langOf(ctx.filename);
        const { dataset, geo } = load();
        const page = renderDocument(dataset, contentByLang[lang], geo);
        return html
          .replace(/<html lang="[^"]*">/, `<html lang="${page.lang}">`)
          .replace('<!--story:head-->', page.head)
          .replace('<!--story:body-->', page.body);
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
        if (!ctx.bundle) return html;
        return html.replace(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g, (tag, href: string) => {
          const fileName = href.replace(/^(\.\.?\/)+/, '');
          const asset = ctx.bundle![fileName] as OutputAsset | undefined;
          if (!asset || asset.type !== 'asset') return tag;
          return `<style>${String(asset.source)}</style>`;
        });
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
