// Performance budgets, measured on a fresh production build (never in timed tests).
//   npm run bench                      → everything below, Lighthouse included (several minutes)
//   npm run bench -- --no-lighthouse   → the build, prerender, image, DOM, JS and explorer figures only
// Build: `npm run build` end to end (with a public SITE_URL, as released: no preview banner); every
// chart's prerender (renderChart in Node) per language and inlined width; the share/print images
// alone. Pages: DOM elements in the initial HTML, gzipped JS per page, the explorer's filter time,
// and Lighthouse 12 (mobile defaults, all four categories, median of 3) on /, /en/ and the heaviest
// embed (the map), each compared with the floor: the story's title and first paragraph as bare
// HTML, served by the same gzipping static server in the same run.
// Writes test-artifacts/bench.json and exits non-zero when any budget is missed.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './lib/site';
import { launchChromium } from './lib/chromium';
import { exploreFilterMedianMs } from './lib/explore-bench';
import { formatFigures, round, verdict, writeJson, type Figure } from './lib/figures';
import { timeNpmBuild } from './lib/build-timing';
import { prerenderTimings, PRERENDER_WIDTHS, type ChartTiming } from './lib/prerender-timing';
import { initialDomCount, initialJsBytes } from './lib/page-weight';
import { serveStatic } from './lib/static-server';
import { ANCHOR_CHART, ANCHOR_PREFIX, buildPlotAnchor, checkAnchorRenders } from './lib/plot-anchor';
import { lighthouseRounds, medianRun, startLighthouseChrome, type LighthouseRun } from './lib/lighthouse-runs';
import { buildFloorPage, FLOOR_PREFIX } from './lib/floor-page';
import { chartIds } from '../src/charts/registry';
import { buildImages } from '../src/publish/build-images';
import { loadDataset } from '../src/data/load-node';
import { loadTopology } from '../src/geo/load-node';
import { contentByLang } from '../src/content';
import { siteUrlFromEnv } from '../src/publish/site-url';
import {
  BUILD_LIMIT_S,
  IMAGES_LIMIT_S,
  PRERENDER_LIMIT_MS,
  DOM_LIMIT,
  STORY_JS_LIMIT_KB,
  EMBED_JS_LIMIT_KB,
  SITE_PAGE_JS_LIMIT_KB,
  EXPLORE_FILTER_LIMIT_MS,
  PERFORMANCE_FLOOR,
  ACCESSIBILITY_MIN,
  LCP_LIMIT_MS,
  TBT_LIMIT_MS,
  CLS_LIMIT,
  FLOOR_RATIO_LIMIT,
} from './lib/budgets';

const DIST = join(ROOT, 'dist');
const RUNS = 3;
const PRERENDER_RUNS = 3;

interface Page {
  /** The URL path, as a reader types it. */
  label: string;
  /** The built file under dist/. */
  file: string;
  jsLimitKb: number;
}

/** The heaviest embed: the map (the most elements and the largest LCP of the embeds, issue 23). */
const HEAVIEST_EMBED = 'town-map';
/** Built with a public address, as released: a local preview adds a banner and noindex. */
const BENCH_SITE_URL = 'https://example.org/graphics/gaoping/';

/** The pages the phone budgets hold: the story in both languages and the heaviest embed; /data/ for its JS. */
const PAGES: Page[] = [
  { label: '/', file: 'index.html', jsLimitKb: STORY_JS_LIMIT_KB },
  { label: '/en/', file: 'en/index.html', jsLimitKb: STORY_JS_LIMIT_KB },
  { label: `/embed/${HEAVIEST_EMBED}/`, file: `embed/${HEAVIEST_EMBED}/index.html`, jsLimitKb: EMBED_JS_LIMIT_KB },
  { label: '/data/', file: 'data/index.html', jsLimitKb: SITE_PAGE_JS_LIMIT_KB },
];
/** The pages Lighthouse measures (and whose initial HTML is held to the element budget). */
const MEASURED = PAGES.slice(0, 3);
const FLOOR_LABEL = 'Floor (title + first paragraph, bare HTML)';
const ANCHOR_LABEL = 'Plot-only page';

/** A set-up that hands back its own teardown; `using` runs the work and always tears down. */
interface Setup {
  teardown: () => Promise<void>;
}
async function using<T extends Setup, R>(setup: Promise<T>, use: (value: T) => Promise<R>): Promise<R> {
  const value = await setup;
  try {
    return await use(value);
  } finally {
    await value.teardown();
  }
}

const kb = (bytes: number) => round(bytes / 1024, 2);
const log = (line: string) => console.log(line);

async function buildFigure(): Promise<Figure> {
  log('timing npm run build…');
  const seconds = await timeNpmBuild(ROOT);
  return {
    group: 'build',
    name: 'npm run build (validate + tsc + vite build)',
    value: round(seconds, 1),
    unit: 's',
    kind: 'max',
    limit: BUILD_LIMIT_S,
    note: 'wall clock, one run',
  };
}

/** What image generation adds to a build: the same buildImages the build runs, timed alone. */
async function imageFigure(): Promise<Figure> {
  log('timing the share/print images alone…');
  const started = performance.now();
  const images = await buildImages({
    dataset: loadDataset(),
    geo: loadTopology(),
    content: contentByLang,
    site: siteUrlFromEnv(),
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    group: 'build',
    name: `share/print images alone (${images.length} PNGs)`,
    value: round(seconds, 1),
    unit: 's',
    kind: 'max',
    limit: IMAGES_LIMIT_S,
  };
}

function prerenderFigures(timings: ChartTiming[]): Figure[] {
  return timings.map((t) => ({
    group: 'prerender',
    name: `${t.chart} (slowest of zh/en × ${PRERENDER_WIDTHS.join('/')} px)`,
    value: round(t.ms, 1),
    unit: 'ms',
    kind: 'max',
    limit: PRERENDER_LIMIT_MS,
    note: `slowest: ${t.lang} at ${t.width} px; slowest warm-up (cold) render ${round(t.coldMs)} ms`,
  }));
}

function domFigures(): Figure[] {
  return MEASURED.map((page) => {
    const count = initialDomCount(join(DIST, page.file));
    return {
      group: 'pages',
      name: `${page.label} DOM elements in the initial HTML`,
      value: count.document,
      unit: '',
      kind: 'max' as const,
      limit: DOM_LIMIT,
      note: `+${count.inTemplates} in <template>s`,
    };
  });
}

function jsFigures(): Figure[] {
  const figures: Figure[] = PAGES.map((page) => ({
    group: 'pages',
    name: `${page.label} JS (gzip)`,
    value: kb(initialJsBytes(DIST, page.file)),
    unit: 'KB',
    kind: 'max',
    limit: page.jsLimitKb,
  }));
  const measured = new Set(PAGES.map((page) => page.file));
  const more = [
    ...chartIds().flatMap((chart) =>
      [`embed/${chart}/index.html`, `en/embed/${chart}/index.html`].map((file) => ({ file, limit: EMBED_JS_LIMIT_KB })),
    ),
    ...['report/index.html', 'en/report/index.html', 'data/explore/index.html', 'en/data/explore/index.html'].map(
      (file) => ({ file, limit: SITE_PAGE_JS_LIMIT_KB }),
    ),
  ];
  for (const { file, limit } of more.filter((m) => !measured.has(m.file))) {
    figures.push({
      group: 'pages',
      name: `/${file.replace(/index\.html$/, '')} JS (gzip)`,
      value: kb(initialJsBytes(DIST, file)),
      unit: 'KB',
      kind: 'max',
      limit,
    });
  }
  return figures;
}

function ratio(page: number, anchor: number): number {
  return anchor > 0 ? round(page / anchor, 3) : Number.NaN;
}

function jsRatioFigures(anchorJsBytes: number): Figure[] {
  return [
    {
      group: 'pages',
      name: `${ANCHOR_LABEL} JS (gzip)`,
      value: kb(anchorJsBytes),
      unit: 'KB',
      note: `Plot + ${ANCHOR_CHART} drawn in the browser`,
    },
    ...PAGES.map((page): Figure => ({
      group: 'pages',
      name: `${page.label} JS ÷ ${ANCHOR_LABEL} JS`,
      value: ratio(initialJsBytes(DIST, page.file), anchorJsBytes),
      unit: '×',
    })),
  ];
}

function lighthouseFigures(label: string, runs: LighthouseRun[], budgets: boolean): Figure[] {
  const mid = medianRun(runs);
  const each = (key: Exclude<keyof LighthouseRun, 'lcpElement'>, digits = 0) =>
    `runs ${runs.map((r) => round(r[key], digits)).join(', ')}`;
  const b = <T extends object>(limits: T) => (budgets ? limits : {});
  return [
    {
      group: 'pages',
      name: `${label} performance`,
      value: mid.performance,
      unit: '',
      ...b({ kind: 'min' as const, limit: PERFORMANCE_FLOOR }),
      note: `${each('performance')}; 100 at the median: ${mid.performance === 100 ? 'yes' : 'no'}`,
    },
    {
      group: 'pages',
      name: `${label} accessibility`,
      value: mid.accessibility,
      unit: '',
      ...b({ kind: 'min' as const, limit: ACCESSIBILITY_MIN }),
      note: each('accessibility'),
    },
    {
      group: 'pages',
      name: `${label} best practices`,
      value: mid.bestPractices,
      unit: '',
      note: each('bestPractices'),
    },
    { group: 'pages', name: `${label} SEO`, value: mid.seo, unit: '', note: each('seo') },
    {
      group: 'pages',
      name: `${label} LCP`,
      value: round(mid.lcpMs),
      unit: 'ms',
      ...b({ kind: 'max' as const, limit: LCP_LIMIT_MS }),
      note: `${each('lcpMs')}; element ${mid.lcpElement}`,
    },
    {
      group: 'pages',
      name: `${label} TBT`,
      value: round(mid.tbtMs),
      unit: 'ms',
      ...b({ kind: 'max' as const, limit: TBT_LIMIT_MS }),
      note: each('tbtMs'),
    },
    {
      group: 'pages',
      name: `${label} CLS`,
      value: round(mid.cls, 3),
      unit: '',
      ...b({ kind: 'max' as const, limit: CLS_LIMIT }),
      note: each('cls', 3),
    },
    { group: 'pages', name: `${label} DOM size (Lighthouse)`, value: mid.domSize, unit: '', note: each('domSize') },
    {
      group: 'pages',
      name: `${label} bytes transferred`,
      value: kb(mid.totalBytes),
      unit: 'KB',
      note: 'total-byte-weight, gzipped as served',
    },
  ];
}

/** A page's LCP over the floor's: how much the page adds to the bare text it opens with. */
function floorRatioFigures(label: string, page: LighthouseRun, floor: LighthouseRun): Figure[] {
  return [
    {
      group: 'pages',
      name: `${label} LCP ÷ floor LCP`,
      value: ratio(page.lcpMs, floor.lcpMs),
      unit: '×',
      kind: 'max',
      limit: FLOOR_RATIO_LIMIT,
    },
    {
      group: 'pages',
      name: `${label} TBT − floor TBT`,
      value: round(page.tbtMs - floor.tbtMs),
      unit: 'ms',
      note: "the floor runs no script: its TBT is the machine's own",
    },
  ];
}

async function servedFigures(withLighthouse: boolean, raw: Record<string, unknown>): Promise<Figure[]> {
  const figures: Figure[] = [];
  log(`building the ${ANCHOR_LABEL} (${ANCHOR_CHART} with Plot in the browser) and the floor page…`);
  const floor = buildFloorPage();
  try {
    return await using(buildPlotAnchor(ROOT), (anchor) =>
      using(
        serveStatic(
          [
            { prefix: '/', dir: DIST },
            { prefix: ANCHOR_PREFIX, dir: anchor.dir },
            { prefix: FLOOR_PREFIX, dir: floor.dir },
          ],
          join(DIST, '404.html'),
        ),
        async (server) => {
          const anchorUrl = server.url + ANCHOR_PREFIX.slice(1);
          await using(
            launchChromium().then((browser) => ({ browser, teardown: () => browser.close() })),
            async ({ browser }) => {
              const marks = await checkAnchorRenders(browser, anchorUrl);
              log(`${ANCHOR_LABEL} draws its chart in Chromium (${marks} marks)`);
              for (const path of ['data/explore/', 'en/data/explore/']) {
                const { median: ms, rows } = await exploreFilterMedianMs(browser, server.url + path);
                figures.push({
                  group: 'pages',
                  name: `/${path} filter + re-render ${rows} rows`,
                  value: round(ms, 2),
                  unit: 'ms',
                  kind: 'max',
                  limit: EXPLORE_FILTER_LIMIT_MS,
                  note: 'median of 60',
                });
              }
            },
          );
          figures.push(...jsRatioFigures(initialJsBytes(anchor.dir, 'index.html')));
          if (!withLighthouse) return figures;
          const floorUrl = server.url + FLOOR_PREFIX.slice(1);
          const urls = [...MEASURED.map((page) => server.url + page.label.slice(1)), floorUrl];
          log(`Lighthouse 12, mobile defaults, all four categories, ${RUNS} rounds over ${urls.length} pages…`);
          const results = await using(startLighthouseChrome(), (chrome) =>
            lighthouseRounds(urls, chrome.port, RUNS, log),
          );
          const floorRuns = results.get(floorUrl)!;
          raw.lighthouse = Object.fromEntries([...results].map(([url, runs]) => [url.replace(server.url, '/'), runs]));
          MEASURED.forEach((page, i) => figures.push(...lighthouseFigures(page.label, results.get(urls[i]!)!, true)));
          figures.push(...lighthouseFigures(FLOOR_LABEL, floorRuns, false));
          MEASURED.forEach((page, i) =>
            figures.push(...floorRatioFigures(page.label, medianRun(results.get(urls[i]!)!), medianRun(floorRuns))),
          );
          return figures;
        },
      ),
    );
  } finally {
    await floor.teardown();
  }
}

async function main(): Promise<number> {
  const withLighthouse = !process.argv.includes('--no-lighthouse');
  // The build and the images the bench times and serves are the released kind (the spawned build inherits this).
  process.env.SITE_URL ??= BENCH_SITE_URL;
  log(`SITE_URL=${process.env.SITE_URL}`);
  const loadBefore = loadavg();
  log(`load average before: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
  const raw: Record<string, unknown> = {};
  const figures: Figure[] = [await buildFigure()];
  figures.push(await imageFigure());
  log(`timing every chart's prerender (${PRERENDER_RUNS} runs after a warm-up, per language and width)…`);
  const timings = prerenderTimings({ dataset: loadDataset(), geo: loadTopology() }, PRERENDER_RUNS);
  raw.prerender = timings;
  figures.push(...prerenderFigures(timings));
  figures.push(...domFigures(), ...jsFigures());
  figures.push(...(await servedFigures(withLighthouse, raw)));
  const loadAfter = loadavg();

  for (const line of formatFigures(figures)) log(line);
  log('');
  log(
    `prerender: renderChart in Node with a linkedom document, median of ${PRERENDER_RUNS} runs after one warm-up, per chart the slowest language × width.`,
  );
  if (withLighthouse)
    log(
      `Lighthouse: median of ${RUNS} runs per figure, each metric's median on its own; pages served gzipped by scripts/lib/static-server.ts.`,
    );
  else log('Lighthouse skipped (--no-lighthouse).');
  log(
    `load average before: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}; after: ${loadAfter.map((l) => l.toFixed(2)).join(' ')} (2 cores, shared)`,
  );
  const missed = figures.filter((f) => verdict(f) === 'OVER');
  writeJson(join(ROOT, 'test-artifacts', 'bench.json'), {
    date: new Date().toISOString(),
    lighthouse: withLighthouse,
    loadavg: { before: loadBefore, after: loadAfter },
    figures,
    raw,
  });
  log(missed.length === 0 ? 'all budgets met' : `${missed.length} budget(s) missed`);
  return missed.length === 0 ? 0 : 1;
}

process.exit(await main());
