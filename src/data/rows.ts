import { csvFormat } from 'd3-dsv';
import type { Topology } from 'topojson-specification';
import type { Dataset, Metric, Project } from './types';
import { metricById } from './derive';
import { projectsByTown, districtWideProjects } from './town-projects';

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
export const UTF8_BOM = '\ufeff';

export interface MetricRow {
  id: string;
  sector: string;
  label_zh: string;
  label_en: string;
  unit: string;
  actual_2024: number | null;
  actual_2024_unit: string | null;
  actual_2024_qualifier: string | null;
  actual_2024_quote: string | null;
  target_2025: number | null;
  target_2025_unit: string | null;
  target_2025_qualifier: string | null;
  target_2025_quote: string | null;
  comparable: boolean | null;
  note_zh: string | null;
  note_en: string | null;
}

/** Columns of metrics.csv and of every metric chart's data.csv, in order (documented on /data/). */
export const METRIC_COLUMNS: Array<keyof MetricRow> = [
  'id', 'sector', 'label_zh', 'label_en', 'unit',
  'actual_2024', 'actual_2024_unit', 'actual_2024_qualifier', 'actual_2024_quote',
  'target_2025', 'target_2025_unit', 'target_2025_qualifier', 'target_2025_quote',
  'comparable', 'note_zh', 'note_en',
];

export function metricRow(metric: Metric): MetricRow {
  return {
    id: metric.id,
    sector: metric.sector,
    label_zh: metric.label.zh,
    label_en: metric.label.en,
    unit: metric.unit,
    actual_2024: metric.actual2024?.value ?? null,
    actual_2024_unit: metric.actual2024 ? metric.actual2024.unit ?? metric.unit : null,
    actual_2024_qualifier: metric.actual2024?.qualifier?.join('+') ?? null,
    actual_2024_quote: metric.actual2024?.quote ?? null,
    target_2025: metric.target2025?.value ?? null,
    target_2025_unit: metric.target2025 ? metric.target2025.unit ?? metric.unit : null,
    target_2025_qualifier: metric.target2025?.qualifier.join('+') ?? null,
    target_2025_quote: metric.target2025?.quote ?? null,
    comparable: metric.comparable,
    note_zh: metric.note?.zh ?? null,
    note_en: metric.note?.en ?? null,
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
  place_note_zh: string | null;
  place_note_en: string | null;
}

export const PROJECT_COLUMNS: Array<keyof ProjectRow> = [
  'id', 'town_code', 'town_zh', 'town_en', 'year', 'sector', 'label_zh', 'label_en', 'quote', 'place_names', 'place_note_zh', 'place_note_en',
];

function projectRow(project: Project, town: { code: string; name: { zh: string; en: string } } | null): ProjectRow {
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
    place_note_zh: project.placeNote?.zh ?? null,
    place_note_en: project.placeNote?.en ?? null,
  };
}

export interface DataRows {
  columns: string[];
  rows: Array<MetricRow | ProjectRow>;
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
  for (const project of districtWideProjects(dataset)) rows.push(projectRow(project, null));
  return { columns: PROJECT_COLUMNS, rows };
}

export function toCsv({ columns, rows }: DataRows): string {
  return UTF8_BOM + csvFormat(rows as unknown as Array<Record<string, unknown>>, columns).replace(/\r?\n/g, '\r\n') + '\r\n';
}

export function toJson(chartId: string, { columns, rows }: DataRows, dataset: Dataset): string {
  return JSON.stringify({ chart: chartId, source: dataset.source.title, date: dataset.source.date, schemaVersion: dataset.schemaVersion, columns, rows }, null, 2) + '\n';
}
