import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { contentByLang } from '../../src/content';
import { chartById } from '../../src/charts/registry';
import { chartWidths } from '../../src/design/tokens';
import { tokensCss } from '../../src/site/html-document';

/** The chart the anchor draws: the story's first chart, also the embed page the bench measures. */
export const ANCHOR_CHART = 'headline-targets';
/** Where the anchor page is served, beside the site. */
export const ANCHOR_PREFIX = '/__plot-anchor/';

export interface PlotAnchor {
  /** The built page: index.html and assets/. */
  dir: string;
  teardown: () => Promise<void>;
}

/**
 * The yardstick: a page that draws the same chart with Observable Plot in the browser, as a
 * client-rendered page would. Its script bundles Plot and the chart's own module
 * (src/charts/headline-targets.ts, the code the build prerenders with), fetches the site's
 * data/metrics.json and renders at the story's narrow width. Built with Vite's build API in a
 * temporary folder outside dist/; the teardown removes it.
 */
export async function buildPlotAnchor(root: string): Promise<PlotAnchor> {
  const chart = chartById(ANCHOR_CHART);
  if (!chart) throw new Error(`no chart "${ANCHOR_CHART}" to build the Plot-only anchor page from`);
  const work = mkdtempSync(join(tmpdir(), 'gaoping-plot-anchor-'));
  const teardown = async () => rmSync(work, { recursive: true, force: true });
  try {
    const src = join(work, 'src');
    const out = join(work, 'out');
    const content = contentByLang.zh;
    mkdirSync(src);
    writeFileSync(
      join(src, 'index.html'),
      `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${content.charts[ANCHOR_CHART]!.title} (Plot-only anchor)</title><link rel="icon" href="data:,">
<style>${tokensCss()} body{margin:0 auto;padding:16px;max-width:640px;font-family:var(--font-stack)}</style>
</head><body><main><h1>${content.charts[ANCHOR_CHART]!.title}</h1><div id="chart"></div></main>
<script type="module" src="./main.ts"></script></body></html>
`,
    );
    const chartModule = join(root, 'src/charts/headline-targets.ts');
    const dataTypes = join(root, 'src/data/types.ts');
    writeFileSync(
      join(src, 'main.ts'),
      `import { headlineTargets } from ${JSON.stringify(chartModule)};
import { resolveDataset } from ${JSON.stringify(dataTypes)};
const text = ${JSON.stringify(content.chartText)};
const title = ${JSON.stringify(content.charts[ANCHOR_CHART]!.title)};
const raw = await (await fetch('../data/metrics.json')).json();
const dataset = resolveDataset(raw);
const width = Math.min(${chartWidths.wide}, document.getElementById('chart').clientWidth || ${chartWidths.narrow});
const svg = headlineTargets.render({ dataset, geo: { type: 'Topology', objects: {}, arcs: [] } }, { width, lang: 'zh', document, text, title });
document.getElementById('chart').append(svg);
`,
    );
    await build({
      root: src,
      configFile: false,
      logLevel: 'silent',
      base: './',
      build: { outDir: out, emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false } },
    });
    return { dir: out, teardown };
  } catch (error) {
    await teardown();
    throw error;
  }
}

/** Opens the anchor in Chromium once and fails unless it really draws the chart (an <svg> with its marks). */
export async function checkAnchorRenders(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(url);
    await page.waitForSelector('#chart svg', { timeout: 20_000 }).catch(() => undefined);
    const marks = await page.evaluate(
      () => document.querySelectorAll('#chart svg circle, #chart svg path, #chart svg text').length,
    );
    if (errors.length > 0 || marks < 10) {
      throw new Error(
        `the Plot-only anchor at ${url} did not draw its chart (${marks} marks; errors: ${errors.join('; ') || 'none'})`,
      );
    }
    return marks;
  } finally {
    await page.close();
  }
}
