import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-node';
import { loadTopology } from '../../src/geo/load-node';
import { contentByLang } from '../../src/content';
import { charts } from '../../src/charts/registry';
import { fillCopy } from '../../src/story/fill';

/** Generated and filled text: separated sentences, no double negatives, no sign after a verb of direction, one decimal convention. */
const dataset = loadDataset();
const geo = loadTopology();

const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : [];

const generated = (lang: 'zh' | 'en') => [
  ...charts.map((chart) => chart.describe({ dataset, geo }, lang, contentByLang[lang].chartText)),
  ...strings(contentByLang[lang].blocks).map((s) => fillCopy(s, dataset, lang)),
];

describe.each(['zh', 'en'] as const)('%s generated text', (lang) => {
  const texts = generated(lang);
  it('has no sign after a verb of direction (调高+8.3, lowered by −0.1)', () => {
    for (const text of texts) {
      expect(text).not.toMatch(/(调高|调低|提高|降低|高了|低了)[+−-]/);
      expect(text).not.toMatch(/(raised|lowered|above|below) by [+−-]/);
      expect(text).not.toMatch(/[+−-][\d.]+ (pp|percentage points?)? ?(above|below|higher|lower)/);
    }
  });
  it('writes every change with one decimal, and a change between two floors in whole units', () => {
    const floorsNote = contentByLang[lang].chartText.floorsNote;
    for (const text of texts) {
      const pattern =
        lang === 'zh'
          ? /(?:调高|调低)(\d+(?:\.\d+)?)(?:%|个百分点)/g
          : /(?:raised|lowered) by (\d+(?:\.\d+)?)(?:%| pp| percentage points?)/g;
      for (const match of text.matchAll(pattern)) {
        // Neither floor is known to a decimal, so their change is not shown to one.
        const betweenFloors = text.slice(match.index! + match[0].length).startsWith(floorsNote);
        expect(match[1], text).toMatch(betweenFloors ? /^\d+$/ : /^\d+\.\d$/);
      }
    }
  });
  it('always separates sentences', () => {
    for (const text of texts) {
      expect(text).not.toMatch(/[%\d。.)）][A-Z\u4e00-\u9fff](?<=[%\d][A-Z])/);
      expect(text).not.toMatch(/[%\d](?=The |2025年目标)/);
      if (lang === 'en' && text.includes(' ')) expect(text).not.toMatch(/[a-z%)][A-Z][a-z]/);
    }
  });
});

describe('Chinese strings use full-width punctuation', () => {
  const halfWidth = /[\u4e00-\u9fff][,:;?!()]|[,:;?!()][\u4e00-\u9fff]/;
  /** Words quoted from the report (“新(改)建”) keep the report's own punctuation. */
  const unquoted = (text: string) => text.replace(/“[^”]*”/g, '“”');
  it('in the Chinese copy', () => {
    for (const text of strings(contentByLang.zh)) expect(unquoted(text)).not.toMatch(halfWidth);
  });
  it('in generated Chinese text (outside quotes from the report)', () => {
    for (const text of charts.map((c) => c.describe({ dataset, geo }, 'zh', contentByLang.zh.chartText)))
      expect(text).not.toMatch(halfWidth);
  });
  it("in the dataset's Chinese labels, notes and measures", () => {
    const zh = [
      ...dataset.metrics.flatMap((m) => [m.label.zh, m.note?.zh ?? '']),
      ...dataset.records.map((r) => r.measure.zh),
      ...dataset.projects.flatMap((p) => [p.label.zh, p.placeNote?.zh ?? '']),
    ];
    for (const text of zh) expect(unquoted(text)).not.toMatch(halfWidth);
  });
});
