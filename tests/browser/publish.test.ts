import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { launchChromium } from '../support/browser';
import { buildSite, ROOT } from '../support/server';
import { serveUnderSubpath, type SubpathServer } from '../support/subpath-server';
import { oembedProblems } from '../../src/publish/oembed';
import { localAddressesIn } from '../../src/publish/site-url';
import { outputTexts } from '../../src/site/vite-plugin';
import { SHARE_HEIGHT, SHARE_WIDTH } from '../../src/publish/share-images';

/**
 * The README's Publish section, followed: build with SITE_URL under a subpath, serve dist/ there
 * as a static host would, and follow every link, script, frame and image from the two stories and
 * from a 404. Then open every page in Chromium, read its share tags and fetch the image they name.
 */
const PUBLIC = 'https://example.org/graphics/gaoping/';
const BASE_PATH = '/graphics/gaoping/';
const OUT = 'dist-subpath';
let server: SubpathServer;
let browser: Browser;

interface Fetched { status: number; type: string; body: Buffer }
const fetched = new Map<string, Fetched>();
const htmlPages: string[] = [];
const problems: string[] = [];
const parsed = new Map<string, Document>();

/** A public URL under SITE_URL, as the local server serves it. */
const local = (url: string) => (url.startsWith(PUBLIC) ? server.url + url.slice(PUBLIC.length) : url);

async function get(url: string): Promise<Fetched> {
  const key = url.split('#')[0]!;
  let result = fetched.get(key);
  if (!result) {
    // A keep-alive socket the local server has just closed surfaces as ECONNRESET on a busy
    // machine: that is transport, not a finding, so the request is made again (twice at most).
    let response: Response | undefined;
    for (let attempt = 0; !response; attempt++) {
      try {
        response = await fetch(key);
      } catch (error) {
        if (attempt >= 2 || (error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
      }
    }
    result = { status: response.status, type: response.headers.get('content-type') ?? '', body: Buffer.from(await response.arrayBuffer()) };
    fetched.set(key, result);
  }
  return result;
}

async function crawl(starts: Array<{ url: string; status: number }>): Promise<void> {
  const queue = [...starts];
  const seen = new Set(starts.map((s) => s.url));
  const visit = (target: string, from: string) => {
    const url = new URL(local(target), from);
    if (url.origin !== server.origin) {
      if (new URL(target, PUBLIC).origin === new URL(PUBLIC).origin) problems.push(`${from}: ${target} points at the public host outside SITE_URL`);
      return; // other sites (licence pages…) are not ours to check here
    }
    if (!url.pathname.startsWith(BASE_PATH)) problems.push(`${from}: ${target} leaves the subpath (${url.pathname})`);
    // Each page once, and each anchor once (a page's ids are read from its one parse); a link
    // to an anchor also has its page crawled.
    const page = url.href.split('#')[0]!;
    for (const href of url.hash ? [page, url.href] : [page]) {
      if (seen.has(href)) continue;
      seen.add(href);
      queue.push({ url: href, status: 200 });
    }
  };
  while (queue.length > 0) {
    const { url, status } = queue.shift()!;
    const response = await get(url);
    if (response.status !== status) {
      problems.push(`${url}: status ${response.status}, expected ${status}`);
      continue;
    }
    const hash = new URL(url).hash.slice(1);
    if (response.type.startsWith('text/html')) {
      const page = url.split('#')[0]!;
      let document = parsed.get(page);
      if (!document) {
        document = parseHTML(response.body.toString('utf8')).document;
        parsed.set(page, document);
      }
      if (hash && !document.getElementById(decodeURIComponent(hash))) problems.push(`${url}: no element with id "${hash}"`);
      if (hash) continue;
      if (!htmlPages.includes(url)) htmlPages.push(url);
      for (const element of Array.from(document.querySelectorAll('a[href], link[href], script[src], iframe[src], img[src]'))) {
        const target = element.getAttribute('href') ?? element.getAttribute('src')!;
        if (/^(data|mailto|javascript):/.test(target)) continue;
        visit(target, url);
      }
      for (const meta of Array.from(document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]'))) {
        const content = meta.getAttribute('content') ?? '';
        if (/^https?:/.test(content)) visit(content, url);
      }
    } else if (response.type.startsWith('application/json') && url.includes('/oembed/')) {
      const data = JSON.parse(response.body.toString('utf8'));
      expect(oembedProblems(data), url).toEqual([]);
      visit(data.thumbnail_url, url);
      visit(data.provider_url, url);
      visit(/src="([^"]+)"/.exec(data.html)![1]!, url);
    } else if (url.endsWith('.metadata.json')) {
      const data = JSON.parse(response.body.toString('utf8'));
      for (const link of [data.urls.csv, data.urls.json, data.urls.embed.zh, data.urls.embed.en]) visit(link, url);
    }
  }
}

beforeAll(async () => {
  rmSync(join(ROOT, OUT), { recursive: true, force: true });
  await buildSite(OUT, { SITE_URL: PUBLIC });
  server = await serveUnderSubpath(join(ROOT, OUT), BASE_PATH);
  browser = await launchChromium();
  await crawl([
    { url: server.url, status: 200 },
    { url: `${server.url}en/`, status: 200 },
    { url: `${server.url}embed/no-such-chart/deeper/`, status: 404 },
  ]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(join(ROOT, OUT), { recursive: true, force: true });
});

describe('a build under a subpath (SITE_URL=https://example.org/graphics/gaoping/)', () => {
  it('holds no local address in any file of its output, ZIP entries included', () => {
    expect(localAddressesIn(outputTexts(join(ROOT, OUT)))).toEqual([]);
    expect(parsed.get(server.url)?.querySelector('.preview-banner, meta[name="robots"]')).toBeNull();
  });

  it('has no broken link, script, frame, image, anchor or oEmbed URL, and nothing leaves the subpath', () => {
    expect(problems).toEqual([]);
    // Reached by links alone: both stories, 20 embeds, 2 desks, 2 data pages, the 404 page.
    expect(htmlPages.length).toBeGreaterThanOrEqual(27);
    expect(htmlPages.some((url) => url.endsWith('/embed/no-such-chart/deeper/'))).toBe(true);
    expect([...fetched.keys()].filter((url) => url.endsWith('.png')).length).toBeGreaterThan(20);
  });

  it('links every page to its other language, and /data/ back to the story', () => {
    for (const url of htmlPages) {
      if (url.includes('no-such-chart')) continue;
      const { document } = parseHTML(fetched.get(url)!.body.toString('utf8'));
      const lang = document.documentElement.getAttribute('lang');
      const other = lang === 'en' ? 'zh-CN' : 'en';
      expect(document.querySelector(`a[hreflang="${other}"]`), url).not.toBeNull();
    }
    for (const path of ['data/', 'en/data/']) {
      const { document } = parseHTML(fetched.get(`${server.url}${path}`)!.body.toString('utf8'));
      const story = new URL(path === 'data/' ? '' : 'en/', server.url).href;
      expect(Array.from(document.querySelectorAll('a[href]')).some((a) => new URL(a.getAttribute('href')!, `${server.url}${path}`).href === story)).toBe(true);
    }
  });

  it('gives every page share tags in its language naming a 1200×630 PNG with visible glyphs', async () => {
    const page = await browser.newPage();
    const checkedImages = new Map<string, number>();
    for (const url of htmlPages) {
      await page.goto(url);
      const tags = await page.evaluate(() => {
        const meta = (key: string) => document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? null;
        return {
          lang: document.documentElement.lang,
          title: meta('og:title'), description: meta('og:description'), url: meta('og:url'), locale: meta('og:locale'),
          image: meta('og:image'), width: meta('og:image:width'), height: meta('og:image:height'),
          card: meta('twitter:card'), twitterImage: meta('twitter:image'),
          canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
        };
      });
      const where = `${url} ${JSON.stringify(tags)}`;
      expect(tags.title, where).toBeTruthy();
      expect(tags.description, where).toBeTruthy();
      expect(tags.card, where).toBe('summary_large_image');
      expect(tags.locale, where).toBe(tags.lang === 'en' ? 'en_US' : 'zh_CN');
      expect([tags.width, tags.height], where).toEqual([String(SHARE_WIDTH), String(SHARE_HEIGHT)]);
      expect(tags.twitterImage, where).toBe(tags.image);
      expect(tags.image!.startsWith(PUBLIC), where).toBe(true);
      if (!url.includes('no-such-chart')) {
        // og:url and canonical name this page at its public address.
        expect(tags.url, where).toBe(PUBLIC + url.slice(server.url.length));
        expect(tags.canonical, where).toBe(tags.url);
      }
      const imageUrl = local(tags.image!);
      if (!checkedImages.has(imageUrl)) {
        const image = await get(imageUrl);
        expect(image.status, imageUrl).toBe(200);
        expect(image.body.subarray(1, 4).toString(), imageUrl).toBe('PNG');
        expect([image.body.readUInt32BE(16), image.body.readUInt32BE(20)], imageUrl).toEqual([SHARE_WIDTH, SHARE_HEIGHT]);
        // Ink in the title band: the title's glyphs were drawn (a missing font draws nothing).
        const ink = await page.evaluate(async (base64) => {
          const img = new Image();
          img.src = `data:image/png;base64,${base64}`;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = img.width;
          canvas.height = img.height;
          const context = canvas.getContext('2d')!;
          context.drawImage(img, 0, 0);
          // The band of the card's finding, the large type under the kicker (src/publish/headline-card.ts).
          const { data } = context.getImageData(48, 110, 1104, 100);
          let dark = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 250) dark++;
          return dark;
        }, image.body.toString('base64'));
        checkedImages.set(imageUrl, ink);
      }
      expect(checkedImages.get(imageUrl), `${imageUrl} finding band`).toBeGreaterThan(1500);
    }
    await page.close();
  });

  it('serves an oEmbed file per chart and language, each discovered from its embed page', () => {
    const embeds = htmlPages.filter((url) => /\/embed\/[a-z0-9-]+\/$/.test(url) && !url.includes('no-such-chart'));
    expect(embeds.length).toBe(20);
    for (const url of embeds) {
      const { document } = parseHTML(fetched.get(url)!.body.toString('utf8'));
      const link = document.querySelector('link[rel="alternate"][type="application/json+oembed"]');
      expect(link, url).not.toBeNull();
      const oembed = fetched.get(local(link!.getAttribute('href')!));
      expect(oembed?.status, url).toBe(200);
    }
  });

  it('opens a deep link at its step with the chart of that step, and the back button returns to the previous one', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    /** The step the URL's hash names (or holds the anchor it names): is it current, and its chart shown? */
    const state = () => page.evaluate(() => {
      const target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      const step = target?.closest<HTMLElement>('.step');
      const section = step?.closest('.scrolly');
      return {
        step: step?.id ?? null,
        current: step?.getAttribute('aria-current') ?? null,
        shown: section?.querySelector<HTMLElement>('.chart.is-active')?.dataset.chart ?? null,
        wanted: step?.dataset.chart ?? null,
        onScreen: step ? step.getBoundingClientRect().top < window.innerHeight && step.getBoundingClientRect().bottom > 0 : false,
      };
    });
    await page.goto(`${server.url}#step-sectors-3`);
    await expect.poll(state).toMatchObject({ step: 'step-sectors-3', current: 'step', onScreen: true });
    const first = await state();
    expect(first.shown).toBe(first.wanted);
    // A chart's anchor opens the first step that draws it.
    await page.evaluate(() => { window.location.hash = 'town-map'; });
    await expect.poll(state).toMatchObject({ current: 'step', shown: 'town-map', onScreen: true });
    await page.goBack();
    await expect.poll(state).toMatchObject({ step: 'step-sectors-3', current: 'step', onScreen: true });
    await page.close();
  });

  it('copies the link of a chart with its anchor', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${server.url}en/`);
    const button = page.locator('.copy-link').first();
    const anchor = await button.getAttribute('data-anchor');
    await button.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}en/#${anchor}`);
    expect(await page.evaluate(() => document.getElementById(window.location.hash.slice(1)) !== null)).toBe(true);
    await context.close();
  });

  it('switches the whole desk card to the chosen language, previews at phone width, and shows the whole valid code', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}embed/`);
    const card = page.locator('.desk-card').first();
    const chartId = await card.getAttribute('data-chart');
    const enTitle = await card.getAttribute('data-title-en');
    await page.check('input[name="lang"][value="en"]');
    await page.check('input[name="device"][value="phone"]');
    await page.selectOption('select[name="maxwidth"]', '640');
    await page.check('input[name="plain"]');
    await expect.poll(() => card.locator('h2').textContent()).toBe(enTitle);
    expect(await card.locator('iframe').getAttribute('title')).toContain(enTitle!);
    expect(await card.locator('h3').first().textContent()).toBe(await card.locator('h3').first().getAttribute('data-en'));
    expect(await card.locator('.desk-code').getAttribute('aria-label')).toContain(enTitle!);
    expect(await card.locator('.print-images a').first().getAttribute('href')).toContain(`en/embed/${chartId}/`);
    expect(await card.locator('iframe').evaluate((iframe) => iframe.getBoundingClientRect().width)).toBeCloseTo(375, 0);
    const code = await card.locator('.desk-code').inputValue();
    // The code names the address the desk is served from (here the local server under the subpath).
    expect(code).toContain(`src="${server.url}en/embed/${chartId}/?plain=1"`);
    expect(code).toContain('max-width:640px');
    expect(code).not.toMatch(/\swidth="/);
    const [scrollHeight, clientHeight] = await card.locator('.desk-code').evaluate((box) => [box.scrollHeight, box.clientHeight]);
    expect(scrollHeight).toBeLessThanOrEqual(clientHeight + 2);
    await page.close();
  });
});
