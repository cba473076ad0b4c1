import type { ComparablePair, Dataset, Metric } from './types';
import { isComparablePair } from './types';
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
  // One decimal for every change, so a list reads consistently (+2.0, −2.0, +0.4).
  const decimals = CHANGE_DECIMALS;
  const raw = isRate ? target - actual : ((target - actual) / Math.abs(actual)) * 100;
  const change = Number(raw.toFixed(decimals));
  const shift: Shift = change > 0 ? 'raised' : change < 0 ? 'lowered' : 'held';
  const floors = FLOOR_BOUNDS.includes(metric.actual2024.bound);
  return { metric, measure: isRate ? '百分点' : '%', change, decimals, shift, floors };
}

export function comparablePairs(dataset: Dataset): ComparablePair[] {
  return dataset.metrics.filter(isComparablePair);
}

/** Pairs that measure different things: never drawn on one scale, listed with the reason. */
export function nonComparablePairs(dataset: Dataset): Metric[] {
  return dataset.metrics.filter((m) => m.comparability === 'not-comparable');
}

/** Same indicator, different scope: shown with the caveat beside the figure, never counted as raised/held/lowered. */
export function differentScopePairs(dataset: Dataset): Metric[] {
  return dataset.metrics.filter((m) => m.comparability === 'different-scope');
}

/** The deepest cut among comparable levels (the most negative % change), or undefined. */
export function deepestLevelCut(dataset: Dataset): TargetChange | undefined {
  return targetChanges(dataset).filter((c) => c.measure === '%' && c.shift === 'lowered').at(-1);
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

/**
 * What a comparable pair measures, for the story's finding: a growth rate (the report words it
 * "比上年增长", growth on the year before), another rate or share (forest cover, water quality),
 * or a volume (tonnes, yuan, firms, projects).
 */
export type PairKind = 'growth' | 'share' | 'volume';
export const PAIR_KINDS: readonly PairKind[] = ['growth', 'share', 'volume'];
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
