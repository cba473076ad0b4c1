/** Types for data/metrics.json. The JSON Schema in data/metrics.schema.json is the contract; these mirror it. */
import type { Bilingual } from '../content/types';
export type { Lang, Bilingual } from '../content/types';

export const SECTORS = [
  'headline', 'industry', 'services', 'agriculture', 'innovation',
  'investment-trade', 'urban-rural', 'environment', 'livelihoods',
] as const;
export type Sector = (typeof SECTORS)[number];

export type Qualifier = 'exact' | '以上' | '左右' | '确保' | '力争' | '突破' | '超过' | '稳定在' | '保持在' | '控制在';

export interface Actual2024 {
  value: number;
  qualifier?: Qualifier[];
  quote: string;
  /** Only when the report words the unit differently from the metric's unit (e.g. 家 vs 户). */
  unit?: string;
}

export interface Target2025 {
  value: number;
  qualifier: Qualifier[];
  quote: string;
  unit?: string;
}

export interface Metric {
  id: string;
  label: Bilingual;
  sector: Sector;
  unit: string;
  actual2024: Actual2024 | null;
  target2025: Target2025 | null;
  /** true/false only when both years exist; null for single-year records. */
  comparable: boolean | null;
  note?: Bilingual;
}

export interface ArtefactNote {
  kind: 'substitution-artefact';
  token: string;
  location: string;
  asReceived: string;
  probablyMeant: string;
}

export interface Project {
  id: string;
  label: Bilingual;
  sector: Sector;
  /** 2024: a result the report reviews; 2025: a plan. */
  year: 2024 | 2025;
  quote: string;
  /** The place names as the report words them (隆兴, 黄溪…). */
  placeNames: string[];
  /** Today's township-level units, 9-digit codes; empty when district-wide. */
  codes: string[];
  districtWide: boolean;
  placeNote?: Bilingual;
}

export interface Dataset {
  schemaVersion: string;
  source: {
    title: Bilingual;
    date: string;
    venue: Bilingual;
    file: string;
    notes: ArtefactNote[];
  };
  metrics: Metric[];
  projects: Project[];
}

/** A metric whose two years measure the same thing and may be drawn on one scale. */
export type ComparablePair = Metric & { actual2024: Actual2024; target2025: Target2025; comparable: true };

export function isComparablePair(metric: Metric): metric is ComparablePair {
  return metric.comparable === true && metric.actual2024 !== null && metric.target2025 !== null;
}
