import { csvFormat } from 'd3-dsv';
import type { Topology } from 'topojson-specification';
import type { Dataset, LedgerRecord, Metric, Project } from './types';
import { metricById } from './derive';
import { projectsByTown, unplacedProjects } from './town-projects';
import type { ContextRow } from './context-rows';

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
export const UTF8_BOM = '\ufeff';

export interface MetricRow {
  id: string;
  sector: string;
  label_zh: string;
  label_en: string;
  unit: string;
  actual_2024_record: string | null;
  actual_2024: number | null;
  actual_2024_unit: string | null;
  actual_2024_bound: string | null;
  actual_2024_measure_zh: string | null;
  actual_2024_measure_en: string | null;
  actual_2024_quote: string | null;
  target_2025_record: string | null;
  target_2025: number | null;
  target_2025_unit: string | null;
  target_2025_bound: string | null;
  target_2025_commitment: string | null;
  target_2025_measure_zh: string | null;
  target_2025_measure_en: string | null;
  target_2025_quote: string | null;
  comparability: string | null;
  note_zh: string | null;
  note_en: string | null;
}

/** Columns of metrics.csv and of every metric chart's data.csv, in order (documented on /data/). */
export const METRIC_COLUMNS: Array<keyof MetricRow> = [
  'id', 'sector', 'label_zh', 'label_en', 'unit',
  'actual_2024_record', 'actual_2024', 'actual_2024_unit', 'actual_2024_bound', 'actual_2024_measure_zh', 'actual_2024_measure_en', 'actual_2024_quote',
  'target_2025_record', 'target_2025', 'target_2025_unit', 'target_2025_bound', 'target_2025_commitment', 'target_2025_measure_zh', 'target_2025_measure_en', 'target_2025_quote',
  'comparability', 'note_zh', 'note_en',
];

/** A commitment list as one cell: words joined with +, "none" when the report uses none. */
export function commitmentCell(record: LedgerRecord): string {
  return record.commitment.length > 0 ? record.commitment.join('+') : 'none';
}

export function metricRow(metric: Metric): MetricRow {
  const a = metric.actual2024;
  const t = metric.target2025;
  return {
    id: metric.id,
    sector: metric.sector,
    label_zh: metric.label.zh,
    label_en: metric.label.en,
    unit: metric.unit,
    actual_2024_record: a?.id ?? null,
    actual_2024: a?.value ?? null,
    actual_2024_unit: a?.unit ?? null,
    actual_2024_bound: a?.bound ?? null,
    actual_2024_measure_zh: a?.measure.zh ?? null,
    actual_2024_measure_en: a?.measure.en ?? null,
    actual_2024_quote: a?.quote ?? null,
    target_2025_record: t?.id ?? null,
    target_2025: t?.value ?? null,
    target_2025_unit: t?.unit ?? null,
    target_2025_bound: t?.bound ?? null,
    target_2025_commitment: t ? commitmentCell(t) : null,
    target_2025_measure_zh: t?.measure.zh ?? null,
    target_2025_measure_en: t?.measure.en ?? null,
    target_2025_quote: t?.quote ?? null,
    comparability: metric.comparability,
    note_zh: metric.note?.zh ?? null,
    note_en: metric.note?.en ?? null,
  };
}

export interface RecordRow {
  id: string;
  year: string;
  kind: string;
  sector: string;
  value: number;
  unit: string;
  bound: string;
  commitment: string;
  measure_zh: string;
  measure_en: string;
  quote: string;
  occurrence: number | null;
  written: string | null;
  place_codes: string | null;
}

/** Columns of records.csv: one row per quantitative statement of the report (documented on /data/). */
export const RECORD_COLUMNS: Array<keyof RecordRow> = [
  'id', 'year', 'kind', 'sector', 'value', 'unit', 'bound', 'commitment', 'measure_zh', 'measure_en', 'quote', 'occurrence', 'written', 'place_codes',
];

export function recordRow(record: LedgerRecord): RecordRow {
  return {
    id: record.id,
    year: record.year,
    kind: record.kind,
    sector: record.sector,
    value: record.value,
    unit: record.unit,
    bound: record.bound,
    commitment: commitmentCell(record),
    measure_zh: record.measure.zh,
    measure_en: record.measure.en,
    quote: record.quote,
    occurrence: record.occurrence ?? null,
    written: record.written ?? null,
    place_codes: record.placeCodes?.join('|') ?? null,
  };
}

export interface ProjectRow {
  id: string;
  town_code: string | null;
  town_zh: string | null;
  town_en: string | null;
  year: number;
  sector: string;
  label_zh: string;
  label_en: string;
  quote: string;
  place_names: string;
  place_status: string;
  unlocated_name: string | null;
  place_note_zh: string | null;
  place_note_en: string | null;
}

export const PROJECT_COLUMNS: Array<keyof ProjectRow> = [
  'id', 'town_code', 'town_zh', 'town_en', 'year', 'sector', 'label_zh', 'label_en', 'quote', 'place_names', 'place_status', 'unlocated_name', 'place_note_zh', 'place_note_en',
];

export function projectRow(project: Project, town: { code: string; name: { zh: string; en: string } } | null): ProjectRow {
  return {
    id: project.id,
    town_code: town?.code ?? null,
    town_zh: town?.name.zh ?? null,
    town_en: town?.name.en ?? null,
    year: project.year,
    sector: project.sector,
    label_zh: project.label.zh,
    label_en: project.label.en,
    quote: project.quote,
    place_names: project.placeNames.join('|'),
    place_status: project.placeStatus,
    unlocated_name: project.unlocatedName ?? null,
    place_note_zh: project.placeNote?.zh ?? null,
    place_note_en: project.placeNote?.en ?? null,
  };
}

export interface DataRows {
  columns: string[];
  rows: Array<MetricRow | ProjectRow | RecordRow | ContextRow>;
}

/** Rows for the given metrics, in that order. */
export function metricRows(dataset: Dataset, ids: string[]): DataRows {
  return { columns: METRIC_COLUMNS, rows: ids.map((id) => metricRow(metricById(dataset, id))) };
}

/** One row per project and town it is tied to, then the district-wide ones. */
export function projectRows(dataset: Dataset, geo: Topology): DataRows {
  const rows: ProjectRow[] = [];
  for (const entry of projectsByTown(dataset, geo)) {
    for (const project of [...entry.results, ...entry.plans]) rows.push(projectRow(project, entry.town));
  }
  for (const project of unplacedProjects(dataset)) rows.push(projectRow(project, null));
  return { columns: PROJECT_COLUMNS, rows };
}

export function toCsv({ columns, rows }: DataRows): string {
  return UTF8_BOM + csvFormat(rows as unknown as Array<Record<string, unknown>>, columns).replace(/\r?\n/g, '\r\n') + '\r\n';
}

export function toJson(chartId: string, { columns, rows }: DataRows, dataset: Dataset): string {
  return JSON.stringify({ chart: chartId, source: dataset.source.title, date: dataset.source.date, schemaVersion: dataset.schemaVersion, columns, rows }, null, 2) + '\n';
}
