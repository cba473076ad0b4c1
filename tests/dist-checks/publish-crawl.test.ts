import { beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { oembedProblems } from '../../src/publish/oembed';
import { charts } from '../../src/charts/registry';
import { SHARE_HEIGHT, SHARE_WIDTH } from '../../src/publish/share-images';
import { LANGS } from '../../src/content/types';
import { PAGE_IDS, route } from '../../src/routes/routes';
import { site } from '../support/site';
import { pngInk, pngSize } from '../support/png';

/**
 * The README's Publish section, followed on the run's one build (SITE_URL under a subpath, dist/
 * served under that path as a static host would): follow every link, script, frame and image from
 * the two stories and from a 404, then read every page's share tags and the image they name.
 */
const PUBLIC = site.siteUrl;
const BASE_PATH = new URL(PUBLIC).pathname;

interface Fetched {
  status: number;
  type: string;
  body: Buffer;
}
const fetched = new Map<string, Fetched>();
const htmlPages: string[] = [];
const problems: string[] = [];
const parsed = new Map<string, Document>();

/** A public URL under SITE_URL, as the local server serves it. */
const local = (url: string) => (url.startsWith(PUBLIC) ? site.baseUrl + url.slice(PUBLIC.length) : url);

async function get(url: string): Promise<Fetched> {
  const key = url.split('#')[0]!;
  let result = fetched.get(key);
  if (!result) {
    const response = await fetch(key);
    result = {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: Buffer.from(await response.arrayBuffer()),
    };
    fetched.set(key, result);
  }
  return result;
}

const documentOf = (url: string) => parseHTML(fetched.get(url)!.body.toString('utf8')).document;

async function crawl(starts: Array<{ url: string; status: number }>): Promise<void> {
  const queue = [...starts];
  const seen = new Set(starts.map((s) => s.url));
  const visit = (target: string, from: string) => {
    const url = new URL(local(target), from);
    if (url.origin !== site.origin) {
      if (new URL(target, PUBLIC).origin === new URL(PUBLIC).origin)
        problems.push(`${from}: ${target} points at the public host outside SITE_URL`);
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
      if (hash && !document.getElementById(decodeURIComponent(hash)))
        problems.push(`${url}: no element with id "${hash}"`);
      if (hash) continue;
      if (!htmlPages.includes(url)) htmlPages.push(url);
      for (const element of Array.from(
        document.querySelectorAll('a[href], link[href], script[src], iframe[src], img[src]'),
      )) {
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
  await crawl([
    { url: site.baseUrl, status: 200 },
    { url: `${site.baseUrl}en/`, status: 200 },
    { url: `${site.baseUrl}embed/no-such-chart/deeper/`, status: 404 },
  ]);
});

describe(`the build under a subpath (SITE_URL=${PUBLIC})`, () => {
  it('has no broken link, script, frame, image, anchor or oEmbed URL, and nothing leaves the subpath', () => {
    expect(problems).toEqual([]);
    // Reached by links alone: both stories, 20 embeds, 2 desks, 2 data pages, the 404 page.
    expect(htmlPages.length).toBeGreaterThanOrEqual(27);
    expect(htmlPages.some((url) => url.endsWith('/embed/no-such-chart/deeper/'))).toBe(true);
    // Every route of the routes table, in both languages, is reached by links alone.
    const unreached = PAGE_IDS.flatMap((id) => LANGS.map((lang) => `${site.baseUrl}${route(id, lang)}`)).filter(
      (url) => !htmlPages.includes(url),
    );
    expect(unreached).toEqual([]);
    expect([...fetched.keys()].filter((url) => url.endsWith('.png')).length).toBeGreaterThan(20);
  });

  it('answers a path outside the subpath with the 404 page', async () => {
    const response = await fetch(`${site.origin}/embed/headline-targets/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain(`${BASE_PATH}embed/headline-targets/`);
  });

  it('links every page to its other language, and /data/ back to the story', () => {
    for (const url of htmlPages) {
      if (url.includes('no-such-chart')) continue;
      const document = documentOf(url);
      const lang = document.documentElement.getAttribute('lang');
      const other = lang === 'en' ? 'zh-CN' : 'en';
      expect(document.querySelector(`a[hreflang="${other}"]`), url).not.toBeNull();
    }
    for (const path of ['data/', 'en/data/']) {
      const document = documentOf(`${site.baseUrl}${path}`);
      const story = new URL(path === 'data/' ? '' : 'en/', site.baseUrl).href;
      expect(
        Array.from(document.querySelectorAll('a[href]')).some(
          (a) => new URL(a.getAttribute('href')!, `${site.baseUrl}${path}`).href === story,
        ),
      ).toBe(true);
    }
  });

  it('gives every page share tags in its language naming a 1200×630 PNG with visible glyphs', async () => {
    const inkByImage = new Map<string, number>();
    for (const url of htmlPages) {
      const document = documentOf(url);
      const meta = (key: string) =>
        document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? null;
      const lang = document.documentElement.getAttribute('lang');
      const tags = {
        title: meta('og:title'),
        description: meta('og:description'),
        url: meta('og:url'),
        locale: meta('og:locale'),
        image: meta('og:image'),
        width: meta('og:image:width'),
        height: meta('og:image:height'),
        card: meta('twitter:card'),
        twitterImage: meta('twitter:image'),
        canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
      };
      const where = `${url} ${JSON.stringify(tags)}`;
      expect(tags.title, where).toBeTruthy();
      expect(tags.description, where).toBeTruthy();
      expect(tags.card, where).toBe('summary_large_image');
      expect(tags.locale, where).toBe(lang === 'en' ? 'en_US' : 'zh_CN');
      expect([tags.width, tags.height], where).toEqual([String(SHARE_WIDTH), String(SHARE_HEIGHT)]);
      expect(tags.twitterImage, where).toBe(tags.image);
      expect(tags.image!.startsWith(PUBLIC), where).toBe(true);
      if (!url.includes('no-such-chart')) {
        // og:url and canonical name this page at its public address.
        expect(tags.url, where).toBe(PUBLIC + url.slice(site.baseUrl.length));
        expect(tags.canonical, where).toBe(tags.url);
      }
      const imageUrl = local(tags.image!);
      if (!inkByImage.has(imageUrl)) {
        const image = await get(imageUrl);
        expect(image.status, imageUrl).toBe(200);
        expect(pngSize(image.body), imageUrl).toEqual({ width: SHARE_WIDTH, height: SHARE_HEIGHT });
        // Ink in the finding's band under the kicker: the headline's large glyphs were drawn (a
        // missing font draws nothing).
        inkByImage.set(imageUrl, pngInk(image.body, { x: 48, y: 100, w: 1104, h: 160 }));
      }
      expect(inkByImage.get(imageUrl), `${imageUrl} finding band`).toBeGreaterThan(1500);
    }
  });

  it('serves an oEmbed file per chart and language, each discovered from its embed page', () => {
    const embeds = htmlPages.filter((url) => /\/embed\/[a-z0-9-]+\/$/.test(url) && !url.includes('no-such-chart'));
    expect(embeds.length).toBe(charts.length * 2);
    for (const url of embeds) {
      const link = documentOf(url).querySelector('link[rel="alternate"][type="application/json+oembed"]');
      expect(link, url).not.toBeNull();
      const oembed = fetched.get(local(link!.getAttribute('href')!));
      expect(oembed?.status, url).toBe(200);
    }
  });
});
