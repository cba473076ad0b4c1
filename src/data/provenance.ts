import type { Bilingual, Dataset, LedgerRecord, Metric, RecordKind, Sector } from './types';
import { isComparablePair } from './types';
import { comparabilityState, targetChange, type ComparabilityState, type Shift } from './derive';
import { quoteIn } from './format';

/**
 * Provenance: every quantitative statement and place-tied project, with the sentence it comes from.
 * This file is the ONE adapter between the dataset's shape and everything that links a figure to
 * its sentence (the annotated report, the explorer, the "source" links on figures): one entry per
 * record of the ledger (a metric's year carries its pair's label, comparability and keys), plus one
 * per place-tied project.
 */
type EntryKind = 'result' | 'target' | 'project';

export interface ProvenanceEntry {
  /** Stable id: the ledger record's id, or the project's id. */
  id: string;
  quote: string;
  /** Which occurrence of the quote in the report (1-based), when it occurs more than once. */
  occurrence?: number;
  /** result (2024) or target (2025) for a record, whatever its ledger kind; project for a project. */
  kind: EntryKind;
  /** The ledger's own kind (result, target, ranking, count); absent for a project. */
  recordKind?: RecordKind;
  /** What the record's value measures, in its own words (a metric's label may name the pair). */
  measure?: Bilingual;
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
  /** The pair's state (comparable, not-comparable, different-scope, scope-unclear) or single-year; null for a project. */
  comparability: ComparabilityState | null;
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

/** Every entry of the dataset: the ledger's records in order, then projects. Ids are unique (checked). */
export function provenance(dataset: Dataset): ProvenanceEntry[] {
  // Which metric, if any, each record is a year of: it then carries the pair's label, comparability and keys.
  const roles = new Map<string, { metric: Metric; year: 2024 | 2025 }>();
  for (const metric of dataset.metrics) {
    if (metric.actual2024) roles.set(metric.actual2024.id, { metric, year: 2024 });
    if (metric.target2025) roles.set(metric.target2025.id, { metric, year: 2025 });
  }
  const recordEntry = (record: LedgerRecord): ProvenanceEntry => {
    const role = roles.get(record.id);
    const metric = role?.metric;
    const both = metric ? metric.actual2024 !== null && metric.target2025 !== null : false;
    const year: 2024 | 2025 = record.year === '2025' ? 2025 : 2024;
    return {
      id: record.id,
      quote: record.quote,
      occurrence: record.occurrence,
      kind: record.kind === 'target' ? 'target' : year === 2025 ? 'target' : 'result',
      recordKind: record.kind,
      year,
      sector: record.sector,
      value: record.value,
      unit: record.unit,
      bound: [record.bound],
      commitment: [...record.commitment],
      label: metric?.label ?? record.measure,
      measure: record.measure,
      pairedWith: both && metric ? (role!.year === 2024 ? metric.target2025!.id : metric.actual2024!.id) : undefined,
      comparability: both && metric ? comparabilityState(metric) : 'single-year',
      change: metric && isComparablePair(metric) ? targetChange(metric).shift : null,
      note: metric?.note,
      metric: metric?.id,
      keys: metric ? [metric.id] : [],
      townCodes: record.placeCodes ?? [],
      origin: { record: `record "${record.id}"`, field: 'quote' },
    };
  };
  const entries: ProvenanceEntry[] = [
    ...dataset.records.map(recordEntry),
    ...dataset.projects.map((project): ProvenanceEntry => ({
      id: project.id,
      quote: project.quote,
      kind: 'project',
      year: project.year,
      sector: project.sector,
      bound: [],
      commitment: [],
      label: project.label,
      comparability: null,
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
  comparability: ComparabilityState | null;
  change: Shift | null;
  note?: Bilingual;
}

export function provenancePairs(entries: ProvenanceEntry[]): ProvenancePair[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return entries
    .filter((entry) => entry.kind === 'result' && entry.pairedWith)
    .map((actual) => {
      const target = byId.get(actual.pairedWith!)!;
      return {
        id: actual.metric ?? actual.id,
        label: actual.label,
        sector: actual.sector,
        actual,
        target,
        comparability: actual.comparability,
        change: actual.change,
        note: actual.note,
      };
    });
}

/** Entries whose marks carry this data key (a metric id, a town code). */
export function entriesForKey(entries: ProvenanceEntry[], key: string): ProvenanceEntry[] {
  return entries.filter((entry) => entry.keys.includes(key));
}

/** An entry's English gloss as the English pages show it (a record's figure filled), or null when it has none. */
export function entryGloss(dataset: Dataset, entry: ProvenanceEntry): string | null {
  if (entry.kind === 'project') return dataset.projects.find((p) => p.id === entry.id)?.quoteEn ?? null;
  const record = dataset.records.find((r) => r.id === entry.id);
  return record ? quoteIn(record, 'en') : null;
}
