// Performance budgets, measured on a fresh production build (never in timed tests).
//   npm run bench            → JS budgets, the explorer's filter time, Lighthouse (mobile defaults) on /, /en/, /report/, /data/explore/
//   npm run bench -- --no-lighthouse   → JS budgets and the explorer's filter time only
// Writes test-artifacts/bench.json and exits non-zero when any budget is missed.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { buildSite, serveDist, ROOT } from './lib/site';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, launchChromium } from './lib/chromium';
import { exploreFilterMedianMs } from './lib/explore-bench';
import { chartIds } from '../src/charts/registry';
import { buildImages } from '../src/build/build-images';
import { loadDataset } from '../src/data/load-node';
import { loadTopology } from '../src/geo/load-node';
import { contentByLang } from '../src/content';
import { siteUrlFromEnv } from '../src/build/site-url';

interface Budget {
  name: string;
  value: number;
  limit: number;
  unit: string;
  /** 'max': value must be ≤ limit; 'min': value must be ≥ limit. */
  kind: 'max' | 'min';
}

const DIST = join(ROOT, 'dist');
const STORY_PAGES = ['index.html', 'en/index.html'];
const STORY_JS_LIMIT_KB = 35;
const EMBED_JS_LIMIT_KB = 25;
/** The annotated report and the explorer, each language. */
const PROVENANCE_PAGES = ['report/index.html', 'en/report/index.html', 'data/explore/index.html', 'en/data/explore/index.html'];
const PROVENANCE_JS_LIMIT_KB = 30;
/** One frame: filtering the whole explorer table and re-rendering it, median, in Chromium. */
const EXPLORE_FILTER_LIMIT_MS = 16;

/** A script and every module it imports statically, followed through the built files. */
function withStaticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(?:from\s*|import\s*)["'](\.\.?\/[^"']+\.js)["']/g)) {
    withStaticImports(join(dirname(file), match[1]!), seen);
  }
  return seen;
}

/** Gzipped bytes of every script a page loads up front: entry modules, preloads and their static imports. */
export function initialJsBytes(pagePath: string): number {
  const html = readFileSync(join(DIST, pagePath), 'utf8');
  const files = new Set<string>();
  for (const match of html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) {
    withStaticImports(join(DIST, dirname(pagePath), match[1] ?? match[2]!), files);
  }
  return [...files].reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
}

async function lighthouseBudgets(url: string, label: string): Promise<Budget[]> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return [
      { name: `${label} Lighthouse performance`, value: Math.round((lhr.categories.performance?.score ?? 0) * 100), limit: 98, unit: '', kind: 'min' },
      { name: `${label} Lighthouse accessibility`, value: Math.round((lhr.categories.accessibility?.score ?? 0) * 100), limit: 100, unit: '', kind: 'min' },
      { name: `${label} LCP`, value: Math.round(audit('largest-contentful-paint')), limit: 1200, unit: 'ms', kind: 'max' },
      { name: `${label} TBT`, value: Math.round(audit('total-blocking-time')), limit: 50, unit: 'ms', kind: 'max' },
      { name: `${label} CLS`, value: Number(audit('cumulative-layout-shift').toFixed(3)), limit: 0.01, unit: '', kind: 'max' },
    ];
  } finally {
    await chrome.kill();
  }
}

const IMAGES_LIMIT_S = 30;

/** What image generation adds to a build: the same buildImages the build runs, timed alone. */
async function imageBudget(): Promise<Budget> {
  const started = performance.now();
  const images = await buildImages({ dataset: loadDataset(), geo: loadTopology(), content: contentByLang, site: siteUrlFromEnv() });
  const seconds = (performance.now() - started) / 1000;
  return { name: `share/print images (${images.length} PNGs)`, value: Number(seconds.toFixed(1)), limit: IMAGES_LIMIT_S, unit: 's', kind: 'max' };
}

const passes = (b: Budget) => (b.kind === 'max' ? b.value <= b.limit : b.value >= b.limit);

await buildSite('dist');
const budgets: Budget[] = STORY_PAGES.map((page) => ({
  name: `${page} initial JS (gzip)`,
  value: Number((initialJsBytes(page) / 1024).toFixed(2)),
  limit: STORY_JS_LIMIT_KB,
  unit: 'KB',
  kind: 'max' as const,
}));
for (const chart of chartIds()) {
  for (const page of [`embed/${chart}/index.html`, `en/embed/${chart}/index.html`]) {
    budgets.push({ name: `${page} JS (gzip)`, value: Number((initialJsBytes(page) / 1024).toFixed(2)), limit: EMBED_JS_LIMIT_KB, unit: 'KB', kind: 'max' });
  }
}

budgets.push(await imageBudget());

for (const page of PROVENANCE_PAGES) {
  budgets.push({ name: `${page} JS (gzip)`, value: Number((initialJsBytes(page) / 1024).toFixed(2)), limit: PROVENANCE_JS_LIMIT_KB, unit: 'KB', kind: 'max' });
}

const served = await serveDist('dist');
try {
  const browser = await launchChromium();
  try {
    for (const path of ['data/explore/', 'en/data/explore/']) {
      const { median, rows } = await exploreFilterMedianMs(browser, served.url + path);
      budgets.push({ name: `/${path} filter + re-render ${rows} rows (median)`, value: Number(median.toFixed(2)), limit: EXPLORE_FILTER_LIMIT_MS, unit: 'ms', kind: 'max' });
    }
  } finally {
    await browser.close();
  }
  if (!process.argv.includes('--no-lighthouse')) {
    budgets.push(...(await lighthouseBudgets(served.url, 'zh /')));
    budgets.push(...(await lighthouseBudgets(served.url + 'en/', 'en /en/')));
    // The report and the explorer: performance and accessibility budgets (their LCP is reported too).
    budgets.push(...(await lighthouseBudgets(served.url + 'report/', 'zh /report/')));
    budgets.push(...(await lighthouseBudgets(served.url + 'data/explore/', 'zh /data/explore/')));
  }
} finally {
  await served.close();
}

for (const b of budgets) {
  const sign = b.kind === 'max' ? '≤' : '≥';
  console.log(`${passes(b) ? 'ok  ' : 'OVER'}  ${b.name.padEnd(46)} ${String(b.value).padStart(8)}${b.unit}  (budget ${sign} ${b.limit}${b.unit})`);
}
mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
writeFileSync(join(ROOT, 'test-artifacts', 'bench.json'), JSON.stringify({ date: new Date().toISOString(), budgets }, null, 2));
const failed = budgets.filter((b) => !passes(b));
console.log(failed.length === 0 ? 'all budgets met' : `${failed.length} budget(s) missed`);
process.exit(failed.length === 0 ? 0 : 1);
