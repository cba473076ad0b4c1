import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-node';
import { contentByLang } from '../../src/content';
import { describePair } from '../../src/charts/describe';
import { formatFigure } from '../../src/data/format';
import { charts } from '../../src/charts/registry';
import { loadTopology } from '../../src/geo/load-node';

/** No sentence may put one year's number under the other year's measure. */
const dataset = loadDataset();
const geo = loadTopology();
const unlike = dataset.metrics.filter(
  (m) => m.comparability === 'not-comparable' || m.comparability === 'different-scope',
);

describe('each value names its own measure', () => {
  it('there are pairs to check', () => {
    expect(unlike.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(['zh', 'en'] as const)('%s', (lang) => {
    const text = contentByLang[lang].chartText;
    it.each(unlike.map((m) => [m.id, m] as const))(
      "%s: each figure follows its own measure, never the other year's",
      (_id, metric) => {
        const actual = metric.actual2024!;
        const target = metric.target2025!;
        expect(actual.measure[lang]).not.toBe(target.measure[lang]);
        const sentence = describePair(metric, lang, text);
        const actualFigure = formatFigure(actual, metric, lang);
        const targetFigure = formatFigure(target, metric, lang);
        const joiner = lang === 'zh' ? '为' : ', ';
        expect(sentence).toContain(`${actual.measure[lang]}${joiner}${actualFigure}`);
        expect(sentence).toContain(`${target.measure[lang]}${joiner}${targetFigure}`);
        if (actualFigure !== targetFigure)
          expect(sentence).not.toContain(`${target.measure[lang]}${joiner}${actualFigure}`);
        expect(sentence).not.toContain(`${metric.label[lang]}${lang === 'zh' ? '' : ': '}${actualFigure}`);
        // The 2024 figure comes before the 2025 measure: it is never under it.
        expect(sentence.indexOf(actualFigure)).toBeLessThan(sentence.indexOf(target.measure[lang]));
      },
    );

    it('every chart description that mentions such a pair uses the per-year sentence', () => {
      for (const chart of charts) {
        const description = chart.describe({ dataset, geo }, lang, text);
        for (const metric of unlike.filter((m) => chart.keys({ dataset, geo }).includes(m.id))) {
          expect(description, `${chart.id}: ${metric.id}`).toContain(describePair(metric, lang, text));
        }
      }
    });
  });
});
