import type { Comparability, ComparablePair, Dataset, Metric } from './types';
import { COMPARABILITIES, isComparablePair } from './types';
import { FLOOR_BOUNDS } from './types';
import { CHANGE_DECIMALS } from './format';

export type Shift = 'raised' | 'held' | 'lowered';

export interface TargetChange {
  metric: ComparablePair;
  /** 百分点 for rates (unit %), % for levels. */
  measure: '百分点' | '%';
  change: number;
  decimals: number;
  shift: Shift;
  /** Both years are stated only as floors (突破千亿 / 1000亿元以上): the change compares the floors. */
  floors: boolean;
}

/** Rates are compared in 百分点, levels in per cent of the 2024 result. */
export function targetChange(metric: ComparablePair): TargetChange {
  const { value: actual } = metric.actual2024;
  const { value: target } = metric.target2025;
  const isRate = metric.unit === '%';
  const floors = FLOOR_BOUNDS.includes(metric.actual2024.bound);
  // One decimal for every change, so a list reads consistently (+2.0, −2.0, +0.4); a change between
  // two floors is rounded to whole units, since neither year's value is known to a decimal.
  const decimals = floors ? 0 : CHANGE_DECIMALS;
  const raw = isRate ? target - actual : ((target - actual) / Math.abs(actual)) * 100;
  const change = Number(raw.toFixed(decimals));
  const shift: Shift = change > 0 ? 'raised' : change < 0 ? 'lowered' : 'held';
  return { metric, measure: isRate ? '百分点' : '%', change, decimals, shift, floors };
}

/**
 * What a pair says, in the words the data files use: a comparable pair was raised, held or
 * lowered; any other comparability state is its own direction, named as the state is (so a new
 * state, such as an unclear scope, is a new direction without another line here).
 */
export type Direction = Shift | Exclude<Comparability, 'comparable'>;

/** The change's unit as the data files write it: pp (百分点) for rates, % of the 2024 result for levels. */
type ChangeUnit = 'pp' | '%';

/** The fields the story's counts are computed from, one set per metric (all null for one year only). */
export interface PairResult {
  direction: Direction | null;
  /** Rounded as the story prints it (one decimal); null unless comparable. */
  change: number | null;
  change_unit: ChangeUnit | null;
  /** values: the two figures; floors: both are stated as floors (突破, 以上…) and the floors are compared. */
  compared_on: 'values' | 'floors' | null;
}

const NO_RESULT: PairResult = { direction: null, change: null, change_unit: null, compared_on: null };

export function pairResult(metric: Metric): PairResult {
  if (!metric.actual2024 || !metric.target2025 || metric.comparability === null) return NO_RESULT;
  if (!isComparablePair(metric))
    return { ...NO_RESULT, direction: metric.comparability as Exclude<Comparability, 'comparable'> };
  const change = targetChange(metric);
  return {
    direction: change.shift,
    change: change.change,
    change_unit: change.measure === '百分点' ? 'pp' : '%',
    compared_on: change.floors ? 'floors' : 'values',
  };
}

/** How many pairs have each direction: the hero's counts, from the same fields the data files carry. */
export function directionCounts(dataset: Dataset): Record<Direction, number> & { floors: number; comparable: number } {
  const results = dataset.metrics.map(pairResult);
  const count = (direction: Direction) => results.filter((r) => r.direction === direction).length;
  const states = COMPARABILITIES.filter(
    (state): state is Exclude<Comparability, 'comparable'> => state !== 'comparable',
  );
  return {
    raised: count('raised'),
    held: count('held'),
    lowered: count('lowered'),
    ...(Object.fromEntries(states.map((state) => [state, count(state)])) as Record<
      Exclude<Comparability, 'comparable'>,
      number
    >),
    comparable: results.filter((r) => r.change !== null).length,
    floors: results.filter((r) => r.compared_on === 'floors').length,
  };
}

export function comparablePairs(dataset: Dataset): ComparablePair[] {
  return dataset.metrics.filter(isComparablePair);
}

/**
 * The comparability state every page and download shows for a metric: one of the pair states, or
 * 'single-year' when the report gives only one year. Cards, the explorer, the CSV columns and the
 * hero counts all read it from here, so a state can never be shown under another's name.
 */
export const COMPARABILITY_STATES = [...COMPARABILITIES, 'single-year'] as const;
export type ComparabilityState = (typeof COMPARABILITY_STATES)[number];

export function comparabilityState(metric: Pick<Metric, 'comparability'>): ComparabilityState {
  return metric.comparability ?? 'single-year';
}

/** States of a pair that is the same indicator but whose scope differs or is not stated. */
const SCOPE_STATES: readonly Comparability[] = ['different-scope', 'scope-unclear'];

/** Pairs in one state. */
function pairsInState(dataset: Dataset, state: Comparability): Metric[] {
  return dataset.metrics.filter((m) => m.comparability === state);
}

/** Pairs that measure different things: never drawn on one scale, listed with the reason. */
export function nonComparablePairs(dataset: Dataset): Metric[] {
  return pairsInState(dataset, 'not-comparable');
}

/**
 * Same indicator, but a different scope or one the report leaves unclear: shown with the caveat
 * beside the figure, never counted as raised/held/lowered.
 */
export function scopePairs(dataset: Dataset): Metric[] {
  return dataset.metrics.filter((m) => m.comparability !== null && SCOPE_STATES.includes(m.comparability));
}

/** How many pairs (both years given) the dataset holds in each state; the states add up to `pairs`. */
export function pairStateCounts(dataset: Dataset): { pairs: number } & Record<Comparability, number> {
  const counts = { pairs: 0, ...Object.fromEntries(COMPARABILITIES.map((s) => [s, 0])) } as { pairs: number } & Record<
    Comparability,
    number
  >;
  for (const metric of dataset.metrics) {
    if (metric.comparability === null) continue;
    counts.pairs += 1;
    counts[metric.comparability] += 1;
  }
  return counts;
}

/** The deepest cut among comparable levels (the most negative % change), or undefined. */
export function deepestLevelCut(dataset: Dataset): TargetChange | undefined {
  return targetChanges(dataset)
    .filter((c) => c.measure === '%' && c.shift === 'lowered')
    .at(-1);
}

export function targetChanges(dataset: Dataset): TargetChange[] {
  return comparablePairs(dataset)
    .map(targetChange)
    .sort((a, b) => b.change - a.change);
}

/**
 * 2024's own plan, worked back from the result and how far it beat the plan ("完成投资312.5亿元、
 * 超年度计划投资34.7个百分点" → 312.5 / 1.347 ≈ 232亿元), in whole units; undefined when the ledger
 * has no `<metric>-over-plan-2024` record in 百分点.
 */
export function impliedPlan2024(dataset: Dataset, metric: Metric): number | undefined {
  const over = dataset.records.find((r) => r.id === `${metric.id}-over-plan-2024` && r.unit === '百分点');
  if (!over || !metric.actual2024) return undefined;
  return Math.round(metric.actual2024.value / (1 + over.value / 100));
}

/** The 2025 target as a share of the 2024 result, in whole per cent. */
export function targetShareOfActual(metric: ComparablePair): number {
  return Math.round((metric.target2025.value / metric.actual2024.value) * 100);
}

export function metricById(dataset: Dataset, id: string): Metric {
  const metric = dataset.metrics.find((m) => m.id === id);
  if (!metric) throw new Error(`unknown metric id "${id}"`);
  return metric;
}

/**
 * What a comparable pair measures, for the story's finding: a growth rate (the report words it
 * "比上年增长", growth on the year before), another rate or share (forest cover, water quality),
 * or a volume (tonnes, yuan, firms, projects).
 */
export type PairKind = 'growth' | 'share' | 'volume';
const PAIR_KINDS: readonly PairKind[] = ['growth', 'share', 'volume'];
const GROWTH_MEASURE_ZH = '比上年增长';

export function pairKind(metric: ComparablePair): PairKind {
  if (metric.unit !== '%') return 'volume';
  return metric.actual2024.measure.zh.includes(GROWTH_MEASURE_ZH) ? 'growth' : 'share';
}

export interface KindTally {
  kind: PairKind;
  /** Raised first (largest rise first), then held, then lowered (deepest cut last). */
  changes: TargetChange[];
  raised: number;
  held: number;
  lowered: number;
}

/** The comparable pairs counted by kind and direction: the story's finding, computed. */
export function tallyByKind(dataset: Dataset): KindTally[] {
  const changes = targetChanges(dataset);
  return PAIR_KINDS.map((kind) => {
    const ofKind = changes.filter((c) => pairKind(c.metric) === kind);
    const count = (shift: Shift) => ofKind.filter((c) => c.shift === shift).length;
    return { kind, changes: ofKind, raised: count('raised'), held: count('held'), lowered: count('lowered') };
  }).filter((tally) => tally.changes.length > 0);
}

/** The direction most of a set of changes take, or undefined when none has a majority. */
export function majorityShift(tally: Pick<KindTally, 'raised' | 'held' | 'lowered' | 'changes'>): Shift | undefined {
  return (['raised', 'held', 'lowered'] as const).find((shift) => tally[shift] > tally.changes.length / 2);
}
