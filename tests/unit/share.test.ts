import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { parseHTML } from 'linkedom';
import { loadDataset } from '../../src/data/load-node';
import { loadTopology } from '../../src/geo/load-node';
import { contentByLang } from '../../src/content';
import { chartById } from '../../src/charts/registry';
import { findCjkFonts, FontError, IMAGE_FONT_FAMILY } from '../../src/publish/fonts';
import { fontFilesFor } from '../support/font-subsets';
import {
  printImageSvg,
  renderPng,
  shareCardSvg,
  SHARE_HEIGHT,
  SHARE_WIDTH,
  THEME_COLOURS,
} from '../../src/publish/share-images';
import { wrapText } from '../../src/charts/wrap-text';
import { estimateTextWidth } from '../../src/design/text-width';
import { buildImages, preparedChart } from '../../src/publish/build-images';
import QRCode from 'qrcode';
import { posterSvg, POSTER_WIDTH } from '../../src/publish/poster';
import { parseSiteUrl } from '../../src/publish/site-url';
import { shareTags, headTagNodes } from '../../src/site/share-meta';
import { newDocument } from '../../src/site/html-document';
import { toHtml, toXml } from '../../src/dom/html';
import { oembedFor, oembedProblems } from '../../src/publish/oembed';
import { citationCff, citationText } from '../../src/data/citation';
import type { ChartModule } from '../../src/charts/types';
import { palettes } from '../../src/design/tokens';
import { inkIn, pngSize } from '../support/png';

const dataset = loadDataset();
const geo = loadTopology();
const site = parseSiteUrl('https://example.org/graphics/gaoping/');

describe('fonts for build-time images', () => {
  it('finds Noto Sans CJK SC regular and bold on this machine', () => {
    const fonts = findCjkFonts();
    expect(fonts.regular.file).toMatch(/NotoSansCJK/);
    expect(fonts.bold.file).toMatch(/Bold/);
  });

  it('stops with the Debian package to install when the font is missing or fc-list is absent', () => {
    expect(() => findCjkFonts(() => '')).toThrow(FontError);
    expect(() => findCjkFonts(() => '')).toThrow('apt-get install -y fonts-noto-cjk');
    expect(() =>
      findCjkFonts(() => {
        throw new Error('ENOENT fc-list');
      }),
    ).toThrow(/fc-list could not be run.*fonts-noto-cjk/);
  });

  it('draws CJK glyphs with the named family from the loaded subset, and nothing when no font is loaded', () => {
    const files = fontFilesFor(['高坪区']);
    const svg = (family: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="200" height="60" fill="#fff"/><text x="10" y="45" font-size="40" font-family="${family}">高坪区</text></svg>`;
    const draw = (fontFiles: string[]) => {
      const image = new Resvg(svg(IMAGE_FONT_FAMILY), {
        font: { loadSystemFonts: false, fontFiles, defaultFontFamily: IMAGE_FONT_FAMILY },
      }).render();
      return inkIn(image.pixels, image.width, { x: 0, y: 0, w: 200, h: 60 });
    };
    expect(draw(files)).toBeGreaterThan(300);
    expect(draw([])).toBe(0);
  });
});

describe('text layout', () => {
  it('wraps Chinese between characters, never starting a line with closing punctuation', () => {
    const lines = wrapText('目标定高了还是定低了？高坪区2025年目标对照2024年实绩', 44, 400);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(estimateTextWidth(line, 44)).toBeLessThanOrEqual(400);
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[，。？：]/);
    expect(lines.join('')).toBe('目标定高了还是定低了？高坪区2025年目标对照2024年实绩');
  });

  it('wraps English between words', () => {
    const lines = wrapText('Aiming higher or lower? Gaoping’s 2025 targets against its 2024 results', 44, 600);
    expect(lines.join(' ')).toBe('Aiming higher or lower? Gaoping’s 2025 targets against its 2024 results');
    for (const line of lines) expect(line).not.toMatch(/^\s|\s$/);
  });

  it('keeps a figure whole on one line with its unit and bound words (6.5%以上, 5700人左右; 6.5% or more, about 3.5%)', () => {
    const zh = '地区生产总值增长6.5%以上，重点项目完成投资240亿元以上，城镇新增就业5700人左右，突破100亿元';
    const en = 'GDP growth of 6.5% or more, prices up about 3.5%, and 24 billion yuan or more invested in key projects';
    for (let width = 220; width <= 720; width += 4) {
      const zhLines = wrapText(zh, 32, width);
      expect(zhLines.join('')).toBe(zh);
      for (const figure of ['6.5%以上', '240亿元以上', '5700人左右', '突破100亿元'])
        expect(
          zhLines.some((line) => line.includes(figure)),
          `${figure} at ${width} px`,
        ).toBe(true);
      const enLines = wrapText(en, 32, width);
      expect(enLines.join(' ')).toBe(en);
      for (const figure of ['6.5% or more', 'about 3.5%', 'yuan or more'])
        expect(
          enLines.some((line) => line.includes(figure)),
          `${figure} at ${width} px`,
        ).toBe(true);
    }
  });

  it('uses the design tokens of each theme, and recolours the chart for dark', () => {
    expect(THEME_COLOURS.dark.background).toBe(palettes.dark.background);
    expect(THEME_COLOURS.dark.ink).toBe(palettes.dark.ink);
    const prepared = preparedChart(chartById('headline-targets')!, dataset, geo, contentByLang.zh);
    expect(toXml(prepared.svg.light)).toContain(palettes.light.raised);
    expect(toXml(prepared.svg.dark)).toContain(palettes.dark.raised);
    expect(toXml(prepared.svg.dark)).not.toContain(`"${palettes.light.raised}"`);
  });
});

describe('share card, print image and poster', () => {
  const chart = chartById('headline-targets')!;

  it('puts the family on every text element and takes out CSS font stacks', () => {
    const prepared = preparedChart(chart, dataset, geo, contentByLang.zh);
    const texts = toXml(prepared.svg.light).match(/<text\b[^>]*>/g)!;
    expect(texts.length).toBeGreaterThan(5);
    for (const tag of texts) expect(tag).toContain(`font-family="${IMAGE_FONT_FAMILY}"`);
    expect(toXml(prepared.svg.light)).not.toMatch(/PingFang|system-ui/);
    expect(prepared.source).toBe(contentByLang.zh.chartText.source);
    const card = shareCardSvg(prepared, { title: contentByLang.zh.meta.title });
    for (const tag of card.svg.match(/<text\b[^>]*>/g)!) expect(tag).toContain(`font-family="${IMAGE_FONT_FAMILY}"`);
  });

  it('renders a 1200×630 card with ink in the title band, the chart and the source line, and none in the margins', async () => {
    const prepared = preparedChart(chart, dataset, geo, contentByLang.zh);
    const card = shareCardSvg(prepared, { title: contentByLang.zh.meta.title });
    const files = fontFilesFor([card.text]);
    const image = new Resvg(card.svg, {
      font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: IMAGE_FONT_FAMILY },
    }).render();
    expect([image.width, image.height]).toEqual([SHARE_WIDTH, SHARE_HEIGHT]);
    expect(inkIn(image.pixels, image.width, { x: 48, y: 48, w: 1104, h: 60 })).toBeGreaterThan(2000);
    expect(inkIn(image.pixels, image.width, { x: 48, y: 560, w: 600, h: 30 })).toBeGreaterThan(0);
    // Nothing runs into the side margins: text is wrapped, not clipped.
    expect(inkIn(image.pixels, image.width, { x: 0, y: 20, w: 40, h: 600 })).toBe(0);
    expect(inkIn(image.pixels, image.width, { x: 1160, y: 20, w: 40, h: 600 })).toBe(0);
  });

  it('frames print images with a margin, and at 2× doubles the pixels', async () => {
    const prepared = preparedChart(chart, dataset, geo, contentByLang.en);
    const framed = printImageSvg(prepared, { title: 'T', subtitle: 'S', credit: 'C' }, 'dark');
    expect(framed.width).toBe(prepared.width + 64);
    expect(framed.svg).toContain(THEME_COLOURS.dark.background);
    const files = fontFilesFor([framed.text]);
    const one = await renderPng(framed.svg, files, 1);
    const two = await renderPng(framed.svg, files, 2);
    expect(pngSize(two.png)).toEqual({ width: one.width * 2, height: one.height * 2 });
  });

  it("puts the data-filled findings and the story URL (as qrcode's own SVG code) on the poster", async () => {
    const prepared = preparedChart(chart, dataset, geo, contentByLang.zh);
    const poster = await posterSvg({
      dataset,
      content: contentByLang.zh,
      chart: prepared,
      storyUrl: 'https://example.org/graphics/gaoping/',
    });
    expect(poster.width).toBe(POSTER_WIDTH);
    expect(poster.svg).not.toMatch(/\{count\.|\{[a-z-]+\.[a-zA-Z]+\}/);
    // The URL may wrap over lines under the QR code: read the text as a reader does.
    expect(poster.svg.replace(/<[^>]*>/g, '')).toContain('https://example.org/graphics/gaoping/');
    // The code is qrcode's drawing of the story URL, path for path.
    const own = await QRCode.toString('https://example.org/graphics/gaoping/', {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 4,
    });
    const modules = own.match(/<path stroke="#000000" d="([^"]+)"/)![1]!;
    expect(poster.svg).toContain(`d="${modules}"`);
  });

  it('stops the build naming the chart whose image fails', async () => {
    const broken: ChartModule = {
      ...chart,
      id: 'broken-chart',
      render: () => {
        throw new Error('no data');
      },
    };
    const content = {
      zh: {
        ...contentByLang.zh,
        charts: { ...contentByLang.zh.charts, 'broken-chart': { title: 'x', subtitle: 'y' } },
      },
      en: contentByLang.en,
    };
    await expect(buildImages({ dataset, geo, content, site, charts: [broken] })).rejects.toThrow(
      'chart "broken-chart" (zh)',
    );
  });
});

describe('share tags', () => {
  it('gives og and twitter tags with absolute URLs under the subpath, in the page language', () => {
    const tags = shareTags(site, {
      lang: 'en',
      title: 'T & "q"',
      description: 'D',
      path: 'en/',
      image: 'share/story-en.png',
      imageAlt: 'A',
      alternate: '',
      siteName: 'S',
    });
    const value = (key: string) =>
      tags.find((t) => t.tag === 'meta' && t.key === key && 'content' in t) as { content: string } | undefined;
    expect(value('og:url')!.content).toBe('https://example.org/graphics/gaoping/en/');
    expect(value('og:image')!.content).toBe('https://example.org/graphics/gaoping/share/story-en.png');
    expect(value('og:image:width')!.content).toBe('1200');
    expect(value('og:image:height')!.content).toBe('630');
    expect(value('og:locale')!.content).toBe('en_US');
    expect(value('twitter:card')!.content).toBe('summary_large_image');
    expect(tags).toContainEqual({ tag: 'link', rel: 'canonical', href: 'https://example.org/graphics/gaoping/en/' });
    expect(tags).toContainEqual({
      tag: 'link',
      rel: 'alternate',
      hreflang: 'zh-CN',
      href: 'https://example.org/graphics/gaoping/',
    });
    expect(
      headTagNodes(newDocument(), tags)
        .map((node) => toHtml(node))
        .join(''),
    ).toContain('content="T &amp; &quot;q&quot;"');
  });
});

describe('oEmbed', () => {
  const response = oembedFor({
    site,
    chartId: 'town-map',
    lang: 'zh',
    title: '地图 "x" <b>',
    providerName: 'P',
    height: 700,
    thumbnail: { path: 'share/town-map-zh.png', width: 1200, height: 630 },
  });

  it('has every field the spec requires of a rich response, and a bare iframe', () => {
    expect(oembedProblems(response)).toEqual([]);
    const iframe = parseHTML(response.html).document.querySelector('iframe')!;
    expect(response.html).toMatch(/^<iframe [^>]*><\/iframe>$/);
    expect(response.html).toContain('title="地图 &quot;x&quot; &lt;b&gt;"');
    expect([
      iframe.getAttribute('src'),
      iframe.getAttribute('title'),
      iframe.getAttribute('width'),
      iframe.getAttribute('height'),
    ]).toEqual(['https://example.org/graphics/gaoping/embed/town-map/', '地图 "x" <b>', '640', '700']);
    expect(response.html).not.toContain('<script');
    expect(response.thumbnail_url).toBe('https://example.org/graphics/gaoping/share/town-map-zh.png');
  });

  it('reports a response missing what the spec requires (the check can fail)', () => {
    const { html: _html, ...noHtml } = response;
    expect(oembedProblems(noHtml)).toContain('html is required');
    expect(oembedProblems({ ...response, version: 1 })).toContain('version must be "1.0"');
    expect(oembedProblems({ ...response, html: '<iframe width="100%"></iframe><script></script>' })).toHaveLength(2);
    const { thumbnail_width: _w, ...halfThumb } = response;
    expect(oembedProblems(halfThumb)).toContain('thumbnail_url, thumbnail_width and thumbnail_height go together');
  });
});

describe('citation', () => {
  it('credits the report first (issuer, title, date, venue), then the project (version, date, URL, licence)', () => {
    const zh = citationText(dataset, 'zh', contentByLang.zh, site.href);
    const order = [
      contentByLang.zh.cite.reportAuthor,
      dataset.source.title.zh,
      '2025年2月19日',
      dataset.source.venue.zh,
      contentByLang.zh.share.projectName,
      site.href,
      'CC BY 4.0',
    ];
    const positions = order.map((part) => zh.indexOf(part));
    expect(
      positions.every((p) => p >= 0),
      zh,
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const en = citationText(dataset, 'en', contentByLang.en, site.href);
    expect(en.startsWith(contentByLang.en.cite.reportAuthor)).toBe(true);
    expect(en).toContain('19 February 2025');
  });

  it('keeps CITATION.cff at the repo root equal to what the code generates', () => {
    const committed = readFileSync(new URL('../../CITATION.cff', import.meta.url), 'utf8');
    expect(committed).toBe(citationCff(dataset, contentByLang));
  });
});

describe('hostile text in images', () => {
  it('renders a chart whose labels carry markup and quotes, as text', async () => {
    const hostile = structuredClone(dataset);
    const metric = hostile.metrics.find((m) => m.id === 'gdp-growth')!;
    metric.label = { zh: '"><script>alert(1)</script>&amp;<b>', en: '"><svg onload=alert(1)> & \'' };
    const chart = chartById('headline-targets')!;
    const prepared = preparedChart(chart, hostile, geo, contentByLang.zh);
    const card = shareCardSvg(prepared, { title: '标题 <b>"&' });
    const { svg } = card;
    expect(card.text).toContain('标题 <b>"&');
    const files = fontFilesFor([card.text]);
    const { png } = await renderPng(svg, files, 1);
    expect(pngSize(png)).toEqual({ width: SHARE_WIDTH, height: SHARE_HEIGHT });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<svg onload');
  });
});
