/**
 * Gaoping beside the levels above: per indicator and place, the 2024 result, the 2025 target and
 * the 2025 result, each a figure with its quote and source. Gaoping's come from data/metrics.json
 * (its report is the first source), the others from data/context.json.
 */
import type { Bilingual, Dataset, LedgerRecord, Metric } from './types';
import {
  BASES,
  GAOPING_SOURCE_ID,
  PLACES,
  type ContextBound,
  type ContextComparability,
  type ContextIndicator,
  type ContextRecord,
  type ContextSet,
  type Place,
} from './context';

export interface LevelFigure {
  id: string;
  source: string;
  place: Place;
  year: string;
  kind: 'result' | 'target';
  quote: string;
  /** null only for a qualitative aim (同步). */
  value: number | null;
  unit: string;
  bound: ContextBound;
  commitment: string[];
  measure: Bilingual;
  /** Real or nominal growth, as the document says; Gaoping's report does not say (not-stated). */
  basis: (typeof BASES)[number];
  comparability: ContextComparability;
  comparabilityNote?: Bilingual;
  /** Computed from other figures (Nanchong's 2024 growth); shown as derived wherever it appears. */
  derived: boolean;
  /** A record of data/metrics.json: its sentence is highlighted in /report/, not on a source page. */
  inReport: boolean;
  statement?: string;
  outcome?: 'met' | 'not-met';
}

export interface LevelCell {
  place: Place;
  actual2024: LevelFigure | null;
  target2025: LevelFigure | null;
  result2025: LevelFigure | null;
  /** No numeric target, but an aim in words covers it (incomes in step with the economy). */
  aimInWords: LevelFigure | null;
  /**
   * Whether our sources hold a document of this place. Without one (Nanchong: no report was
   * available) a missing target is "not in our sources", never "no target set".
   */
  documented: boolean;
}

export interface LevelRow {
  indicator: ContextIndicator;
  label: Bilingual;
  /** Gaoping's unit for the indicator ('qualitative' for an aim stated in words). */
  unit: string;
  cells: LevelCell[];
}

function fromLedger(record: LedgerRecord): LevelFigure {
  return {
    id: record.id,
    source: GAOPING_SOURCE_ID,
    place: 'gaoping',
    year: record.year,
    kind: record.kind === 'target' ? 'target' : 'result',
    quote: record.quote,
    value: record.value,
    unit: record.unit,
    bound: record.bound,
    commitment: record.commitment,
    measure: record.measure,
    basis: 'not-stated',
    comparability: 'same-measure',
    derived: false,
    inReport: true,
  };
}

export function fromContext(record: ContextRecord): LevelFigure {
  return {
    id: record.id,
    source: record.source,
    place: record.place,
    year: record.year,
    kind: record.kind,
    quote: record.quote,
    value: record.value,
    unit: record.unit,
    bound: record.bound,
    commitment: record.commitment,
    measure: record.measure,
    basis: record.basis,
    comparability: record.comparability,
    derived: record.derived !== undefined,
    inReport: false,
    ...(record.comparabilityNote ? { comparabilityNote: record.comparabilityNote } : {}),
    ...(record.statement ? { statement: record.statement } : {}),
    ...(record.outcome ? { outcome: record.outcome } : {}),
  };
}

/** The context a dataset carries; the build always has it, so a missing one is an error, not a blank. */
export function requireContext(dataset: Dataset): ContextSet {
  if (!dataset.context)
    throw new Error('the dataset has no context (data/sources.json, data/context.json): load it with loadDataset');
  return dataset.context;
}

function cellFor(
  place: Place,
  indicator: ContextIndicator,
  records: ContextRecord[],
  metric: Metric | undefined,
): Omit<LevelCell, 'documented'> {
  const find = (year: string, kind: 'result' | 'target') => {
    const record = records.find(
      (r) => r.place === place && r.indicator === indicator.id && r.year === year && r.kind === kind,
    );
    return record ? fromContext(record) : null;
  };
  const gaoping = place === 'gaoping' && metric;
  return {
    place,
    actual2024: gaoping && metric.actual2024 ? fromLedger(metric.actual2024) : find('2024', 'result'),
    target2025: gaoping && metric.target2025 ? fromLedger(metric.target2025) : find('2025', 'target'),
    result2025: find('2025', 'result'),
    aimInWords: null,
  };
}

/** Every indicator with a cell per place, in the order of data/context.json. */
export function levelRows(dataset: Dataset): LevelRow[] {
  const context = requireContext(dataset);
  return context.indicators.map((indicator) => {
    const metric = indicator.metric === null ? undefined : dataset.metrics.find((m) => m.id === indicator.metric);
    const label = indicator.label ?? metric?.label;
    if (!label) throw new Error(`indicator "${indicator.id}" has no label`);
    return {
      indicator,
      label,
      unit: metric?.unit ?? 'qualitative',
      cells: PLACES.map((place) => {
        const cell = {
          ...cellFor(place, indicator, context.records, metric),
          documented: context.sources.some((source) => source.place === place),
        };
        const aim =
          indicator.aimInWords && !cell.target2025
            ? context.records.find(
                (r) =>
                  r.place === place && r.indicator === indicator.aimInWords && r.year === '2025' && r.kind === 'target',
              )
            : undefined;
        return aim ? { ...cell, aimInWords: fromContext(aim) } : cell;
      }),
    };
  });
}

export function cellOf(row: LevelRow, place: Place): LevelCell {
  return row.cells.find((c) => c.place === place)!;
}

/** What a cell says when it has no target: "no target set" only where we hold the place's documents. */
export function missingTargetText(cell: LevelCell, text: { noTargetSet: string; notInSources: string }): string {
  return cell.documented ? text.noTargetSet : text.notInSources;
}

/**
 * May this figure be set beside Gaoping's on one scale? Only a same-measure figure with a value:
 * a proxy or a different scope is shown with its caveat, never drawn or counted as comparable.
 */
export function drawable(figure: LevelFigure | null): figure is LevelFigure & { value: number } {
  return figure !== null && figure.value !== null && figure.comparability === 'same-measure';
}
