/**
 * Types for data/metrics.json, inferred from its one declaration (src/data/dataset-schema.ts, which
 * also makes data/metrics.schema.json); the loader resolves record ids into the in-memory Dataset
 * the charts read. The value lists (SECTORS, BOUNDS…) live here, free of zod, for browser code too.
 */
import type { z } from 'zod';
import type { ContextSet } from './context';
import type { DATASET } from './dataset-schema';
export type { Lang, Bilingual } from '../content/types';

export const SECTORS = [
  'headline',
  'industry',
  'services',
  'agriculture',
  'innovation',
  'investment-trade',
  'urban-rural',
  'environment',
  'livelihoods',
  'governance',
] as const;
export type Sector = (typeof SECTORS)[number];

/** How a value bounds the quantity, as the report words it. */
export const BOUNDS = ['exact', '以上', '以内', '左右', '突破', '超过', '超', '稳超', '余'] as const;
export type Bound = (typeof BOUNDS)[number];
/** Bounds that state a floor: the quantity is at least the value. */
export const FLOOR_BOUNDS: readonly Bound[] = ['以上', '突破', '超过', '超', '稳超', '余'];

/** Words that hedge or frame a target. A word that governs a 、-separated list applies to every item. */
export const COMMITMENTS = ['力争', '确保', '争创', '稳定在', '保持在', '控制在'] as const;

/** The units a metric is compared in (a record keeps whatever unit the report words: 项, 方阵, 座…). */
export const UNITS = [
  '%',
  '百分点',
  '亿元',
  '万美元',
  '万吨',
  '万亩',
  '万头',
  '万平方米',
  '平方公里',
  '公里',
  '万人',
  '万台',
  '人',
  '户',
  '个',
  '家',
  '件',
  '辆',
  '台',
  '部',
  '套',
  '微克/立方米',
  '万元',
] as const;

export const RECORD_KINDS = ['result', 'target', 'ranking', 'count'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

type DatasetParts = (typeof DATASET)['parts'];

/** One quantitative statement of the report: the ledger's unit (fields: src/data/dataset-schema.ts). */
export type LedgerRecord = z.infer<DatasetParts['record']>;
/**
 * How a pair's two years relate. Only 'comparable' pairs are drawn on one scale and counted as
 * raised, held or lowered. 'not-comparable': the years measure different things (the note says
 * why). 'different-scope': the same indicator over a different area or set, as the report states
 * it. 'scope-unclear': the same indicator, but the report does not say whether the target covers
 * what the result covers, so we do not assert either scope.
 */
export const COMPARABILITIES = ['comparable', 'not-comparable', 'different-scope', 'scope-unclear'] as const;
export type Comparability = (typeof COMPARABILITIES)[number];

/** A metric as stored: record ids for each year. */
type RawMetric = z.infer<DatasetParts['metric']>;

/** A resolved figure: the record a metric year points to. */
export type Figure = LedgerRecord;

/** A metric with its record ids resolved into figures. */
export interface Metric extends Omit<RawMetric, 'actual2024' | 'target2025' | 'result'> {
  actual2024: Figure | null;
  target2025: Figure | null;
  /** true only for 'comparable' pairs; false for every other state of a pair; null for one year. */
  comparable: boolean | null;
}

type Source = z.infer<DatasetParts['source']>;
export type ArtefactNote = Source['notes'][number];
export type Project = z.infer<DatasetParts['project']>;

/** data/metrics.json as stored. */
export type RawDataset = z.infer<typeof DATASET.document>;

export interface Dataset {
  schemaVersion: string;
  source: Source;
  records: LedgerRecord[];
  metrics: Metric[];
  projects: Project[];
  /**
   * The sources table and the context records (data/sources.json, data/context.json); the build's
   * loader always attaches them. Absent only for a dataset parsed on its own, in a test.
   */
  context?: ContextSet;
}

/** A metric whose two years measure the same thing and may be drawn on one scale. */
export type ComparablePair = Metric & { actual2024: Figure; target2025: Figure; comparable: true };

export function isComparablePair(metric: Metric): metric is ComparablePair {
  return metric.comparable === true && metric.actual2024 !== null && metric.target2025 !== null;
}

/** Resolve record ids into figures; throws on an unknown id (validation reports it first). */
export function resolveDataset(raw: RawDataset): Dataset {
  const records = new Map(raw.records.map((r) => [r.id, r]));
  const figure = (id: string | null): Figure | null => {
    if (id === null) return null;
    const record = records.get(id);
    if (!record) throw new Error(`unknown record id "${id}"`);
    return record;
  };
  return {
    schemaVersion: raw.schemaVersion,
    source: raw.source,
    records: raw.records,
    projects: raw.projects,
    metrics: raw.metrics.map((m) => ({
      ...m,
      actual2024: figure(m.actual2024),
      target2025: figure(m.target2025),
      comparable: m.comparability === null ? null : m.comparability === 'comparable',
    })),
  };
}
