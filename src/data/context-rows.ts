/**
 * The context table and the sources table as rows: for context.csv, sources.csv, the data
 * package and the context chart's own data files. One row per figure; `source` is a foreign key
 * into the sources table, and `indicator` names Gaoping's metric where there is one.
 */
import type { Dataset } from './types';
import type { SourceEntry } from './context';
import { levelRows, requireContext, type LevelFigure } from './levels';

export interface ContextRow {
  id: string;
  indicator: string;
  metric: string | null;
  place: string;
  source: string;
  year: string;
  kind: string;
  value: number | null;
  unit: string;
  bound: string;
  commitment: string;
  measure_zh: string;
  measure_en: string;
  basis: string;
  comparability: string;
  comparability_note_zh: string | null;
  comparability_note_en: string | null;
  derived: boolean;
  quote: string;
}

export const CONTEXT_COLUMNS: Array<keyof ContextRow> = [
  'id', 'indicator', 'metric', 'place', 'source', 'year', 'kind', 'value', 'unit', 'bound', 'commitment',
  'measure_zh', 'measure_en', 'basis', 'comparability', 'comparability_note_zh', 'comparability_note_en', 'derived', 'quote',
];

export interface SourceRow {
  id: string;
  title_zh: string;
  title_en: string;
  issuer_zh: string;
  issuer_en: string;
  level: string;
  place: string;
  date: string;
  address: string | null;
  file: string;
  repository: string | null;
  commit: string | null;
  provenance_zh: string;
  provenance_en: string;
}

export const SOURCE_COLUMNS: Array<keyof SourceRow> = [
  'id', 'title_zh', 'title_en', 'issuer_zh', 'issuer_en', 'level', 'place', 'date', 'address', 'file', 'repository', 'commit', 'provenance_zh', 'provenance_en',
];

export function sourceRow(source: SourceEntry): SourceRow {
  return {
    id: source.id, title_zh: source.title.zh, title_en: source.title.en, issuer_zh: source.issuer.zh, issuer_en: source.issuer.en,
    level: source.level, place: source.place, date: source.date, address: source.address, file: `data/sources/${source.file}`,
    repository: source.provenance.repository, commit: source.provenance.commit, provenance_zh: source.provenance.note.zh, provenance_en: source.provenance.note.en,
  };
}

function contextRow(indicator: string, metric: string | null, figure: LevelFigure): ContextRow {
  return {
    id: figure.id, indicator, metric, place: figure.place, source: figure.source, year: figure.year, kind: figure.kind,
    value: figure.value, unit: figure.unit, bound: figure.bound, commitment: figure.commitment.length > 0 ? figure.commitment.join('+') : 'none',
    measure_zh: figure.measure.zh, measure_en: figure.measure.en, basis: figure.basis, comparability: figure.comparability,
    comparability_note_zh: figure.comparabilityNote?.zh ?? null, comparability_note_en: figure.comparabilityNote?.en ?? null,
    derived: figure.derived, quote: figure.quote,
  };
}

/**
 * Every figure set beside Gaoping's, Gaoping's own included (from data/metrics.json, source
 * gaoping-2025), per indicator and place in order.
 */
export function contextRows(dataset: Dataset): ContextRow[] {
  return levelRows(dataset).flatMap((row) => row.cells.flatMap((cell) => [cell.actual2024, cell.target2025, cell.result2025]
    .filter((figure): figure is LevelFigure => figure !== null)
    .map((figure) => contextRow(row.indicator.id, row.indicator.metric, figure))));
}

export function sourceRows(dataset: Dataset): SourceRow[] {
  return requireContext(dataset).sources.map(sourceRow);
}
