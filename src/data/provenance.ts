import type { Bilingual, Dataset, Metric, Qualifier, Sector } from './types';
import { isComparablePair } from './types';
import { targetChange, type Shift } from './derive';

/**
 * Provenance: every quantitative statement and place-tied project, with the sentence it comes from.
 * This file is the ONE adapter between the dataset's shape and everything that links a figure to
 * its sentence (the annotated report, the explorer, the "source" links on figures). When the
 * dataset becomes a ledger of records, only `provenance()` changes.
 */
export type EntryKind = 'result' | 'target' | 'project';

/** Words that change what a number means (以上, 左右…), as against words of commitment (力争, 确保…). */
const BOUNDS: ReadonlySet<string> = new Set(['以上', '左右', '突破', '超过']);

export interface ProvenanceEntry {
  /** Stable id: `<metric-id>-2024` / `<metric-id>-2025` for a metric's years, the project id for a project. */
  id: string;
  quote: string;
  /** Which occurrence of the quote in the report (1-based), when it occurs more than once. */
  occurrence?: number;
  /**
   * Bridge until every record carries `occurrence`: a metric's 2024 result is by definition in the
   * report's review of 2024, its 2025 target in the 2025 tasks. Used only to tell repeated quotes apart.
   */
  within?: 2024 | 2025;
  kind: EntryKind;
  year: 2024 | 2025;
  sector: Sector;
  value?: number;
  unit?: string;
  /** The report's bound on the number (以上, 左右…), or `exact`. */
  bound: string[];
  /** The report's words of commitment (力争, 确保, 保持在…); empty when none. */
  commitment: string[];
  label: Bilingual;
  /** The entry for the other year of the same measure. */
  pairedWith?: string;
  /** true/false when paired; null when the report gives only one year (or for a project). */
  comparable: boolean | null;
  /** For a comparable pair: whether the 2025 target raises, holds or lowers the 2024 result. */
  change: Shift | null;
  note?: Bilingual;
  /** The metric this entry belongs to, if any. */
  metric?: string;
  /** The data keys chart marks carry for this entry (metric ids, town codes): how charts that draw it are found. */
  keys: string[];
  /** Today's township-level units (projects). */
  townCodes: string[];
  /** Where the quote sits in the dataset, for error messages: the record and field to fix. */
  origin: { record: string; field: string };
}

function splitQualifiers(qualifiers: Qualifier[] | undefined): { bound: string[]; commitment: string[] } {
  const list = qualifiers ?? ['exact'];
  const bound = list.filter((q) => q === 'exact' || BOUNDS.has(q));
  return { bound: bound.length > 0 ? bound : ['exact'], commitment: list.filter((q) => q !== 'exact' && !BOUNDS.has(q)) };
}

function metricEntries(metric: Metric): ProvenanceEntry[] {
  const change = isComparablePair(metric) ? targetChange(metric).shift : null;
  const both = metric.actual2024 !== null && metric.target2025 !== null;
  const entries: ProvenanceEntry[] = [];
  const common = {
    sector: metric.sector,
    label: metric.label,
    comparable: both ? metric.comparable : null,
    change,
    note: metric.note,
    metric: metric.id,
    keys: [metric.id],
    townCodes: [],
  };
  if (metric.actual2024) {
    entries.push({
      ...common,
      id: `${metric.id}-2024`,
      quote: metric.actual2024.quote,
      within: 2024,
      kind: 'result',
      year: 2024,
      value: metric.actual2024.value,
      unit: metric.actual2024.unit ?? metric.unit,
      ...splitQualifiers(metric.actual2024.qualifier),
      pairedWith: both ? `${metric.id}-2025` : undefined,
      origin: { record: `metric "${metric.id}"`, field: 'actual2024.quote' },
    });
  }
  if (metric.target2025) {
    entries.push({
      ...common,
      id: `${metric.id}-2025`,
      quote: metric.target2025.quote,
      within: 2025,
      kind: 'target',
      year: 2025,
      value: metric.target2025.value,
      unit: metric.target2025.unit ?? metric.unit,
      ...splitQualifiers(metric.target2025.qualifier),
      pairedWith: both ? `${metric.id}-2024` : undefined,
      origin: { record: `metric "${metric.id}"`, field: 'target2025.quote' },
    });
  }
  return entries;
}

/** Every entry of the dataset: metrics' years in dataset order, then projects. Ids are unique (checked). */
export function provenance(dataset: Dataset): ProvenanceEntry[] {
  const entries: ProvenanceEntry[] = [
    ...dataset.metrics.flatMap(metricEntries),
    ...dataset.projects.map((project): ProvenanceEntry => ({
      id: project.id,
      quote: project.quote,
      kind: 'project',
      year: project.year,
      sector: project.sector,
      bound: [],
      commitment: [],
      label: project.label,
      comparable: null,
      change: null,
      note: project.placeNote,
      keys: project.codes,
      townCodes: project.codes,
      origin: { record: `project "${project.id}"`, field: 'quote' },
    })),
  ];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) throw new Error(`${entry.origin.record}: provenance id "${entry.id}" is not unique`);
    seen.add(entry.id);
  }
  return entries;
}

/** A 2024 result and its 2025 target: one row of the explorer, and what a pair's links point to. */
export interface ProvenancePair {
  id: string;
  label: Bilingual;
  sector: Sector;
  actual: ProvenanceEntry;
  target: ProvenanceEntry;
  comparable: boolean | null;
  change: Shift | null;
  note?: Bilingual;
}

export function provenancePairs(entries: ProvenanceEntry[]): ProvenancePair[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return entries.filter((entry) => entry.kind === 'result' && entry.pairedWith).map((actual) => {
    const target = byId.get(actual.pairedWith!)!;
    return { id: actual.metric ?? actual.id, label: actual.label, sector: actual.sector, actual, target, comparable: actual.comparable, change: actual.change, note: actual.note };
  });
}

/** Entries whose marks carry this data key (a metric id, a town code). */
export function entriesForKey(entries: ProvenanceEntry[], key: string): ProvenanceEntry[] {
  return entries.filter((entry) => entry.keys.includes(key));
}
