import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULE_LOADER_SOURCE } from '../../src/site/module-loader';
import type { Frame, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { sharedBrowser, pageReady } from '../support/browser';
import { startHostServer, type HostServer } from '../support/host-server';
import { chartIds } from '../../src/charts/registry';
import { embedCode } from '../../src/embed/embed-code';
import { newDocument } from '../../src/site/html-document';
import { EMBED_ATTRIBUTE as HOST_EMBED_ATTRIBUTE } from '../../src/embed/host';
import { EMBED_ATTRIBUTE } from '../../src/embed/embed-code';
import { DEFAULT_EMBED_OPTIONS } from '../../src/embed/options';
import { site } from '../support/site';
import { seriousViolations } from '../support/axe';
import { pngInk, pngSize } from '../support/png';

const { baseUrl } = site;
const browser = sharedBrowser();
let host: HostServer;

beforeAll(async () => {
  host = await startHostServer();
});
afterAll(async () => {
  await host?.close();
});

async function embedFrame(page: Page): Promise<Frame> {
  // The loader adds the iframe, then sets its address: wait for a frame that is at the embed.
  const atEmbed = () => page.frames().find((f) => f.url().startsWith(baseUrl));
  await expect.poll(() => atEmbed() !== undefined, { timeout: 10_000 }).toBe(true);
  const frame = atEmbed()!;
  await frame.waitForLoadState('load');
  return frame;
}

/** |iframe height − embed document height|, in px, as the host page sees it. */
async function heightGap(page: Page, frame: Frame): Promise<number> {
  const iframeHeight = await page.locator('iframe').evaluate((el) => el.getBoundingClientRect().height);
  const documentHeight = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  return Math.abs(iframeHeight - documentHeight);
}

async function expectFits(page: Page, frame: Frame, label: string): Promise<void> {
  await expect.poll(() => heightGap(page, frame), { timeout: 10_000, message: label }).toBeLessThanOrEqual(3);
}

const ids = chartIds();

describe.each([
  ['pym.js Parent', 'pym-host.html'],
  ['@newswire/frames', 'frames-host.html'],
])('embeds in a host using %s', (_name, fixture) => {
  it.each(ids)('%s: iframe height follows the content at 375 → 1280 → 375 px', async (id) => {
    const context = await browser().newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${host.url}${fixture}?src=${encodeURIComponent(`${baseUrl}embed/${id}/`)}`);
    const frame = await embedFrame(page);
    await expectFits(page, frame, `${id} after load`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectFits(page, frame, `${id} at 1280`);
    await page.setViewportSize({ width: 375, height: 800 });
    await expectFits(page, frame, `${id} back at 375`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the embed code (iframe + loader)', () => {
  it('sizes the iframe on a third-party page', async () => {
    const context = await browser().newContext({ viewport: { width: 414, height: 800 } });
    const page = await context.newPage();
    const code = embedCode(newDocument(), baseUrl, 'town-map', 'en', DEFAULT_EMBED_OPTIONS, 'Map');
    await page.goto(`${host.url}loader-host.html?code=${encodeURIComponent(code)}`);
    const frame = await embedFrame(page);
    await expectFits(page, frame, 'loader host');
    await context.close();
  });

  it('uses one marker attribute on both sides', () => {
    expect(HOST_EMBED_ATTRIBUTE).toBe(EMBED_ATTRIBUTE);
  });
});

/** What sits under the chart in an embed, read inside the frame: the footer's lines and every visible control outside the chart. */
async function underChart(frame: Frame) {
  return frame.evaluate(() => {
    const footer = document.querySelector<HTMLElement>('.embed-footer')!;
    const lineHeight = parseFloat(getComputedStyle(footer).lineHeight);
    const items = Array.from(footer.children).map((item) => item.getBoundingClientRect());
    const visible = (element: Element) =>
      element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
    const controls = Array.from(document.querySelectorAll('a, button, summary')).filter(
      (element) => visible(element) && !element.closest('.chart-svg, .embed-tabs'),
    );
    return {
      lines: Math.round(footer.getBoundingClientRect().height / lineHeight),
      tops: new Set(items.map((rect) => Math.round(rect.top))).size,
      footerText: footer.textContent,
      controls: controls.map((element) => element.textContent?.trim()),
    };
  });
}

describe.each([[320], [700]])('an embed pasted into a page on another origin, %i px wide', (width) => {
  it.each(['light', 'dark'] as const)(
    '%s theme: one footer line (source · get the data · download image) and an iframe exactly as tall as the page',
    async (theme) => {
      const context = await browser().newContext({ viewport: { width, height: 800 }, colorScheme: theme });
      const page = await context.newPage();
      for (const [lang, id] of [
        ['zh', 'headline-targets'],
        ['en', 'level-target-shifts'],
        ['en', 'town-map'],
        ['zh', 'fdi-annotated'],
      ] as const) {
        const code = embedCode(newDocument(), baseUrl, id, lang, { ...DEFAULT_EMBED_OPTIONS, theme }, id);
        await page.goto(`${host.url}loader-host.html?code=${encodeURIComponent(code)}`);
        expect(new URL(host.url).origin).not.toBe(new URL(baseUrl).origin);
        const frame = await embedFrame(page);
        await frame.waitForFunction(() => !document.querySelector('.embed-tabs')?.hasAttribute('hidden'));
        await expect
          .poll(() => heightGap(page, frame), { timeout: 10_000, message: `${id} ${lang} ${theme}` })
          .toBeLessThanOrEqual(1);
        const under = await underChart(frame);
        expect(under.lines, `${id} ${lang}: ${under.footerText}`).toBe(1);
        expect(under.tops, id).toBe(1);
        expect(under.controls, id).toEqual(
          lang === 'zh' ? ['来源', '获取数据', '下载图片'] : ['Source', 'Get the data', 'Download image'],
        );
        expect(await frame.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        // The table is one tap away, and the iframe follows it.
        await frame.locator('.embed-tab[data-view="table"]').click();
        await expect.poll(() => frame.locator('.chart-data table').first().isVisible()).toBe(true);
        expect(await frame.locator('.chart-svg svg').first().isVisible()).toBe(false);
        await expect
          .poll(() => heightGap(page, frame), { timeout: 10_000, message: `${id} table` })
          .toBeLessThanOrEqual(1);
        expect((await underChart(frame)).lines, id).toBe(1);
      }
      await context.close();
    },
  );
});

describe('embed render flags', () => {
  it('shows print images, the citation and the language link only when the URL asks', async () => {
    const context = await browser().newContext({ viewport: { width: 700, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}embed/headline-targets/`);
    await pageReady(page);
    expect(await page.locator('.print-images').isVisible()).toBe(false);
    expect(await page.locator('.embed-cite').isVisible()).toBe(false);
    expect(await page.locator('.embed-language').isVisible()).toBe(false);
    await page.goto(`${baseUrl}embed/headline-targets/?print=1&cite=1&langlink=1`);
    await pageReady(page);
    await expect.poll(() => page.locator('.print-images').isVisible()).toBe(true);
    expect(await page.locator('.embed-cite').isVisible()).toBe(true);
    expect(await page.locator('.embed-language a').getAttribute('hreflang')).toBe('en');
    await context.close();
  });
});

describe('embed pages', () => {
  it.each([[280], [1200]])(
    'fit %i px without horizontal scrolling, with title, source, story and data links',
    async (width) => {
      const context = await browser().newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const id of ids) {
        await page.goto(`${baseUrl}embed/${id}/`);
        await pageReady(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        expect(await page.locator('.chart-title').isVisible()).toBe(true);
        expect(await page.locator('.chart-svg:visible .chart-source').count()).toBe(1);
        expect(await page.locator('.embed-footer > :visible').count()).toBe(3);
      }
      await context.close();
    },
  );

  it.each(['embed/town-map/', 'en/embed/town-map/'])("%s opens a town's projects on click", async (path) => {
    const context = await browser().newContext({ viewport: { width: 800, height: 900 } });
    const page = await context.newPage();
    await page.goto(baseUrl + path);
    await pageReady(page);
    await pageReady(page);
    await page.locator('.chart-svg:visible [data-town="511303107"]').click();
    const panel = page.locator('.map-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('.project').count()).toBe(await page.locator('#town-511303107 .project').count());
    expect(await panel.textContent()).toContain('长乐镇创建省级现代竹产业基地');
    await context.close();
  });

  it('shows the chart without JavaScript', async () => {
    const context = await browser().newContext({ viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const id of ids) {
      await page.goto(`${baseUrl}en/embed/${id}/`);
      await pageReady(page);
      expect(await page.locator('.chart-svg:visible svg').count(), id).toBe(1);
    }
    await context.close();
  });

  it('survives malformed URL parameters with the defaults', async () => {
    const context = await browser().newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const query of [
      '?theme=%3Cscript%3Ealert(1)%3C/script%3E&title=maybe',
      '?theme=dark&theme=<b>',
      '?title=%E0%A4%A',
      `?theme=${'x'.repeat(5000)}`,
      '?theme[]=dark&title=0&title=1',
    ]) {
      await page.goto(`${baseUrl}embed/headline-targets/${query}`);
      await pageReady(page);
      expect(await page.locator('.chart-svg:visible svg').isVisible(), query).toBe(true);
      expect(await page.evaluate(() => document.documentElement.dataset.theme), query).toMatch(/^(light|dark)$/);
      // No script came in through the address: the one inline script is the module loader, as built.
      expect(await page.locator('script:not([src]):not([data-modules])').count()).toBe(0);
      expect(await page.locator('script[data-modules]').allTextContents()).toEqual([MODULE_LOADER_SOURCE]);
    }
    await page.goto(`${baseUrl}embed/headline-targets/?theme=%3Cb%3E&title=0`);
    await pageReady(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await page.evaluate(() => document.documentElement.classList.contains('no-title'))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports the framed 2× PNG built with the site (title, source, credit, margin), not blank', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}embed/headline-targets/`);
    await pageReady(page);
    const svgSize = await page
      .locator('.chart-svg:visible svg')
      .evaluate((svg) => ({ width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')) }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.embed-png')]);
    expect(download.suggestedFilename()).toBe('headline-targets.png');
    const png = readFileSync((await download.path())!);
    const framed = Buffer.from(
      await (await fetch(`${baseUrl}embed/headline-targets/headline-targets-light@2x.png`)).arrayBuffer(),
    );
    expect(png.equals(framed)).toBe(true);
    // The frame's margin and title block make it larger than the bare chart at 2×.
    const size = pngSize(png);
    expect(size.width).toBeGreaterThan(svgSize.width * 2);
    expect(size.height).toBeGreaterThan(svgSize.height * 2);
    // Not blank: text and marks were drawn.
    expect(pngInk(png) / (size.width * size.height)).toBeGreaterThan(0.005);
    await context.close();
  });
});

describe('the chart desk', () => {
  it('copies the embed code for the chosen options to the clipboard', async () => {
    const context = await browser().newContext({
      viewport: { width: 1280, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}embed/`);
    await pageReady(page);
    expect(await page.locator('.desk-card').count()).toBe(ids.length);
    await page.check('input[name="theme"][value="dark"]');
    await page.check('input[name="title"][value="0"]');
    await page.check('input[name="lang"][value="en"]');
    const card = page.locator('.desk-card[data-chart="fdi-annotated"]');
    await card.locator('.desk-copy').click();
    await expect.poll(() => card.locator('.desk-status').textContent()).not.toBe('');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await card.locator('.desk-code').inputValue());
    // The code names the address the desk is served from, whatever SITE_URL the build was made with.
    expect(copied).toContain(`src="${baseUrl}en/embed/fdi-annotated/?theme=dark&amp;title=0"`);
    expect(copied).toContain(`<script async="" src="${baseUrl}embed/loader.js"></script>`);
    expect(copied).not.toMatch(/\swidth="/);
    expect(await card.locator('iframe').getAttribute('src')).toBe(
      `${baseUrl}en/embed/fdi-annotated/?theme=dark&title=0`,
    );
    await context.close();
  });
});

describe('accessibility of the other pages', () => {
  // Charts in both themes: contrast is judged on the dark tokens too.
  it.each([
    'embed/headline-targets/',
    'en/embed/town-map/',
    'embed/town-map/?theme=dark',
    'en/embed/rate-target-shifts/?theme=dark',
    'embed/',
    'en/embed/',
    'data/',
    'en/data/',
    'no-such-chart/',
  ])('/%s has no serious or critical axe violations', async (path) => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(baseUrl + path);
    await pageReady(page);
    // The desk's previews are our own embed pages, checked on their own above.
    expect(
      await seriousViolations(page, (builder) => (path.endsWith('embed/') ? builder.exclude('iframe') : builder)),
    ).toEqual([]);
    await context.close();
  });
});
