import type { Topology } from 'topojson-specification';
import type { Dataset, LedgerRecord, Metric, Project } from './types';
import { metricById, pairResult } from './derive';
import { projectsByTown, unplacedProjects } from './town-projects';
import type { ContextRow } from './context-rows';
import { columnNames, rowOf, type RowOf } from './table';
import { METRICS_TABLE, RECORDS_TABLE, TOWN_PROJECTS_TABLE, type ProjectInTown } from './tables';

export { toCsv, UTF8_BOM } from './csv';

export { NO_COMMITMENT } from './tables';

export type MetricRow = RowOf<typeof METRICS_TABLE>;
export type RecordRow = RowOf<typeof RECORDS_TABLE>;
export type ProjectRow = RowOf<typeof TOWN_PROJECTS_TABLE>;

/** Columns of metrics.csv and of every metric chart's data.csv, in order (documented on /data/). */
export const METRIC_COLUMNS = columnNames(METRICS_TABLE);
/** Columns of records.csv: one row per quantitative statement of the report (documented on /data/). */
export const RECORD_COLUMNS = columnNames(RECORDS_TABLE);
/** Columns of the town map's data.csv: one row per project and town. */
export const PROJECT_COLUMNS = columnNames(TOWN_PROJECTS_TABLE);

export const metricRow = (metric: Metric): MetricRow => rowOf(METRICS_TABLE, metric);
export const recordRow = (record: LedgerRecord): RecordRow => rowOf(RECORDS_TABLE, record);
const projectRow = (project: Project, town: ProjectInTown['town']): ProjectRow =>
  rowOf(TOWN_PROJECTS_TABLE, { project, town });

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
  return (
    JSON.stringify(
      {
        chart: chartId,
        source: dataset.source.title,
        date: dataset.source.date,
        schemaVersion: dataset.schemaVersion,
        columns,
        rows,
      },
      null,
      2,
    ) + '\n'
  );
}
