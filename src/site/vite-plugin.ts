import type { Plugin, Rollup, ViteDevServer } from 'vite';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { emitPublishFiles } from '../publish/publish';
import { isLocalSite, LOCAL_PREVIEW_WARNING, localAddressesIn, siteUrlFromEnv } from '../publish/site-url';
import { outputTexts } from './release-check';
import { loadSiteInputs, type SiteInputs } from './inputs';
import { ENTRY_MODULES, renderSite, type EntryAssets, type SiteAssets } from './render-site';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;
type OutputAsset = Rollup.OutputAsset;

/**
 * An entry chunk's scripts and the CSS it imports (inlined into the pages that use it). The scripts
 * are every chunk it imports statically, then the entry: pages list them all, so a phone fetches
 * them side by side instead of one import after another.
 */
function entryAssets(bundle: OutputBundle, entry: string): EntryAssets {
  const chunk = Object.values(bundle).find(
    (item): item is OutputChunk =>
      item.type === 'chunk' && item.isEntry && (item.facadeModuleId ?? '').replace(/\\/g, '/').endsWith(entry),
  );
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
  const cssFiles = [
    ...((chunk as OutputChunk & { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? []),
  ];
  const css = cssFiles.map((file) => String((bundle[file] as OutputAsset).source));
  return { scripts: [...imported, chunk.fileName], css };
}

/** Each entry's assets in the bundle. */
function bundleAssets(bundle: OutputBundle): SiteAssets {
  const entries = Object.entries(ENTRY_MODULES).map(([name, module]) => [name, entryAssets(bundle, module)]);
  return Object.fromEntries(entries) as SiteAssets;
}

/** In dev every page loads its entry's source module; Vite serves it and injects its CSS. */
const DEV_ASSETS = Object.fromEntries(
  Object.entries(ENTRY_MODULES).map(([name, module]) => [name, { scripts: [module], css: [] }]),
) as unknown as SiteAssets;

/** Where this build's entry assets are recorded, for tests that render pages around a built bundle. */
export const SITE_ASSETS_FILE = '.vite/site-assets.json';

/** The path under the site a dev request names: '/en/data/' → 'en/data/index.html'. */
function devFile(url: string): string {
  const path = decodeURIComponent(new URL(url, 'http://localhost').pathname).replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  topojson: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  svg: 'image/svg+xml',
};

/** The dev server answers every path renderSite returns (rendered once, again after a change). */
function serveRenderedSite(server: ViteDevServer): void {
  let rendered: Map<string, string> | undefined;
  server.watcher.on('change', () => {
    rendered = undefined;
  });
  server.middlewares.use(async (request, response, next) => {
    const file = devFile(request.url ?? '/');
    try {
      rendered ??= renderSite(loadSiteInputs(), DEV_ASSETS, siteUrlFromEnv(), { keepTemplatesInPage: true });
    } catch (error) {
      return next(error);
    }
    const body = rendered.get(file);
    if (body === undefined) return next();
    const type = CONTENT_TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream';
    response.setHeader('Content-Type', type);
    response.end(type.startsWith('text/html') ? await server.transformIndexHtml(request.url ?? '/', body) : body);
  });
}

/**
 * Builds the whole site: checks the inputs first (a malformed dataset stops the build naming file,
 * id and field, and removes dist/), then writes every file renderSite returns and the published
 * files (images, oEmbed, data package). The dev server serves the same pages.
 */
export function sitePlugin(): Plugin {
  let site: SiteInputs | undefined;
  let outDir: string | undefined;
  /** Leave nothing behind that could be deployed by mistake: not this build, not the last one. */
  const removeOutput = () => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  };
  return {
    name: 'gaoping-site',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      serveRenderedSite(server);
    },
    buildStart() {
      if (this.environment?.config.command !== 'build') return;
      site = undefined;
      try {
        const siteUrl = siteUrlFromEnv();
        if (isLocalSite(siteUrl) && process.env.GAOPING_RELEASE === '1') {
          throw new Error(
            `A release build needs the public address: SITE_URL is ${process.env.SITE_URL ? `"${process.env.SITE_URL}", a local address` : 'not set'}. Run SITE_URL=https://your.host/path/ npm run build:release.`,
          );
        }
        if (isLocalSite(siteUrl)) this.warn(LOCAL_PREVIEW_WARNING);
        site = loadSiteInputs();
      } catch (error) {
        removeOutput();
        throw error;
      }
    },
    async generateBundle(_options, bundle) {
      if (!site) throw new Error('the site inputs were not loaded');
      const siteUrl = siteUrlFromEnv();
      const loader = bundle['embed/loader.js'];
      if (loader?.type === 'chunk') {
        if (loader.imports.length > 0)
          throw new Error('embed/loader.js must not import shared chunks: it runs as a classic script on other sites');
        // A classic script on someone else's page: keep every name out of their global scope.
        loader.code = `(()=>{${loader.code}})();\n`;
      }
      const emit = (fileName: string, source: string | Uint8Array) =>
        this.emitFile({ type: 'asset', fileName, source });
      const assets = bundleAssets(bundle);
      for (const [fileName, source] of renderSite(site, assets, siteUrl)) emit(fileName, source);
      emit(SITE_ASSETS_FILE, `${JSON.stringify(assets)}\n`);
      try {
        await emitPublishFiles({
          dataset: site.inputs.dataset,
          geo: site.inputs.geo,
          site: siteUrl,
          raw: site.raw,
          emit,
        });
      } catch (error) {
        removeOutput();
        throw error;
      }
    },
    writeBundle() {
      // A release (SITE_URL names a public host) must hold no address of the machine that built it:
      // every written file is read back, ZIP entries included; one hit removes the whole output.
      if (!outDir || isLocalSite(siteUrlFromEnv())) return;
      const found = localAddressesIn(outputTexts(outDir));
      if (found.length > 0) {
        removeOutput();
        throw new Error(
          `SITE_URL is ${siteUrlFromEnv().href}, yet ${found.length} output file(s) name a local address, so nothing was kept:\n${found.slice(0, 20).join('\n')}`,
        );
      }
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
