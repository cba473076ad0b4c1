/**
 * Types for data/metrics.json. The JSON Schema in data/metrics.schema.json is the contract for the
 * file (RawDataset); the loader resolves record ids into the in-memory Dataset the charts read.
 */
import type { Bilingual } from '../content/types';
import type { ContextSet } from './context';
export type { Lang, Bilingual } from '../content/types';

export const SECTORS = [
  'headline', 'industry', 'services', 'agriculture', 'innovation',
  'investment-trade', 'urban-rural', 'environment', 'livelihoods', 'governance',
] as const;
export type Sector = (typeof SECTORS)[number];

/** How a value bounds the quantity, as the report words it. */
export const BOUNDS = ['exact', '以上', '以内', '左右', '突破', '超过', '超', '稳超', '余'] as const;
export type Bound = (typeof BOUNDS)[number];
/** Bounds that state a floor: the quantity is at least the value. */
export const FLOOR_BOUNDS: readonly Bound[] = ['以上', '突破', '超过', '超', '稳超', '余'];

/** Words that hedge or frame a target. A word that governs a 、-separated list applies to every item. */
export const COMMITMENTS = ['力争', '确保', '争创', '稳定在', '保持在', '控制在'] as const;
export type Commitment = (typeof COMMITMENTS)[number];

export const RECORD_KINDS = ['result', 'target', 'ranking', 'count'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** One quantitative statement of the report: the ledger's unit. */
export interface LedgerRecord {
  id: string;
  /** Verbatim fragment of the report; occurs once, or `occurrence` says which (1-based). */
  quote: string;
  occurrence?: number;
  value: number;
  /** The value as the report writes it in Chinese numerals (千亿, 五); absent for digits. */
  written?: string;
  /** The report's own unit. */
  unit: string;
  /** "2024", "2025" or a span "2023-2024". */
  year: string;
  kind: RecordKind;
  sector: Sector;
  placeCodes?: string[];
  bound: Bound;
  commitment: Commitment[];
  /** What this value measures, in each language. */
  measure: Bilingual;
}

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
export interface RawMetric {
  id: string;
  label: Bilingual;
  sector: Sector;
  unit: string;
  actual2024: string | null;
  target2025: string | null;
  comparability: Comparability | null;
  /** The reason (not-comparable), the caveat shown beside the figure (different-scope, scope-unclear), or another note. */
  note?: Bilingual;
}

/** A resolved figure: the record a metric year points to. */
export type Figure = LedgerRecord;

export interface Metric {
  id: string;
  label: Bilingual;
  sector: Sector;
  unit: string;
  actual2024: Figure | null;
  target2025: Figure | null;
  comparability: Comparability | null;
  /** true only for 'comparable' pairs; false for every other state of a pair; null for one year. */
  comparable: boolean | null;
  note?: Bilingual;
}

export interface ArtefactNote {
  kind: 'substitution-artefact';
  token: string;
  location: string;
  asReceived: string;
  /** For each token in asReceived, in order: the words it stands for, on their own, so that they read correctly in its place. */
  standsFor: Bilingual[];
}

export type PlaceStatus = 'located' | 'district-wide' | 'unlocated';

export interface Project {
  id: string;
  label: Bilingual;
  sector: Sector;
  /** 2024: a result the report reviews; 2025: a plan. */
  year: 2024 | 2025;
  quote: string;
  /** The place names as the report words them (隆兴, 黄溪…). */
  placeNames: string[];
  placeStatus: PlaceStatus;
  /** The place as the report writes it, when unlocated. */
  unlocatedName?: string;
  /** Today's township-level units, 9-digit codes; non-empty exactly when located. */
  codes: string[];
  placeNote?: Bilingual;
}

export interface Source {
  title: Bilingual;
  date: string;
  venue: Bilingual;
  file: string;
  notes: ArtefactNote[];
}

export interface RawDataset {
  schemaVersion: string;
  source: Source;
  records: LedgerRecord[];
  metrics: RawMetric[];
  projects: Project[];
}

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
