/**
 * Was the 2025 target met? A target record and a result record give met, not met, or no result
 * yet; the rule follows the target's bound. It never guesses: no result, no verdict.
 */
import { FLOOR_BOUNDS, type Dataset } from './types';
import { PLACES, type ContextBound, type Place } from './context';
import { levelRows, type LevelFigure, type LevelRow } from './levels';

type Verdict = 'met' | 'not-met' | 'no-result';
export type Rule = 'floor' | 'ceiling' | 'band' | 'plain' | 'qualitative';
export type Better = 'higher' | 'lower';

/** 以上, 突破 (and the report's other floors: 超过, 稳超…) set a minimum. */
const FLOORS: readonly ContextBound[] = [...FLOOR_BOUNDS];
/** 以内 and 不超过 set a maximum. */
const CEILINGS: readonly ContextBound[] = ['以内', '不超过'];

/**
 * 左右 is a band: within 0.5 percentage points of a rate target, or within 5% of any other target
 * (stated in the methods). A result beyond the band on the indicator's good side (more growth,
 * less unemployment) meets it; beyond it on the other side does not.
 */
export const BAND_RATE_POINTS = 0.5;
export const BAND_SHARE = 0.05;

function bandWidth(target: { value: number; unit: string }): number {
  return target.unit === '%' ? BAND_RATE_POINTS : Math.abs(target.value) * BAND_SHARE;
}

export function ruleFor(bound: ContextBound): Rule {
  if (bound === 'qualitative') return 'qualitative';
  if (FLOORS.includes(bound)) return 'floor';
  if (CEILINGS.includes(bound)) return 'ceiling';
  if (bound === '左右') return 'band';
  return 'plain';
}

export interface Judgement {
  verdict: Verdict;
  rule: Rule;
  target: LevelFigure;
  result: LevelFigure | null;
}

// Figures are typed decimals (5.5, 1.43): compare them with a tolerance for binary rounding only.
const EPSILON = 1e-9;

/** The verdict for one target and its result (null when none is published in our sources). */
export function judge(target: LevelFigure, result: LevelFigure | null, better: Better): Judgement {
  const rule = ruleFor(target.bound);
  const verdict = (v: Verdict): Judgement => ({ verdict: v, rule, target, result });
  if (result === null) return verdict('no-result');
  if (rule === 'qualitative') return verdict(result.outcome ?? 'no-result');
  if (target.value === null || result.value === null)
    throw new Error(`cannot judge ${target.id} against ${result.id}: a value is missing`);
  if (target.unit !== result.unit)
    throw new Error(`cannot judge ${target.id} (${target.unit}) against ${result.id} (${result.unit}): units differ`);
  const t = target.value;
  const r = result.value;
  const atLeast = r >= t - EPSILON;
  const atMost = r <= t + EPSILON;
  switch (rule) {
    case 'floor':
      return verdict(atLeast ? 'met' : 'not-met');
    case 'ceiling':
      return verdict(atMost ? 'met' : 'not-met');
    case 'plain':
      return verdict((better === 'higher' ? atLeast : atMost) ? 'met' : 'not-met');
    case 'band': {
      const width = bandWidth({ value: t, unit: target.unit });
      if (Math.abs(r - t) <= width + EPSILON) return verdict('met');
      const goodSide = better === 'higher' ? r > t : r < t;
      return verdict(goodSide ? 'met' : 'not-met');
    }
  }
}

export interface ScorecardRow extends Judgement {
  row: LevelRow;
  place: Place;
}

/** Every 2025 target a place set, judged against its 2025 result in our sources. */
export function scorecard(dataset: Dataset, place: Place): ScorecardRow[] {
  return levelRows(dataset).flatMap((row) => {
    const cell = row.cells.find((c) => c.place === place)!;
    if (!cell.target2025) return [];
    return [{ ...judge(cell.target2025, cell.result2025, row.indicator.better), row, place }];
  });
}

/** Places whose scorecard has at least one verdict: the page shows those, and one line for the rest. */
export function scoredPlaces(dataset: Dataset): Place[] {
  return PLACES.filter((place) => scorecard(dataset, place).some((s) => s.verdict !== 'no-result'));
}
