import type { Topology } from 'topojson-specification';
import type { Dataset, Lang } from '../data/types';
import { BOUNDS, COMMITMENTS, COMPARABILITIES, RECORD_KINDS, SECTORS } from '../data/types';
import type { StoryContent } from '../content/types';
import { SINGLE_YEAR, METRIC_COLUMNS, metricRow, RECORD_COLUMNS, recordRow, toCsv, UTF8_BOM, type MetricRow, type ProjectRow, type RecordRow, projectRow } from '../data/rows';
import { towns } from '../data/town-projects';
import { citationText, PROJECT } from '../data/citation';
import { CONTEXT_COLUMNS, contextRows, SOURCE_COLUMNS, sourceRows, type ContextRow, type SourceRow } from '../data/context-rows';
import { BASES, COMPARABILITIES as CONTEXT_COMPARABILITIES, CONTEXT_BOUNDS, LEVELS, PLACES } from '../data/context';

/**
 * The Frictionless Data Package (v1, tabular-data-package profile) for /data/datapackage.json.
 * Each table is declared once here: its columns in order, a Table Schema field spec per column
 * (the mapped type makes TypeScript refuse a column without one), its rows and keys. The field
 * descriptions are the column documentation in the content files, the same lines /data/ shows.
 */

type FieldType = 'string' | 'number' | 'integer' | 'boolean';

export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  unique?: boolean;
  enum?: ReadonlyArray<string | number>;
  pattern?: string;
  minimum?: number;
}

export interface TableDefinition<Row> {
  name: string;
  columns: ReadonlyArray<keyof Row & string>;
  fields: { [K in keyof Row & string]: FieldSpec };
  rows: Row[];
  primaryKey: string[];
  foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }>;
  /** Where the column notes key this table's columns ("record_" + column for records), as /data/ reads them. */
  docPrefix?: string;
}

// Units the JSON Schema (data/metrics.schema.json) also constrains; a unit test keeps them equal.
export const UNITS = ['%', '百分点', '亿元', '万美元', '万吨', '万亩', '万头', '万平方米', '平方公里', '公里', '万人', '万台', '人', '户', '个', '家', '件', '辆', '台', '部', '套', '微克/立方米', '万元'] as const;
const COMMITMENT_CELL = `^(none|(${COMMITMENTS.join('|')})(\\+(${COMMITMENTS.join('|')}))*)$`;
const KEBAB = '^[a-z0-9]+(-[a-z0-9]+)*$';
const TOWN_CODE = '^511303\\d{3}$';
const COMPARABILITY = COMPARABILITIES;
/** raised, held, lowered, then every comparability state other than comparable. */
const DIRECTIONS = ['raised', 'held', 'lowered', ...COMPARABILITY.filter((state) => state !== 'comparable')];
const PLACE_STATUS = ['located', 'district-wide', 'unlocated'] as const;

const METRIC_FIELDS: TableDefinition<MetricRow>['fields'] = {
  id: { type: 'string', required: true, unique: true, pattern: KEBAB },
  sector: { type: 'string', required: true, enum: SECTORS },
  label_zh: { type: 'string', required: true },
  label_en: { type: 'string', required: true },
  unit: { type: 'string', required: true, enum: UNITS },
  unit_en: { type: 'string', required: true },
  actual_2024_record: { type: 'string', pattern: KEBAB },
  actual_2024: { type: 'number' },
  actual_2024_unit: { type: 'string', enum: UNITS },
  actual_2024_value_base: { type: 'number' },
  actual_2024_unit_base: { type: 'string' },
  actual_2024_bound: { type: 'string', enum: BOUNDS },
  actual_2024_measure_zh: { type: 'string' },
  actual_2024_measure_en: { type: 'string' },
  actual_2024_quote: { type: 'string' },
  target_2025_record: { type: 'string', pattern: KEBAB },
  target_2025: { type: 'number' },
  target_2025_unit: { type: 'string', enum: UNITS },
  target_2025_value_base: { type: 'number' },
  target_2025_unit_base: { type: 'string' },
  target_2025_bound: { type: 'string', enum: BOUNDS },
  target_2025_commitment: { type: 'string', pattern: COMMITMENT_CELL },
  target_2025_measure_zh: { type: 'string' },
  target_2025_measure_en: { type: 'string' },
  target_2025_quote: { type: 'string' },
  comparability: { type: 'string', required: true, enum: [...COMPARABILITY, SINGLE_YEAR] },
  direction: { type: 'string', enum: DIRECTIONS },
  change: { type: 'number' },
  change_unit: { type: 'string', enum: ['pp', '%'] },
  compared_on: { type: 'string', enum: ['values', 'floors'] },
  note_zh: { type: 'string' },
  note_en: { type: 'string' },
};

const RECORD_FIELDS: TableDefinition<RecordRow>['fields'] = {
  id: { type: 'string', required: true, unique: true, pattern: KEBAB },
  year: { type: 'string', required: true, pattern: '^\\d{4}(-\\d{4})?$' },
  kind: { type: 'string', required: true, enum: RECORD_KINDS },
  sector: { type: 'string', required: true, enum: SECTORS },
  value: { type: 'number', required: true },
  // A record keeps whatever unit the report words (项, 方阵, 座…): no list, as in the JSON Schema.
  unit: { type: 'string', required: true },
  unit_en: { type: 'string', required: true },
  value_base: { type: 'number', required: true },
  unit_base: { type: 'string', required: true },
  bound: { type: 'string', required: true, enum: BOUNDS },
  commitment: { type: 'string', required: true, pattern: COMMITMENT_CELL },
  measure_zh: { type: 'string', required: true },
  measure_en: { type: 'string', required: true },
  quote: { type: 'string', required: true },
  occurrence: { type: 'integer', minimum: 1 },
  written: { type: 'string' },
  place_codes: { type: 'string', pattern: '^511303\\d{3}(\\|511303\\d{3})*$' },
};

/** A project once, without its towns (those are in the project-towns table). */
export type ProjectTableRow = Omit<ProjectRow, 'town_code' | 'town_zh' | 'town_en'>;

export const PROJECT_TABLE_COLUMNS: Array<keyof ProjectTableRow> = ['id', 'sector', 'year', 'label_zh', 'label_en', 'quote', 'place_names', 'place_status', 'unlocated_name', 'place_note_zh', 'place_note_en'];

export interface ProjectTownRow {
  project_id: string;
  town_code: string;
}

export interface TownRow {
  code: string;
  name_zh: string;
  name_en: string;
  kind: string;
  merged_from: string;
  uncertainty_km: number;
  confidence: string;
  longitude: number;
  latitude: number;
}

export const TOWN_COLUMNS: Array<keyof TownRow> = ['code', 'name_zh', 'name_en', 'kind', 'merged_from', 'uncertainty_km', 'confidence', 'longitude', 'latitude'];

/** Every downloadable table, from the dataset and the map. Add a table here and it is packaged, documented and validated. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tables' row types differ; each is checked where it is defined.
export function packageTables(dataset: Dataset, geo: Topology): Array<TableDefinition<any>> {
  const records: TableDefinition<RecordRow> = {
    name: 'records', columns: RECORD_COLUMNS, fields: RECORD_FIELDS, rows: dataset.records.map(recordRow), primaryKey: ['id'], docPrefix: 'record_',
  };
  const metrics: TableDefinition<MetricRow> = {
    name: 'metrics', columns: METRIC_COLUMNS, fields: METRIC_FIELDS, rows: dataset.metrics.map(metricRow), primaryKey: ['id'],
    foreignKeys: [
      { fields: ['actual_2024_record'], reference: { resource: 'records', fields: ['id'] } },
      { fields: ['target_2025_record'], reference: { resource: 'records', fields: ['id'] } },
    ],
  };
  const projects: TableDefinition<ProjectTableRow> = {
    name: 'projects',
    columns: PROJECT_TABLE_COLUMNS,
    fields: {
      id: { type: 'string', required: true, unique: true, pattern: KEBAB },
      sector: { type: 'string', required: true, enum: SECTORS },
      year: { type: 'integer', required: true, enum: [2024, 2025] },
      label_zh: { type: 'string', required: true },
      label_en: { type: 'string', required: true },
      quote: { type: 'string', required: true },
      place_names: { type: 'string' },
      place_status: { type: 'string', required: true, enum: PLACE_STATUS },
      unlocated_name: { type: 'string' },
      place_note_zh: { type: 'string' },
      place_note_en: { type: 'string' },
    },
    // The same row as the charts' downloads, without the town columns (the project-towns table has those).
    rows: dataset.projects.map((project) => {
      const { town_code: _code, town_zh: _zh, town_en: _en, ...row } = projectRow(project, null);
      return row;
    }),
    primaryKey: ['id'],
  };
  const projectTowns: TableDefinition<ProjectTownRow> = {
    name: 'project-towns',
    columns: ['project_id', 'town_code'],
    fields: {
      project_id: { type: 'string', required: true, pattern: KEBAB },
      town_code: { type: 'string', required: true, pattern: TOWN_CODE },
    },
    rows: dataset.projects.flatMap((project) => project.codes.map((code) => ({ project_id: project.id, town_code: code }))),
    primaryKey: ['project_id', 'town_code'],
    foreignKeys: [
      { fields: ['project_id'], reference: { resource: 'projects', fields: ['id'] } },
      { fields: ['town_code'], reference: { resource: 'towns', fields: ['code'] } },
    ],
  };
  const townTable: TableDefinition<TownRow> = {
    name: 'towns',
    columns: TOWN_COLUMNS,
    fields: {
      code: { type: 'string', required: true, unique: true, pattern: TOWN_CODE },
      name_zh: { type: 'string', required: true },
      name_en: { type: 'string', required: true },
      kind: { type: 'string', required: true, enum: ['街道', '镇', '乡'] },
      merged_from: { type: 'string' },
      uncertainty_km: { type: 'number', required: true, minimum: 0 },
      confidence: { type: 'string', required: true, enum: ['low', 'medium'] },
      longitude: { type: 'number', required: true },
      latitude: { type: 'number', required: true },
    },
    rows: towns(geo).map((town) => ({
      code: town.properties.code,
      name_zh: town.properties.name.zh,
      name_en: town.properties.name.en,
      kind: town.properties.kind,
      merged_from: town.properties.mergedFrom.join('|'),
      uncertainty_km: town.properties.uncertaintyKm,
      confidence: town.properties.confidence,
      longitude: Math.round(town.geometry.coordinates[0]! * 1e5) / 1e5,
      latitude: Math.round(town.geometry.coordinates[1]! * 1e5) / 1e5,
    })),
    primaryKey: ['code'],
  };
  return [records, metrics, projects, projectTowns, townTable, ...contextTables(dataset)];
}

/**
 * The documents every figure comes from (Gaoping's report first), and every figure set beside
 * Gaoping's: Gaoping's own, Nanchong's derived one, Sichuan's and China's. Absent for a dataset
 * loaded without its context (a test's).
 */
function contextTables(dataset: Dataset): Array<TableDefinition<SourceRow> | TableDefinition<ContextRow>> {
  if (!dataset.context) return [];
  const sources: TableDefinition<SourceRow> = {
    name: 'sources', columns: SOURCE_COLUMNS, docPrefix: 'source_', rows: sourceRows(dataset), primaryKey: ['id'],
    fields: {
      id: { type: 'string', required: true, unique: true, pattern: KEBAB },
      title_zh: { type: 'string', required: true },
      title_en: { type: 'string', required: true },
      issuer_zh: { type: 'string', required: true },
      issuer_en: { type: 'string', required: true },
      level: { type: 'string', required: true, enum: LEVELS },
      place: { type: 'string', required: true, enum: PLACES },
      date: { type: 'string', required: true, pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      address: { type: 'string', pattern: 'https://.+' },
      file: { type: 'string', required: true, pattern: '^data/sources/[a-z0-9-]+\\.(md|txt)$' },
      repository: { type: 'string' },
      commit: { type: 'string', pattern: '^[0-9a-f]{40}$' },
      provenance_zh: { type: 'string', required: true },
      provenance_en: { type: 'string', required: true },
    },
  };
  const context: TableDefinition<ContextRow> = {
    name: 'context', columns: CONTEXT_COLUMNS, docPrefix: 'context_', rows: contextRows(dataset), primaryKey: ['id'],
    fields: {
      id: { type: 'string', required: true, unique: true, pattern: KEBAB },
      indicator: { type: 'string', required: true, pattern: KEBAB },
      metric: { type: 'string', pattern: KEBAB },
      place: { type: 'string', required: true, enum: PLACES },
      source: { type: 'string', required: true, pattern: KEBAB },
      year: { type: 'string', required: true, pattern: '^\\d{4}$' },
      kind: { type: 'string', required: true, enum: ['result', 'target'] },
      value: { type: 'number' },
      unit: { type: 'string', required: true },
      bound: { type: 'string', required: true, enum: CONTEXT_BOUNDS },
      commitment: { type: 'string', required: true, pattern: COMMITMENT_CELL },
      measure_zh: { type: 'string', required: true },
      measure_en: { type: 'string', required: true },
      basis: { type: 'string', required: true, enum: BASES },
      comparability: { type: 'string', required: true, enum: CONTEXT_COMPARABILITIES },
      comparability_note_zh: { type: 'string' },
      comparability_note_en: { type: 'string' },
      derived: { type: 'boolean', required: true },
      quote: { type: 'string', required: true },
    },
    foreignKeys: [
      { fields: ['source'], reference: { resource: 'sources', fields: ['id'] } },
      { fields: ['metric'], reference: { resource: 'metrics', fields: ['id'] } },
    ],
  };
  return [sources, context];
}

/** Machine-readable path of a table (UTF-8, no BOM): what the package points at. */
export const tablePath = (name: string) => `tables/${name}.csv`;
/** The Excel copy (UTF-8 with BOM) of a table, beside datapackage.json. */
export const excelTablePath = (name: string) => `excel/${name}.csv`;

/** A table as CSV: machine copy without BOM, Excel copy with it; same bytes otherwise. */
export function tableCsv(table: TableDefinition<unknown>, bom: boolean): string {
  const withBom = toCsv({ columns: [...table.columns] as unknown as string[], rows: table.rows as never });
  if (!withBom.startsWith(UTF8_BOM)) throw new Error('toCsv no longer writes a BOM; update tableCsv');
  return bom ? withBom : withBom.slice(UTF8_BOM.length);
}

function tableSchema(table: TableDefinition<unknown>, docs: Record<string, string>) {
  const fields = table.columns.map((column) => {
    const spec = (table.fields as Record<string, FieldSpec>)[column]!;
    const key = `${table.docPrefix ?? ''}${column}`;
    const description = docs[key];
    if (!description) throw new Error(`content (en) has no columnDocs line "${key}" for column "${column}" of table ${table.name}`);
    const constraints: Record<string, unknown> = {};
    if (spec.required) constraints.required = true;
    if (spec.unique) constraints.unique = true;
    if (spec.enum) constraints.enum = [...spec.enum];
    if (spec.pattern) constraints.pattern = spec.pattern;
    if (spec.minimum !== undefined) constraints.minimum = spec.minimum;
    return {
      name: column,
      type: spec.type,
      ...(spec.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
      description,
      ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
    };
  });
  return {
    fields,
    missingValues: [''],
    primaryKey: table.primaryKey,
    ...(table.foreignKeys ? { foreignKeys: table.foreignKeys } : {}),
  };
}

export function dataPackage(dataset: Dataset, geo: Topology, content: Record<Lang, StoryContent>, siteUrl: string) {
  const en = content.en;
  return {
    profile: 'tabular-data-package',
    name: 'gaoping-2025-work-report',
    title: `${en.share.projectName} (${content.zh.share.projectName})`,
    description: `${en.dataPage.intro} ${en.cite.licenceScope} ${en.cite.licenceExcludes.join(' ')}`,
    version: PROJECT.version,
    created: `${PROJECT.released}T00:00:00Z`,
    homepage: siteUrl,
    keywords: ['Gaoping', '高坪区', 'Nanchong', 'government work report', '政府工作报告', '2025'],
    licenses: [{ name: PROJECT.licence.id, title: PROJECT.licence.title, path: PROJECT.licence.path }],
    sources: [{ title: `${dataset.source.title.zh} (${dataset.source.title.en}), ${dataset.source.date}, ${dataset.source.venue.en}` }],
    contributors: [{ title: en.share.projectName, role: 'author' }],
    citation: { zh: citationText(dataset, 'zh', content.zh, siteUrl), en: citationText(dataset, 'en', en, siteUrl) },
    datasetSchemaVersion: dataset.schemaVersion,
    resources: packageTables(dataset, geo).map((table) => ({
      profile: 'tabular-data-resource',
      name: table.name,
      path: tablePath(table.name),
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', header: true, doubleQuote: true },
      schema: tableSchema(table as TableDefinition<unknown>, en.columnDocs),
    })),
  };
}
