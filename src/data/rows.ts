import type { Topology } from 'topojson-specification';
import type { Dataset, LedgerRecord, Metric, Project } from './types';
import { metricById, pairResult } from './derive';
import { inBaseUnit, unitEn } from './units';
import { projectsByTown, unplacedProjects } from './town-projects';
import type { ContextRow } from './context-rows';

export { toCsv, UTF8_BOM } from './csv';

export interface MetricRow {
  id: string;
  sector: string;
  label_zh: string;
  label_en: string;
  unit: string;
  unit_en: string;
  actual_2024_record: string | null;
  actual_2024: number | null;
  actual_2024_unit: string | null;
  actual_2024_value_base: number | null;
  actual_2024_unit_base: string | null;
  actual_2024_bound: string | null;
  actual_2024_measure_zh: string | null;
  actual_2024_measure_en: string | null;
  actual_2024_quote: string | null;
  target_2025_record: string | null;
  target_2025: number | null;
  target_2025_unit: string | null;
  target_2025_value_base: number | null;
  target_2025_unit_base: string | null;
  target_2025_bound: string | null;
  target_2025_commitment: string | null;
  target_2025_measure_zh: string | null;
  target_2025_measure_en: string | null;
  target_2025_quote: string | null;
  comparability: string | null;
  /** raised, held, lowered, or the comparability state that keeps the pair out of the count. */
  direction: string | null;
  change: number | null;
  change_unit: string | null;
  compared_on: string | null;
  note_zh: string | null;
  note_en: string | null;
}

/** Columns of metrics.csv and of every metric chart's data.csv, in order (documented on /data/). */
export const METRIC_COLUMNS: Array<keyof MetricRow> = [
  'id', 'sector', 'label_zh', 'label_en', 'unit', 'unit_en',
  'actual_2024_record', 'actual_2024', 'actual_2024_unit', 'actual_2024_value_base', 'actual_2024_unit_base', 'actual_2024_bound', 'actual_2024_measure_zh', 'actual_2024_measure_en', 'actual_2024_quote',
  'target_2025_record', 'target_2025', 'target_2025_unit', 'target_2025_value_base', 'target_2025_unit_base', 'target_2025_bound', 'target_2025_commitment', 'target_2025_measure_zh', 'target_2025_measure_en', 'target_2025_quote',
  'comparability', 'direction', 'change', 'change_unit', 'compared_on', 'note_zh', 'note_en',
];

/** The comparability cell of a metric with one year only (metrics.csv and the explorer alike). */
export const SINGLE_YEAR = 'single-year';

/** The commitment cell of a figure without commitment words (every table uses this word, never an empty cell). */
export const NO_COMMITMENT = 'none';

/** A commitment list as one cell: words joined with +, "none" when the report uses none. */
export function commitmentCell(record: LedgerRecord): string {
  return record.commitment.length > 0 ? record.commitment.join('+') : NO_COMMITMENT;
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
    unit_en: unitEn(metric.unit, `metric "${metric.id}"`),
    actual_2024_record: a?.id ?? null,
    actual_2024: a?.value ?? null,
    actual_2024_unit: a?.unit ?? null,
    actual_2024_value_base: a ? inBaseUnit(a.value, a.unit, `record "${a.id}"`).value : null,
    actual_2024_unit_base: a ? inBaseUnit(a.value, a.unit, `record "${a.id}"`).unit : null,
    actual_2024_bound: a?.bound ?? null,
    actual_2024_measure_zh: a?.measure.zh ?? null,
    actual_2024_measure_en: a?.measure.en ?? null,
    actual_2024_quote: a?.quote ?? null,
    target_2025_record: t?.id ?? null,
    target_2025: t?.value ?? null,
    target_2025_unit: t?.unit ?? null,
    target_2025_value_base: t ? inBaseUnit(t.value, t.unit, `record "${t.id}"`).value : null,
    target_2025_unit_base: t ? inBaseUnit(t.value, t.unit, `record "${t.id}"`).unit : null,
    target_2025_bound: t?.bound ?? null,
    target_2025_commitment: t ? commitmentCell(t) : null,
    target_2025_measure_zh: t?.measure.zh ?? null,
    target_2025_measure_en: t?.measure.en ?? null,
    target_2025_quote: t?.quote ?? null,
    // One vocabulary with the explorer: a metric with one year is "single-year", never an empty cell.
    comparability: metric.comparability ?? SINGLE_YEAR,
    ...pairResult(metric),
    note_zh: metric.note?.zh ?? null,
    note_en: metric.note?.en ?? null,
  };
}

/**
 * metrics.json as published: the input file with each metric's result (direction, change, its
 * unit, what was compared) added after its comparability, so the JSON carries what the CSV does.
 */
export function publishedMetricsJson(raw: string, dataset: Dataset): string {
  const parsed = JSON.parse(raw) as { metrics: Array<Record<string, unknown>> };
  const byId = new Map(dataset.metrics.map((metric) => [metric.id, metric]));
  parsed.metrics = parsed.metrics.map((stored) => {
    const { note, ...rest } = stored;
    const metric = byId.get(String(stored.id));
    if (!metric) throw new Error(`metrics.json: metric "${String(stored.id)}" is not in the loaded dataset`);
    return { ...rest, result: pairResult(metric), ...(note === undefined ? {} : { note }) };
  });
  return `${JSON.stringify(parsed, null, 2)}\n`;
}

export interface RecordRow {
  id: string;
  year: string;
  kind: string;
  sector: string;
  value: number;
  unit: string;
  unit_en: string;
  value_base: number;
  unit_base: string;
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
  'id', 'year', 'kind', 'sector', 'value', 'unit', 'unit_en', 'value_base', 'unit_base', 'bound', 'commitment', 'measure_zh', 'measure_en', 'quote', 'occurrence', 'written', 'place_codes',
];

export function recordRow(record: LedgerRecord): RecordRow {
  return {
    id: record.id,
    year: record.year,
    kind: record.kind,
    sector: record.sector,
    value: record.value,
    unit: record.unit,
    unit_en: unitEn(record.unit, `record "${record.id}"`),
    value_base: inBaseUnit(record.value, record.unit, `record "${record.id}"`).value,
    unit_base: inBaseUnit(record.value, record.unit, `record "${record.id}"`).unit,
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
    const projects = [...entry.results, ...entry.plans, ...entry.areas.flatMap((area) => area.projects)];
    for (const project of projects) rows.push(projectRow(project, entry.town));
  }
  for (const project of unplacedProjects(dataset)) rows.push(projectRow(project, null));
  return { columns: PROJECT_COLUMNS, rows };
}

export function toJson(chartId: string, { columns, rows }: DataRows, dataset: Dataset): string {
  return JSON.stringify({ chart: chartId, source: dataset.source.title, date: dataset.source.date, schemaVersion: dataset.schemaVersion, columns, rows }, null, 2) + '\n';
}
