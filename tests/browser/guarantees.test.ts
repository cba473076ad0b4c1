import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sharedBrowser, afterNextFrames, pageReady } from '../support/browser';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server';
import { DEFAULT_INPUT_FILES, loadSiteInputs } from '../../src/site/inputs';
import { renderSite, type SiteAssets } from '../../src/site/render-site';
import { SITE_ASSETS_FILE } from '../../src/site/vite-plugin';
import { parseSiteUrl } from '../../src/publish/site-url';
import { site } from '../support/site';
import { startHostServer, type HostServer } from '../support/host-server';
import { hostileQueries, FUZZ_MARKER } from '../support/fuzz';
import { chartIds } from '../../src/charts/registry';
import { embedCode } from '../../src/embed/embed-code';
import { newDocument } from '../../src/site/html-document';
import { SCRIPTED_PARTS_FILE } from '../../src/site/move-templates-out';
import { MODULE_LOADER_SOURCE } from '../../src/site/module-loader';
import { DEFAULT_EMBED_OPTIONS } from '../../src/embed/options';

const { baseUrl } = site;
const ids = chartIds();
const browser = sharedBrowser();

/**
 * The site's pages rendered from a hostile dataset and report (renderSite: no Vite, no images),
 * beside the scripts of the run's one build (they do not depend on the data), served at '/'.
 */
async function serveHostileSite(dataset: string, report: string, out: string): Promise<StaticServer> {
  const inputs = loadSiteInputs({ ...DEFAULT_INPUT_FILES, dataset, report });
  const assets = JSON.parse(readFileSync(join(site.distDir, SITE_ASSETS_FILE), 'utf8')) as SiteAssets;
  rmSync(out, { recursive: true, force: true });
  for (const [path, body] of renderSite(inputs, assets, parseSiteUrl(site.siteUrl))) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), body);
  }
  cpSync(join(site.distDir, 'assets'), join(out, 'assets'), { recursive: true });
  cpSync(join(site.distDir, 'embed/loader.js'), join(out, 'embed/loader.js'));
  return serveStatic([{ prefix: '/', dir: out }], join(out, '404.html'));
}

/** Elements that only exist if a string from data or a URL became markup. */
const INJECTED =
  'img[src="x"], [onerror], [onload]:not(body), [onmouseover], iframe[srcdoc], script:not([src]), b, svg[onload]';

describe('hostile data', () => {
  const OUT = 'test-artifacts/hostile-site';
  const FILE = 'test-artifacts/hostile-metrics.json';
  const REPORT = 'test-artifacts/hostile-report.txt';
  let served: StaticServer;
  const payloads = {
    label: '<img src=x onerror="window.__pwned=1">地区生产总值增长',
    // String.replace patterns: a page built by splicing strings would paste template parts here.
    labelEn: "</script><script>window.__pwned=2</script>GDP growth US$' $& $` $$",
    note: '<svg onload=window.__pwned=3>口径不同</svg>',
    // Quotes must be verbatim in the report, so the hostile build reads a copy of the report that
    // carries this one; no digits in the markup, or the ledger would find unaccounted numbers.
    quote: '<b onmouseover=window.__pwned=true>6.5%以上</b>',
    project: '<iframe srcdoc="<script>parent.__pwned=true</script>">长乐镇',
    measure: '<svg onload=window.__pwned=true>美丽乡村路</svg>',
  };

  beforeAll(async () => {
    const dataset = JSON.parse(readFileSync('data/metrics.json', 'utf8'));
    const gdp = dataset.metrics.find((m: { id: string }) => m.id === 'gdp-growth');
    gdp.label.zh = payloads.label;
    gdp.label.en = payloads.labelEn;
    dataset.records.find((r: { id: string }) => r.id === gdp.target2025).quote = payloads.quote;
    dataset.records.find((r: { id: string }) => r.id === 'rural-roads-2024').measure.zh = payloads.measure;
    dataset.metrics.find((m: { id: string }) => m.id === 'rural-roads').note.zh = payloads.note;
    const project = dataset.projects.find((p: { id: string }) => p.id === 'changle-bamboo-base-2024');
    const projectQuote = project.quote as string;
    project.quote = payloads.project;
    project.label.zh = payloads.label;
    project.label.en = payloads.labelEn; // the glossary asks an English label to carry "GDP" where the Chinese says 地区生产总值
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync(FILE, JSON.stringify(dataset));
    const original = readFileSync('data/sources/gaoping-2025-work-report.txt', 'utf8');
    // The quotes must be in the report the build reads: a copy carries the payloads where the quotes were.
    let report = original.replace('地区生产总值增长6.5%以上', `地区生产总值增长${payloads.quote}`);
    expect(report.split(projectQuote)).toHaveLength(2);
    report = report.split(projectQuote).join(payloads.project);
    writeFileSync(REPORT, report);
    served = await serveHostileSite(FILE, REPORT, OUT);
  });
  afterAll(async () => {
    await served?.teardown();
    rmSync(OUT, { recursive: true, force: true });
  });

  it.each([
    ['the story', ''],
    ['the English story', 'en/'],
    ['an embed', 'embed/headline-targets/'],
    ['the map embed', 'embed/town-map/'],
    ['the sector embed', 'embed/sector-livelihoods/'],
    ['the desk', 'embed/'],
    ['the data page', 'data/'],
    ['the annotated report', 'report/'],
    ['the explorer', 'data/explore/'],
  ])('%s shows the payloads as text and runs none of them', async (_name, path) => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(served.url + path);
    await pageReady(page);
    if (path.includes('town-map') || path === '') {
      await page.locator('.chart-svg:visible [data-town="511303107"]').first().click();
      await expect.poll(() => page.locator('.map-panel:visible').count()).toBeGreaterThan(0);
      expect(await page.locator('.map-panel:visible').first().textContent()).toContain(payloads.project);
    }
    await page.mouse.move(300, 300);
    await afterNextFrames(page);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const html = await (await page.request.get(served.url + path)).text();
    expect(html.match(/<\/html>/g) ?? []).toHaveLength(1);
    const main = page.locator('main');
    expect(await main.locator(INJECTED).count()).toBe(0);
    const text = (await main.textContent()) ?? '';
    // Each payload must be on the page as literal text where that string is shown.
    if (path === '' || path === 'embed/headline-targets/') expect(text).toContain(payloads.label);
    if (path === 'en/' || path === 'en/embed/headline-targets/') expect(text).toContain(payloads.labelEn);
    if (path === '' || path === 'embed/town-map/') expect(text).toContain(payloads.project);
    if (path === 'embed/sector-livelihoods/' || path === '') expect(text).toContain(payloads.note);
    if (path === 'embed/sector-livelihoods/' || path === '') expect(text).toContain(payloads.measure);
    if (path === 'report/' || path === 'data/explore/') {
      for (const payload of [payloads.quote, payloads.project, payloads.label]) expect(text).toContain(payload);
    }
    await context.close();
  });

  it('keeps the payload literal in the downloads', () => {
    expect(readFileSync(`${OUT}/embed/headline-targets/data.csv`, 'utf8')).toContain(payloads.quote);
    expect(readFileSync(`${OUT}/embed/headline-targets/chart.svg`, 'utf8')).toContain('&lt;img src=x onerror=');
  });
});

/** The forged messages of the loader test, as the host page records them (JSON of event.data). */
const FORGED = [
  { sentinel: 'amp', type: 'embed-size', height: 4321 },
  { sentinel: 'amp', type: 'embed-size', height: 4322 },
  { sentinel: 'amp', type: 'embed-size', height: '999' },
  { sentinel: 'amp', type: 'embed-size', height: 1e9 },
  { sentinel: 'amp', type: 'embed-size', height: -5 },
  { sentinel: 'amp', type: 'size', height: 999 },
  null,
  'embed-size',
  [999],
].map((message) => JSON.stringify(message));

async function collectViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
}

describe('Content-Security-Policy', () => {
  it.each([
    '',
    'en/',
    'embed/town-map/',
    'en/embed/headline-targets/',
    'embed/',
    'data/',
    'en/data/',
    'report/',
    'en/report/',
    'data/explore/',
    'en/data/explore/',
    'no-such-page/',
  ])('/%s carries a strict CSP and loads with no violation', async (path) => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await collectViolations(page);
    await page.goto(baseUrl + path);
    await pageReady(page);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toContain("object-src 'none'");
    if (path === '') await page.click('.show-all-toggle');
    if (path.includes('embed/') && path !== 'embed/') {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('.embed-png')]);
      expect(download.suggestedFilename()).toMatch(/\.png$/);
    }
    await page.waitForLoadState('load');
    await afterNextFrames(page);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    await context.close();
  });
});

describe('first paint', () => {
  it.each(['', 'en/', 'embed/town-map/', 'data/explore/'])(
    '/%s requests no script before its first contentful paint, and its scripts then run',
    async (path) => {
      const context = await browser().newContext({ viewport: { width: 375, height: 667 } });
      const page = await context.newPage();
      await page.goto(baseUrl + path);
      await pageReady(page);
      // The page's own scripts have been requested (recorded by the page's resource timing).
      await page.waitForFunction(() =>
        performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('.js')),
      );
      const timing = await page.evaluate(() => ({
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        scripts: performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.endsWith('.js'))
          .map((entry) => entry.startTime),
      }));
      expect(timing.paint).toBeGreaterThan(0);
      for (const start of timing.scripts) expect(start).toBeGreaterThanOrEqual(timing.paint);
      // And they run: the story marks itself ready; every page's loader has inserted its modules.
      if (path === '' || path === 'en/') await pageReady(page);
      expect(await page.locator('script[type="module"][src]').count()).toBeGreaterThan(0);
      await context.close();
    },
  );
});

describe('hostile URL parameters', () => {
  // About a third of 100 page loads each for embeds, story (the same strings) and explorer
  // (tests/browser/report.test.ts): enough to reach every family of hostile string in the
  // generator. The parser itself gets 2000 more in tests/unit/options.test.ts.
  const queries = hostileQueries(34);

  async function fuzz(pathFor: (i: number) => string, rendered: string, list = queries): Promise<void> {
    const context = await browser().newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const [i, query] of list.entries()) {
      await page.goto(baseUrl + pathFor(i) + query, { waitUntil: 'load' });
      await pageReady(page);
      const state = await page.evaluate(
        ([marker, injected, chart]) => ({
          hit: (window as unknown as Record<string, unknown>)[marker!],
          injected: document.querySelectorAll(injected!).length,
          charts: Array.from(document.querySelectorAll(chart!)).filter((el) => el.getBoundingClientRect().width > 0)
            .length,
          theme: document.documentElement.dataset.theme ?? 'none',
          // The page's one inline script is the module loader, as built.
          loaders: Array.from(document.querySelectorAll('script[data-modules]')).map((script) => script.textContent),
        }),
        [
          FUZZ_MARKER,
          `main ${INJECTED.split(', ').join(', main ')}, head script:not([src]):not([data-modules])`,
          rendered,
        ],
      );
      expect(state.loaders, query).toEqual([MODULE_LOADER_SOURCE]);
      expect(state.hit, query).toBeUndefined();
      expect(state.injected, query).toBe(0);
      expect(state.charts, query).toBeGreaterThan(0);
      expect(['none', 'light', 'dark', 'auto'], query).toContain(state.theme);
      expect(errors, query).toEqual([]);
    }
    await context.close();
  }

  it('34 generated strings never break an embed page', async () => {
    await fuzz((i) => `${i % 2 ? 'en/' : ''}embed/${ids[i % ids.length]}/`, '.chart-svg svg');
  });

  it('33 generated strings never break the story', async () => {
    await fuzz((i) => (i % 2 ? 'en/' : ''), 'figure.chart svg', queries.slice(0, 33));
  });
});

describe('postMessage', () => {
  let host: HostServer;
  beforeAll(async () => {
    host = await startHostServer();
  });
  afterAll(async () => {
    await host?.close();
  });

  it('the loader only believes well-formed height messages from its own iframe', async () => {
    const context = await browser().newContext({ viewport: { width: 800, height: 900 } });
    const page = await context.newPage();
    await page.goto(
      `${host.url}loader-host.html?code=${encodeURIComponent(embedCode(newDocument(), baseUrl, 'fdi-annotated', 'zh', DEFAULT_EMBED_OPTIONS, 'FDI'))}`,
    );
    const iframe = page.locator('iframe[data-gaoping-embed]');
    const embed = () => page.frames().find((f) => f.url().startsWith(baseUrl));
    await expect.poll(() => embed() !== undefined).toBe(true);
    const settled = async () => {
      const frame = embed()!;
      const inner = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
      return Math.abs(Number(await iframe.getAttribute('height')) - inner);
    };
    await expect.poll(settled, { timeout: 10_000 }).toBeLessThanOrEqual(3);
    // Record every height the iframe is given: the embed corrects a wrong height on its next
    // resize, so only the record shows whether a bad message was ever believed.
    await page.evaluate(() => {
      const frame = document.querySelector('iframe[data-gaoping-embed]')!;
      const heights: string[] = [];
      const seen: string[] = [];
      (window as unknown as { __heights: string[] }).__heights = heights;
      (window as unknown as { __seen: string[] }).__seen = seen;
      new MutationObserver(() => heights.push(frame.getAttribute('height') ?? '')).observe(frame, {
        attributes: true,
        attributeFilter: ['height'],
      });
      window.addEventListener('message', (event) => seen.push(JSON.stringify(event.data)));
    });

    // An unrelated frame, and the host page itself, send a perfectly shaped message.
    await page.evaluate(() => {
      const rogue = document.createElement('iframe');
      rogue.srcdoc = "<script>parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: 4321 }, '*')</script>";
      document.body.appendChild(rogue);
      window.postMessage({ sentinel: 'amp', type: 'embed-size', height: 4322 }, '*');
    });
    // The embed's own window sends malformed ones.
    await embed()!.evaluate(() => {
      for (const bad of [
        { sentinel: 'amp', type: 'embed-size', height: '999' },
        { sentinel: 'amp', type: 'embed-size', height: 1e9 },
        { sentinel: 'amp', type: 'embed-size', height: -5 },
        { sentinel: 'amp', type: 'size', height: 999 },
        null,
        'embed-size',
        [999],
      ]) {
        parent.postMessage(bad, '*');
      }
    });
    // Every forged message has reached the host page (the loader's listener ran for each in the
    // same dispatch) before anything is judged: a recorded condition, not a sleep.
    await expect
      .poll(
        () =>
          page.evaluate(
            (expected) => expected.every((m) => (window as unknown as { __seen: string[] }).__seen.includes(m)),
            FORGED,
          ),
        { timeout: 10_000 },
      )
      .toBe(true);
    // The embed may legitimately re-send its own height; none of the forged values may ever appear.
    const given = await page.evaluate(() => (window as unknown as { __heights: string[] }).__heights);
    for (const forged of ['4321', '4322', '999', '1000000000', '-5']) expect(given).not.toContain(forged);

    // A well-formed message from the embed itself is believed. The embed's resize observer puts
    // its real height back within milliseconds, so the record, not the live attribute, is asserted.
    await embed()!.evaluate(() => parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: 777 }, '*'));
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __heights: string[] }).__heights.includes('777')), {
        timeout: 10_000,
      })
      .toBe(true);
    await context.close();
  });
});

describe('broken networks', () => {
  /** Lets every route handler in flight finish before the context closes. The loader starts the
   * scripts after the first paint, so a handler can still be holding a request when a test has seen
   * all it needs; closing under it rejects that handler outside any test (CI exited 1 on that). */
  async function closeAfterRoutes(page: Page): Promise<void> {
    await page.unrouteAll({ behavior: 'wait' });
    await page.context().close();
  }

  const failures: Array<[string, Parameters<Page['route']>[1]]> = [
    ['aborted', (route) => route.abort()],
    ['a 500', (route) => route.fulfill({ status: 500, body: 'server error' })],
    [
      'slow',
      async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      },
    ],
    [
      'truncated',
      async (route) => {
        const response = await route.fetch();
        const body = await response.text();
        await route.fulfill({ response, body: body.slice(0, body.length / 2) });
      },
    ],
  ];

  it.each(failures)('with every script %s, every prerendered chart still shows', async (_name, handler) => {
    const context = await browser().newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const runtimeFetches: string[] = [];
    page.on('request', (request) => {
      if (['fetch', 'xhr'].includes(request.resourceType())) runtimeFetches.push(request.url());
    });
    await page.route('**/*.js', handler);
    for (const path of ['', 'en/embed/town-map/']) {
      await page.goto(baseUrl + path, { waitUntil: 'domcontentloaded' });
      const figures = page.locator('figure.chart');
      const count = await figures.count();
      expect(count).toBeGreaterThan(0);
      for (const figure of await figures.all()) expect(await figure.locator('svg').first().count()).toBe(1);
      const visible = await page.evaluate(
        () =>
          Array.from(document.querySelectorAll('figure.chart .chart-svg--narrow svg')).filter(
            (svg) => svg.getBoundingClientRect().height > 50,
          ).length,
      );
      expect(visible).toBeGreaterThan(0);
    }
    // The only thing a phone fetches at run time is what the script itself uses (its file beside the
    // page); the charts never wait on a fetch.
    expect(runtimeFetches.filter((url) => !url.endsWith(`/${SCRIPTED_PARTS_FILE}`))).toEqual([]);
    await closeAfterRoutes(page);
  });

  /**
   * A page at this size whose requests matching `pattern` go through `handler`: records page errors
   * and whether the file was asked for at all.
   */
  async function pageWithBrokenFile(
    viewport: { width: number; height: number },
    pattern: string,
    handler: Parameters<Page['route']>[1],
  ): Promise<{ page: Page; errors: string[]; asked: () => boolean }> {
    const page = await (await browser().newContext({ viewport })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    let asked = false;
    await page.route(pattern, (route, request) => {
      asked = true;
      return handler(route, request);
    });
    return { page, errors, asked: () => asked };
  }

  it.each(failures)(
    'on a phone, with the scripted-parts file %s, the current step still shows one whole chart',
    async (_name, handler) => {
      const { page, errors, asked } = await pageWithBrokenFile(
        { width: 375, height: 667 },
        `**/${SCRIPTED_PARTS_FILE}`,
        handler,
      );
      // A step that shows a phone's group of rows: those groups are in the file.
      await page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
      const step = await page.evaluate(() => document.querySelector<HTMLElement>('.step[data-group]')?.id ?? '');
      expect(step).not.toBe('');
      await page.goto(`${baseUrl}#${step}`);
      await expect.poll(asked).toBe(true);
      const outcome = await page
        .waitForFunction(() => document.documentElement.dataset.scriptedParts)
        .then((handle) => handle.jsonValue());
      expect(outcome).toBe(_name === 'slow' ? 'in' : 'failed');
      // The rest of the page's behaviour starts either way.
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      await expect
        .poll(() =>
          page.evaluate((id) => {
            const current = document.getElementById(id)!;
            const figure = current
              .closest('.scrolly')!
              .querySelector<HTMLElement>(`.scrolly-graphic .chart[data-chart="${current.dataset.chart}"]`)!;
            const shown = Array.from(figure.querySelectorAll<HTMLElement>('.chart-svg')).filter(
              (box) => getComputedStyle(box).display !== 'none' && box.querySelector('svg'),
            );
            // Slow: the step's own group once the file is in. Failed: the whole phone-width chart.
            return shown.map((box) => (box.classList.contains('chart-svg--step') ? 'group' : 'whole')).join();
          }, step),
        )
        .toBe(_name === 'slow' ? 'group' : 'whole');
      expect(errors).toEqual([]);
      await closeAfterRoutes(page);
    },
  );

  it.each(failures)(
    'on a wide screen, with the wide charts file %s, the story keeps its phone-width charts',
    async (_name, handler) => {
      const { page, errors, asked } = await pageWithBrokenFile(
        { width: 1280, height: 900 },
        '**/wide-charts.html',
        handler,
      );
      await page.goto(baseUrl);
      await expect.poll(asked).toBe(true);
      // The page has settled: the file came in whole, or the page gave up on it.
      const outcome = await page
        .waitForFunction(() => document.documentElement.dataset.wideCharts)
        .then((handle) => handle.jsonValue());
      expect(outcome).toBe(_name === 'slow' ? 'in' : 'failed');
      // A figure shows either its whole wide chart or its phone-width one, never half of one.
      await expect
        .poll(() =>
          page.evaluate(() =>
            Array.from(document.querySelectorAll<HTMLElement>('.scrolly-graphic .chart')).every((figure) => {
              const shown = Array.from(figure.querySelectorAll<SVGSVGElement>('.chart-svg svg')).filter(
                (svg) => getComputedStyle(svg.parentElement!).display !== 'none',
              );
              return shown.length === 1 && shown[0]!.querySelector('.chart-source, .map-legend') !== null;
            }),
          ),
        )
        .toBe(true);
      expect(errors).toEqual([]);
      await closeAfterRoutes(page);
    },
  );
});
