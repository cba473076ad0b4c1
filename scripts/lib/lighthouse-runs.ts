import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';
import { median } from './figures';

/** What one Lighthouse run (mobile preset, its defaults) says about a page. */
export interface LighthouseRun {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  domSize: number;
  totalBytes: number;
  /** What Lighthouse names as the LCP element (its selector and a snippet of its text). */
  lcpElement: string;
}

const METRICS: Array<Exclude<keyof LighthouseRun, 'lcpElement'>> = [
  'performance',
  'accessibility',
  'bestPractices',
  'seo',
  'lcpMs',
  'tbtMs',
  'cls',
  'domSize',
  'totalBytes',
];

export interface LighthouseChrome {
  port: number;
  teardown: () => Promise<void>;
}

/** Launches the Chromium Lighthouse drives; the teardown kills it. */
export async function startLighthouseChrome(): Promise<LighthouseChrome> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS });
  return {
    port: chrome.port,
    teardown: async () => {
      chrome.kill();
    },
  };
}

/** The first DOM node an audit's details name, as "selector (label)". */
function firstNode(details: unknown): string {
  if (!details || typeof details !== 'object') return '';
  const node = (details as { node?: { selector?: string; nodeLabel?: string } }).node;
  if (node) return `${node.selector ?? '?'} (${(node.nodeLabel ?? '').slice(0, 40)})`;
  for (const value of Object.values(details)) {
    const found = firstNode(value);
    if (found) return found;
  }
  return '';
}

/** The four categories every run scores. */
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** One Lighthouse 12 run with its default (mobile, simulated throttling) settings, all four categories. */
async function lighthouseRun(url: string, port: number): Promise<LighthouseRun> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError)
    throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const audit = (id: string): number => {
    const value = lhr.audits[id]?.numericValue;
    if (value === undefined) throw new Error(`Lighthouse gave no ${id} for ${url}`);
    return value;
  };
  const score = (id: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[id]?.score ?? Number.NaN) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    domSize: audit('dom-size'),
    totalBytes: audit('total-byte-weight'),
    lcpElement: firstNode(lhr.audits['largest-contentful-paint-element']?.details) || 'none named',
  };
}

/**
 * `runs` Lighthouse runs of every page, round-robin (run 1 of each page, then run 2…), so a change
 * in the machine's load falls on all pages alike. Returns every run per URL.
 */
export async function lighthouseRounds(
  urls: string[],
  port: number,
  runs: number,
  log: (line: string) => void,
): Promise<Map<string, LighthouseRun[]>> {
  const results = new Map<string, LighthouseRun[]>(urls.map((url) => [url, []]));
  for (let round = 1; round <= runs; round++) {
    for (const url of urls) {
      const run = await lighthouseRun(url, port);
      results.get(url)!.push(run);
      log(
        `  lighthouse run ${round}/${runs} ${url}: performance ${run.performance}, accessibility ${run.accessibility}, best practices ${run.bestPractices}, SEO ${run.seo}, LCP ${Math.round(run.lcpMs)} ms, TBT ${Math.round(run.tbtMs)} ms, CLS ${run.cls.toFixed(3)}`,
      );
    }
  }
  return results;
}

/** The median of each metric on its own across runs (so the median LCP and median TBT may come from different runs); every LCP element named. */
export function medianRun(runs: LighthouseRun[]): LighthouseRun {
  const medians = Object.fromEntries(METRICS.map((key) => [key, median(runs.map((run) => run[key]))]));
  const elements = [...new Set(runs.map((run) => run.lcpElement))];
  return { ...medians, lcpElement: elements.join(' | ') } as LighthouseRun;
}
