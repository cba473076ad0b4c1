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
export const SCOPE_STATES: readonly Comparability[] = ['different-scope', 'scope-unclear'];

/** Pairs in one state. */
export function pairsInState(dataset: Dataset, state: Comparability): Metric[] {
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
  const counts = { pairs: 0, ...Object.fromEntries(COMPARABILITIES.map((s) => [s, 0])) } as { pairs: number } & Record<Comparability, number>;
  for (const metric of dataset.metrics) {
    if (metric.comparability === null) continue;
    counts.pairs += 1;
    counts[metric.comparability] += 1;
  }
  return counts;
}

/** The deepest cut among comparable levels (the most negative % change), or undefined. */
export function deepestLevelCut(dataset: Dataset): TargetChange | undefined {
  return targetChanges(dataset).filter((c) => c.measure === '%' && c.shift === 'lowered').at(-1);
}

export function targetChanges(dataset: Dataset): TargetChange[] {
  return comparablePairs(dataset).map(targetChange).sort((a, b) => b.change - a.change);
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
