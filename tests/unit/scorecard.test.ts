import { describe, expect, it } from 'vitest';
import { judge, ruleFor, scorecard, scoredPlaces, type Better } from '../../src/data/scorecard';
import type { LevelFigure } from '../../src/data/levels';
import type { ContextBound } from '../../src/data/context';
import { loadDataset } from '../../src/data/load-node';
import { datasetWithGaoping2026 } from '../support/gaoping-2026';

const figure = (
  value: number | null,
  bound: ContextBound,
  unit = '%',
  extra: Partial<LevelFigure> = {},
): LevelFigure => ({
  id: `f-${value}-${bound}`,
  source: 's',
  place: 'china',
  year: '2025',
  kind: 'target',
  quote: '',
  value,
  unit,
  bound,
  commitment: [],
  measure: { zh: '', en: '' },
  basis: 'real',
  comparability: 'same-measure',
  derived: false,
  inReport: false,
  ...extra,
});
const verdict = (
  target: [number | null, ContextBound, string?],
  result: number | null,
  better: Better = 'higher',
  outcome?: 'met' | 'not-met',
) =>
  judge(
    figure(target[0], target[1], target[2]),
    result === null && !outcome
      ? null
      : figure(result, outcome ? 'qualitative' : 'exact', target[2], outcome ? { outcome } : {}),
    better,
  ).verdict;

describe('the scorecard rule follows the bound', () => {
  it('以上 is a floor: met at or above, not met below', () => {
    expect(ruleFor('以上')).toBe('floor');
    expect(verdict([5.5, '以上'], 5.5)).toBe('met');
    expect(verdict([5.5, '以上'], 5.6)).toBe('met');
    expect(verdict([5.5, '以上'], 5.4)).toBe('not-met');
  });
  it('突破 is a floor too', () => {
    expect(ruleFor('突破')).toBe('floor');
    expect(verdict([1000, '突破', '亿元'], 1001)).toBe('met');
    expect(verdict([1000, '突破', '亿元'], 999)).toBe('not-met');
  });
  it('以内 is a ceiling: met at or below, not met above', () => {
    expect(ruleFor('以内')).toBe('ceiling');
    expect(verdict([3, '以内'], 3)).toBe('met');
    expect(verdict([3, '以内'], 2.1)).toBe('met');
    expect(verdict([3, '以内'], 3.1)).toBe('not-met');
  });
  it('不超过 is a ceiling', () => {
    expect(ruleFor('不超过')).toBe('ceiling');
    expect(verdict([5.5, '不超过'], 5.5)).toBe('met');
    expect(verdict([5.5, '不超过'], 5.6)).toBe('not-met');
  });
  it('左右 is a band of 0.5 percentage points for a rate: inside is met; outside, only the good side is', () => {
    expect(ruleFor('左右')).toBe('band');
    expect(verdict([5, '左右'], 5)).toBe('met');
    expect(verdict([5, '左右'], 4.5)).toBe('met');
    expect(verdict([5, '左右'], 4.4)).toBe('not-met');
    expect(verdict([5, '左右'], 6)).toBe('met');
    // Unemployment: lower is better, so 5.2 against "5.5左右" is met and 6.1 is not.
    expect(verdict([5.5, '左右'], 5.2, 'lower')).toBe('met');
    expect(verdict([5.5, '左右'], 4.8, 'lower')).toBe('met');
    expect(verdict([5.5, '左右'], 6.1, 'lower')).toBe('not-met');
  });
  it('左右 is a band of 5% of the target for an amount', () => {
    expect(verdict([1.4, '左右', '万亿斤'], 1.43)).toBe('met');
    expect(verdict([1.4, '左右', '万亿斤'], 1.33)).toBe('met');
    expect(verdict([1.4, '左右', '万亿斤'], 1.32)).toBe('not-met');
  });
  it('a plain value is met at or above it for a growth target (at or below where lower is better)', () => {
    expect(ruleFor('exact')).toBe('plain');
    expect(verdict([2, 'exact'], 3.9)).toBe('met');
    expect(verdict([2, 'exact'], 2)).toBe('met');
    expect(verdict([2, 'exact'], 1.9)).toBe('not-met');
    expect(verdict([5.5, 'exact'], 5.6, 'lower')).toBe('not-met');
  });
  it('a qualitative target (基本同步) is judged only where the text states the outcome', () => {
    expect(ruleFor('qualitative')).toBe('qualitative');
    expect(verdict([null, 'qualitative', 'qualitative'], null, 'higher', 'met')).toBe('met');
    expect(verdict([null, 'qualitative', 'qualitative'], null, 'higher', 'not-met')).toBe('not-met');
    const unstated = judge(
      figure(null, 'qualitative', 'qualitative'),
      figure(null, 'qualitative', 'qualitative'),
      'higher',
    );
    expect(unstated.verdict).toBe('no-result');
  });
  it('a target without a result says "no result yet"; it never guesses', () => {
    for (const bound of ['以上', '以内', '左右', 'exact', 'qualitative'] as const)
      expect(verdict([5, bound], null)).toBe('no-result');
  });
  it('refuses to judge across units', () => {
    expect(() => judge(figure(1.4, '左右', '万亿斤'), figure(70650, 'exact', '万吨'), 'higher')).toThrow(
      /units differ/,
    );
  });
});

describe('the scorecard applied', () => {
  const dataset = loadDataset();
  const verdicts = (place: 'sichuan' | 'china' | 'gaoping', data = dataset) =>
    Object.fromEntries(scorecard(data, place).map((s) => [s.row.indicator.id, s.verdict]));

  it('Sichuan: GDP, revenue, grain and jobs met; unemployment and incomes have no 2025 result in our sources', () => {
    expect(verdicts('sichuan')).toEqual({
      'gdp-growth': 'met',
      'budget-revenue-growth': 'met',
      'grain-output': 'met',
      'urban-new-jobs': 'met',
      'urban-surveyed-unemployment': 'no-result',
      'income-in-step': 'no-result',
    });
  });
  it('China: every target it set in its 2025 report met', () => {
    expect(verdicts('china')).toEqual({
      'gdp-growth': 'met',
      'urban-surveyed-unemployment': 'met',
      'grain-output': 'met',
      'urban-new-jobs': 'met',
      'income-in-step': 'met',
    });
  });
  it('Gaoping: targets, but no 2025 results in our sources yet', () => {
    const gaoping = scorecard(dataset, 'gaoping');
    expect(gaoping.length).toBeGreaterThan(5);
    expect(gaoping.every((s) => s.verdict === 'no-result')).toBe(true);
    expect(scoredPlaces(dataset)).toEqual(['sichuan', 'china']);
  });
  it("adding Gaoping's 2026 report (a fixture source with 2025 results) lights up Gaoping's scorecard with no code change", () => {
    const later = datasetWithGaoping2026();
    expect(scoredPlaces(later)).toEqual(['gaoping', 'sichuan', 'china']);
    // The fixture's invented results: 6.8 against "6.5以上", 9.1 against "10.5以上", 5 against a plain 5, 6012 against 5700.
    expect(verdicts('gaoping', later)).toMatchObject({
      'gdp-growth': 'met',
      'industrial-value-added-growth': 'not-met',
      'budget-revenue-growth': 'met',
      'urban-new-jobs': 'met',
      'retail-sales-growth': 'no-result',
    });
  });
});
