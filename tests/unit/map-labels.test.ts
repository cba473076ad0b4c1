import { describe, expect, it } from 'vitest';
import { loadSiteInputs } from '../../src/site/inputs';
import { phoneFrameHeight } from '../../src/story/phone-fit';
import { chartById, renderChart } from '../../src/charts/registry';
import { newDocument } from '../../src/site/html-document';
import { estimateTextWidth } from '../../src/design/text-width';
import { labelHeight, townLabelWidth } from '../../src/charts/town-map';
import { AWAY_GAP, distanceToBox, overlaps, type Box } from '../../src/charts/label-placement';
import type { Lang } from '../../src/i18n/lang';

const site = loadSiteInputs();

/** The map as each page draws it: the story's phone form (frame height), the embed's phone form, the wide form. */
function drawings(lang: Lang): Array<[string, SVGSVGElement]> {
  const document = newDocument();
  const content = site.content[lang];
  const ctx = { document, inputs: site.inputs, content };
  const block = content.blocks
    .flatMap((b) => (b.type === 'scrolly' ? [b] : []))
    .find((b) => b.steps.some((step) => step.chart === 'town-map'))!;
  const render = (width: number, maxHeight?: number) =>
    renderChart(chartById('town-map')!, site.inputs, {
      width,
      lang,
      document,
      text: content.chartText,
      title: 't',
      ...(maxHeight === undefined ? {} : { maxHeight }),
    });
  return [
    ['story phone, 328 px', render(328, phoneFrameHeight(ctx, block, 'town-map'))],
    ['embed phone, 328 px', render(328)],
    ['wide, 600 px', render(600)],
  ];
}

const number = (element: Element, name: string) => Number(element.getAttribute(name));

/** A text's box as the placer estimates it: town labels as drawn bold (they are, or become so when chosen). */
function textBox(text: Element, width: number, height: number): Box {
  const x = number(text, 'x');
  const anchor = text.getAttribute('text-anchor') ?? 'start';
  const PADDING = 2;
  const left = anchor === 'end' ? x + PADDING - width : anchor === 'middle' ? x - width / 2 : x - PADDING;
  return { x: left, y: number(text, 'y') - height / 2, width, height };
}

function labelBoxes(svg: SVGSVGElement): Array<{ name: string; box: Box }> {
  const towns = Array.from(svg.querySelectorAll('.map-town-label')).map((text) => {
    const size = number(text, 'font-size');
    return { name: text.textContent!, box: textBox(text, townLabelWidth(text.textContent!, size), labelHeight(size)) };
  });
  // River and neighbour names: 12 px regular (the river's anchored at its start, less the padding).
  const context = Array.from(svg.querySelectorAll('.map-context-labels text')).map((text) => {
    const width = estimateTextWidth(text.textContent!, 12);
    const anchor = text.getAttribute('text-anchor');
    const x = number(text, 'x');
    return {
      name: text.textContent!,
      box: {
        x: anchor === 'middle' ? x - width / 2 : x,
        y: number(text, 'y') - labelHeight(12) / 2,
        width,
        height: labelHeight(12),
      },
    };
  });
  const key = svg.querySelector('.map-legend')!;
  const [kx, ky] = key
    .getAttribute('transform')!
    .match(/[\d.]+/g)!
    .map(Number);
  return [
    ...towns,
    ...context,
    { name: 'the key', box: { x: kx!, y: ky!, width: number(key, 'data-width'), height: number(key, 'data-height') } },
  ];
}

describe.each(['zh', 'en'] as const)('the town map’s labels (%s)', (lang) => {
  for (const [form, svg] of drawings(lang)) {
    // Known failure: the English story map on a phone is drawn small (its frame is the shortest, 291
    // px) and two towns of the west cluster find no spot. When this passes, make it an ordinary test.
    const test = lang === 'en' && form.startsWith('story') ? it.fails : it;
    test(`${form}: every town with a dot has its label`, () => {
      const unlabelled = Array.from(svg.querySelectorAll('.map-town'))
        .filter((town) => town.querySelector('.map-dot') && !town.querySelector('.map-town-label'))
        .map((town) => town.getAttribute('aria-label')!.split(/[:：]/)[0]);
      expect(unlabelled).toEqual([]);
    });

    it(`${form}: no two label boxes (towns, river and neighbours, the key) overlap, town labels measured bold`, () => {
      const boxes = labelBoxes(svg);
      expect(boxes.length).toBeGreaterThan(10);
      const clashes: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          if (overlaps(boxes[i]!.box, boxes[j]!.box)) clashes.push(`${boxes[i]!.name} × ${boxes[j]!.name}`);
      expect(clashes).toEqual([]);
    });

    it(`${form}: a label has a leader line exactly when it is away from its dot`, () => {
      const towns = Array.from(svg.querySelectorAll('.map-town')).filter((town) =>
        town.querySelector('.map-town-label'),
      );
      expect(towns.length).toBeGreaterThan(10);
      const wrong: string[] = [];
      for (const town of towns) {
        const dot = town.querySelector('.map-dot')!;
        const text = town.querySelector('.map-town-label')!;
        const size = number(text, 'font-size');
        const box = textBox(text, townLabelWidth(text.textContent!, size), labelHeight(size));
        const centre = { x: number(dot, 'cx'), y: number(dot, 'cy') };
        // Coordinates are drawn to 0.1 px.
        const gap = distanceToBox(centre, box) - number(dot, 'r');
        const away = gap > AWAY_GAP + 0.2;
        if (away !== (town.querySelector('.map-leader') !== null))
          wrong.push(`${text.textContent}: ${gap.toFixed(1)} px from its dot, ${away ? 'no' : 'a'} leader line`);
        if (!away && gap > AWAY_GAP - 2.5 && gap <= AWAY_GAP + 0.2)
          wrong.push(`${text.textContent}: ${gap.toFixed(1)} px, neither beside nor away`);
      }
      expect(wrong).toEqual([]);
    });
  }
});
