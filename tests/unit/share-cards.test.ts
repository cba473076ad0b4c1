import { describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { loadDataset } from '../../src/data/load-node';
import { loadTopology } from '../../src/geo/load-node';
import { contentByLang } from '../../src/content';
import { charts, chartById } from '../../src/charts/registry';
import {
  chartCard,
  FEED_WIDTH,
  FINDING_SIZE,
  headlineCardSvg,
  MAX_CARD_ROWS,
  MIN_FEED_TEXT,
  storyCard,
} from '../../src/publish/headline-card';
import { posterSvg, PHONE_WIDTH, MIN_PHONE_TEXT, POSTER_WIDTH } from '../../src/publish/poster';
import { preparedChart } from '../../src/publish/build-images';
import { renderPng, SHARE_WIDTH, SHARE_HEIGHT } from '../../src/publish/share-images';
import { fontFilesFor } from '../support/font-subsets';
import { fillCopy } from '../../src/story/fill';

const dataset = loadDataset();
const geo = loadTopology();
const langs = ['zh', 'en'] as const;

const cards = langs.flatMap((lang) => [
  {
    name: `story (${lang})`,
    lang,
    svg: headlineCardSvg(storyCard(dataset, contentByLang[lang])),
    card: storyCard(dataset, contentByLang[lang]),
  },
  ...charts.map((chart) => {
    const card = chartCard(chart.id, dataset, geo, contentByLang[lang]);
    return { name: `${chart.id} (${lang})`, lang, svg: headlineCardSvg(card), card };
  }),
]);

/** Every text element's font size as shown `shownWidth` px wide (sizes are set on each text, in image px). */
function shownTextSizes(markup: string, imageWidth: number, shownWidth: number): Array<{ text: string; px: number }> {
  const document = new DOMParser().parseFromString(markup, 'image/svg+xml') as unknown as Document;
  expect(document.querySelectorAll('svg svg').length, 'a nested chart would carry its own small text').toBe(0);
  return Array.from(document.querySelectorAll('text')).map((element) => {
    const size = Number(element.getAttribute('font-size'));
    expect(size, element.textContent ?? '').toBeGreaterThan(0);
    return { text: element.textContent ?? '', px: (size * shownWidth) / imageWidth };
  });
}

describe('share cards are headlines', () => {
  it.each(cards.map((c) => [c.name, c] as const))(
    '%s: no text under 12 px when the card is 500 px wide',
    (_name, { svg }) => {
      const sizes = shownTextSizes(svg, SHARE_WIDTH, FEED_WIDTH);
      const smallest = sizes.reduce((a, b) => (b.px < a.px ? b : a));
      expect(smallest.px, `"${smallest.text}"`).toBeGreaterThanOrEqual(MIN_FEED_TEXT);
    },
  );

  it.each(cards.map((c) => [c.name, c] as const))(
    '%s: states one computed finding in ≥ 48 px type, with at most a few rows',
    (_name, { svg, card }) => {
      const document = new DOMParser().parseFromString(svg, 'image/svg+xml') as unknown as Document;
      const finding = Array.from(document.querySelectorAll('text.card-finding'));
      expect(finding.length).toBeGreaterThan(0);
      for (const line of finding)
        expect(Number(line.getAttribute('font-size'))).toBeGreaterThanOrEqual(FINDING_SIZE.min);
      expect(
        finding
          .map((line) => line.textContent)
          .join('')
          .replace(/\s/g, ''),
      ).toBe(card.finding.replace(/\s/g, ''));
      expect(card.finding).toMatch(/\d/);
      expect(card.rows.length).toBeGreaterThan(0);
      expect(card.rows.length).toBeLessThanOrEqual(MAX_CARD_ROWS);
    },
  );

  it("the story card states the lede's counts, computed", () => {
    for (const lang of langs) {
      const { finding } = storyCard(dataset, contentByLang[lang]);
      for (const field of ['comparable', 'raised', 'held', 'lowered'])
        expect(finding).toContain(fillCopy(`{count.${field}}`, dataset, lang));
    }
  });

  it("renders every card 500 px wide with ink (resvg, the build's renderer)", async () => {
    const fonts = fontFilesFor(cards.map((c) => c.svg.replace(/<[^>]*>/g, '')));
    for (const { name, svg } of cards.slice(0, 4)) {
      const { width, height } = await renderPng(svg, fonts, FEED_WIDTH / SHARE_WIDTH);
      expect([width, height], name).toEqual([FEED_WIDTH, Math.round((SHARE_HEIGHT * FEED_WIDTH) / SHARE_WIDTH)]);
    }
  });
});

describe('the WeChat poster', () => {
  it.each(langs)(
    "%s: leads with the story card's finding, and no text is under 12 px on a 375 px phone",
    async (lang) => {
      const poster = await posterSvg({
        dataset,
        content: contentByLang[lang],
        chart: preparedChart(chartById('headline-targets')!, dataset, geo, contentByLang[lang]),
        storyUrl: 'https://example.org/graphics/gaoping/',
      });
      expect(poster.finding).toBe(storyCard(dataset, contentByLang[lang]).finding);
      const sizes = shownTextSizes(poster.svg, POSTER_WIDTH, PHONE_WIDTH);
      const smallest = sizes.reduce((a, b) => (b.px < a.px ? b : a));
      expect(smallest.px, `"${smallest.text}"`).toBeGreaterThanOrEqual(MIN_PHONE_TEXT);
      const document = new DOMParser().parseFromString(poster.svg, 'image/svg+xml') as unknown as Document;
      const first = document.querySelector('text.poster-finding')!;
      expect((Number(first.getAttribute('font-size')) * PHONE_WIDTH) / POSTER_WIDTH).toBeGreaterThanOrEqual(20);
    },
  );
});
