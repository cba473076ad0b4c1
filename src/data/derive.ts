import type { ComparablePair, Dataset, Metric } from './types';
import { isComparablePair } from './types';
import { decimalsOf } from './numbers';

export type Shift = 'raised' | 'held' | 'lowered';

export interface TargetChange {
  metric: ComparablePair;
  /** 百分点 for rates (unit %), % for levels. */
  measure: '百分点' | '%';
  change: number;
  decimals: number;
  shift: Shift;
}

/** Rates are compared in 百分点, levels in per cent of the 2024 result. */
export function targetChange(metric: ComparablePair): TargetChange {
  const { value: actual } = metric.actual2024;
  const { value: target } = metric.target2025;
  const isRate = metric.unit === '%';
  // One decimal at least, so a list of changes reads consistently (+2.0, −2.0, +0.4).
  const decimals = isRate ? Math.max(decimalsOf(actual), decimalsOf(target), 1) : 1;
  const raw = isRate ? target - actual : ((target - actual) / Math.abs(actual)) * 100;
  const change = Number(raw.toFixed(decimals));
  const shift: Shift = change > 0 ? 'raised' : change < 0 ? 'lowered' : 'held';
  return { metric, measure: isRate ? '百分点' : '%', change, decimals, shift };
}

export function comparablePairs(dataset: Dataset): ComparablePair[] {
  return dataset.metrics.filter(isComparablePair);
}

/** Pairs that must never be drawn on one scale, for a caveats list. */
export function nonComparablePairs(dataset: Dataset): Metric[] {
  return dataset.metrics.filter((m) => m.comparable === false);
}

export function targetChanges(dataset: Dataset): TargetChange[] {
  return comparablePairs(dataset).map(targetChange).sort((a, b) => b.change - a.change);
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
