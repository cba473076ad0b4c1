/**
 * Every downloadable table, each declared once (src/data/table.ts): metrics, records, projects (per
 * town for the map's download, and once each for the data package), project-towns, towns, sources
 * and context. Add a column here, with its line in `columnDocs` of both content files, and
 * metrics.csv or its table, the data package's field, /data/, the ZIP's README and docs/data.md gain it.
 */
import type { Bilingual } from '../i18n/lang';
import {
  BOUNDS,
  COMMITMENTS,
  COMPARABILITIES,
  RECORD_KINDS,
  SECTORS,
  UNITS,
  type LedgerRecord,
  type Metric,
  type Project,
} from './types';
import { pairResult } from './derive';
import { inBaseUnit, unitEn } from './units';
import { quoteIn } from './format';
import type { TownFeature } from './town-projects';
import {
  BASES,
  COMPARABILITIES as CONTEXT_COMPARABILITIES,
  CONTEXT_BOUNDS,
  LEVELS,
  PLACES,
  type SourceEntry,
} from './context';
import type { LevelFigure } from './levels';
import { defineTable, liftColumns, type Column } from './table';

/** The comparability cell of a metric with one year only (metrics.csv and the explorer alike). */
const SINGLE_YEAR = 'single-year';

/** The commitment cell of a figure without commitment words (every table uses this word, never an empty cell). */
export const NO_COMMITMENT = 'none';

/** A commitment list as one cell: words joined with +, "none" when the report uses none. */
function commitmentCell(record: { commitment: readonly string[] }): string {
  return record.commitment.length > 0 ? record.commitment.join('+') : NO_COMMITMENT;
}

const KEBAB = '^[a-z0-9]+(-[a-z0-9]+)*$';
const TOWN_CODE = '^511303\\d{3}$';
const COMMITMENT_CELL = `^(none|(${COMMITMENTS.join('|')})(\\+(${COMMITMENTS.join('|')}))*)$`;
/** raised, held, lowered, then every comparability state other than comparable. */
const DIRECTIONS = ['raised', 'held', 'lowered', ...COMPARABILITIES.filter((state) => state !== 'comparable')];

/** The two columns of a bilingual text: name_zh, name_en. */
function bilingualColumns<Item, Name extends string>(
  name: Name,
  text: (item: Item) => Bilingual,
  required: true,
): Record<`${Name}_zh` | `${Name}_en`, Column<Item> & { cell: (item: Item) => string }>;
function bilingualColumns<Item, Name extends string>(
  name: Name,
  text: (item: Item) => Bilingual | undefined | null,
  required: false,
): Record<`${Name}_zh` | `${Name}_en`, Column<Item> & { cell: (item: Item) => string | null }>;
function bilingualColumns<Item>(name: string, text: (item: Item) => Bilingual | undefined | null, required: boolean) {
  return {
    [`${name}_zh`]: {
      type: 'string',
      ...(required ? { required: true } : {}),
      cell: (item: Item) => text(item)?.zh ?? null,
    },
    [`${name}_en`]: {
      type: 'string',
      ...(required ? { required: true } : {}),
      cell: (item: Item) => text(item)?.en ?? null,
    },
  };
}

/** The eight columns of one year of a metric: its record id, value, units, bound, measure and quote. */
function yearColumns<Prefix extends string>(prefix: Prefix, figure: (metric: Metric) => LedgerRecord | null) {
  const base = (metric: Metric) => {
    const f = figure(metric);
    return f ? inBaseUnit(f.value, f.unit, `record "${f.id}"`) : null;
  };
  return {
    [`${prefix}_record`]: { type: 'string', pattern: KEBAB, cell: (m: Metric) => figure(m)?.id ?? null },
    [prefix]: { type: 'number', cell: (m: Metric) => figure(m)?.value ?? null },
    [`${prefix}_unit`]: { type: 'string', enum: UNITS, cell: (m: Metric) => figure(m)?.unit ?? null },
    [`${prefix}_value_base`]: { type: 'number', cell: (m: Metric) => base(m)?.value ?? null },
    [`${prefix}_unit_base`]: { type: 'string', cell: (m: Metric) => base(m)?.unit ?? null },
    [`${prefix}_bound`]: { type: 'string', enum: BOUNDS, cell: (m: Metric) => figure(m)?.bound ?? null },
  } as Record<
    `${Prefix}_record` | Prefix | `${Prefix}_unit` | `${Prefix}_unit_base` | `${Prefix}_bound`,
    Column<Metric> & { cell: (m: Metric) => string | null }
  > &
    Record<`${Prefix}_value_base`, Column<Metric> & { cell: (m: Metric) => number | null }> &
    Record<Prefix, Column<Metric> & { cell: (m: Metric) => number | null }>;
}

const measureAndQuote = <Prefix extends string>(prefix: Prefix, figure: (metric: Metric) => LedgerRecord | null) => ({
  ...bilingualColumns(`${prefix}_measure`, (m: Metric) => figure(m)?.measure, false),
  ...({ [`${prefix}_quote`]: { type: 'string', cell: (m: Metric) => figure(m)?.quote ?? null } } as Record<
    `${Prefix}_quote`,
    Column<Metric> & { cell: (m: Metric) => string | null }
  >),
});

const actual = (metric: Metric) => metric.actual2024;
const target = (metric: Metric) => metric.target2025;

/** metrics.csv, every metric chart's data.csv, and the package's metrics table: one row per metric. */
export const METRICS_TABLE = defineTable<Metric>()({
  name: 'metrics',
  primaryKey: ['id'],
  foreignKeys: [
    { fields: ['actual_2024_record'], reference: { resource: 'records', fields: ['id'] } },
    { fields: ['target_2025_record'], reference: { resource: 'records', fields: ['id'] } },
  ],
  columns: {
    id: { type: 'string', required: true, unique: true, pattern: KEBAB, cell: (m) => m.id },
    sector: { type: 'string', required: true, enum: SECTORS, cell: (m) => m.sector },
    ...bilingualColumns('label', (m: Metric) => m.label, true),
    unit: { type: 'string', required: true, enum: UNITS, cell: (m) => m.unit },
    unit_en: { type: 'string', required: true, cell: (m) => unitEn(m.unit, `metric "${m.id}"`) },
    ...yearColumns('actual_2024', actual),
    ...measureAndQuote('actual_2024', actual),
    ...yearColumns('target_2025', target),
    target_2025_commitment: {
      type: 'string',
      pattern: COMMITMENT_CELL,
      cell: (m) => (m.target2025 ? commitmentCell(m.target2025) : null),
    },
    ...measureAndQuote('target_2025', target),
    // One vocabulary with the explorer: a metric with one year is "single-year", never an empty cell.
    comparability: {
      type: 'string',
      required: true,
      enum: [...COMPARABILITIES, SINGLE_YEAR],
      cell: (m) => m.comparability ?? SINGLE_YEAR,
    },
    direction: { type: 'string', enum: DIRECTIONS, cell: (m) => pairResult(m).direction },
    change: { type: 'number', cell: (m) => pairResult(m).change },
    change_unit: { type: 'string', enum: ['pp', '%'], cell: (m) => pairResult(m).change_unit },
    compared_on: { type: 'string', enum: ['values', 'floors'], cell: (m) => pairResult(m).compared_on },
    ...bilingualColumns('note', (m: Metric) => m.note, false),
  },
});

/** records.csv and the package's records table: one row per quantitative statement of the report. */
export const RECORDS_TABLE = defineTable<LedgerRecord>()({
  name: 'records',
  docPrefix: 'record_',
  primaryKey: ['id'],
  columns: {
    id: { type: 'string', required: true, unique: true, pattern: KEBAB, cell: (r) => r.id },
    year: { type: 'string', required: true, pattern: '^\\d{4}(-\\d{4})?$', cell: (r) => r.year },
    kind: { type: 'string', required: true, enum: RECORD_KINDS, cell: (r) => r.kind },
    sector: { type: 'string', required: true, enum: SECTORS, cell: (r) => r.sector },
    value: { type: 'number', required: true, cell: (r) => r.value },
    // A record keeps whatever unit the report words (项, 方阵, 座…): no list, as in the JSON Schema.
    unit: { type: 'string', required: true, cell: (r) => r.unit },
    unit_en: { type: 'string', required: true, cell: (r) => unitEn(r.unit, `record "${r.id}"`) },
    value_base: { type: 'number', required: true, cell: (r) => inBaseUnit(r.value, r.unit, `record "${r.id}"`).value },
    unit_base: { type: 'string', required: true, cell: (r) => inBaseUnit(r.value, r.unit, `record "${r.id}"`).unit },
    bound: { type: 'string', required: true, enum: BOUNDS, cell: (r) => r.bound },
    commitment: { type: 'string', required: true, pattern: COMMITMENT_CELL, cell: (r) => commitmentCell(r) },
    ...bilingualColumns('measure', (r: LedgerRecord) => r.measure, true),
    quote: { type: 'string', required: true, cell: (r) => r.quote },
    quote_en: { type: 'string', cell: (r) => quoteIn(r, 'en') },
    occurrence: { type: 'integer', minimum: 1, cell: (r) => r.occurrence ?? null },
    written: { type: 'string', cell: (r) => r.written ?? null },
    place_codes: {
      type: 'string',
      pattern: '^511303\\d{3}(\\|511303\\d{3})*$',
      cell: (r) => r.placeCodes?.join('|') ?? null,
    },
  },
});

const PROJECT = {
  id: { type: 'string', required: true, unique: true, pattern: KEBAB, cell: (p: Project) => p.id },
  year: { type: 'integer', required: true, enum: [2024, 2025], cell: (p: Project) => p.year },
  sector: { type: 'string', required: true, enum: SECTORS, cell: (p: Project) => p.sector },
  ...bilingualColumns('label', (p: Project) => p.label, true),
  quote: { type: 'string', required: true, cell: (p: Project) => p.quote },
  place_names: { type: 'string', cell: (p: Project) => p.placeNames.join('|') },
  place_status: {
    type: 'string',
    required: true,
    enum: ['located', 'district-wide', 'unlocated'],
    cell: (p: Project) => p.placeStatus,
  },
  unlocated_name: { type: 'string', cell: (p: Project) => p.unlocatedName ?? null },
  ...bilingualColumns('place_note', (p: Project) => p.placeNote, false),
} satisfies Record<string, Column<Project>>;

/** A project in the town it is tied to (town null: district-wide or unlocated). */
export interface ProjectInTown {
  project: Project;
  town: { code: string; name: Bilingual } | null;
}

const inTown = liftColumns(PROJECT, (item: ProjectInTown) => item.project);

/** The town map's data.csv: one row per project and town it is tied to, then the district-wide ones. */
export const TOWN_PROJECTS_TABLE = defineTable<ProjectInTown>()({
  name: 'town-projects',
  primaryKey: ['id', 'town_code'],
  columns: {
    id: { ...inTown.id, unique: false },
    town_code: { type: 'string', pattern: TOWN_CODE, cell: (item) => item.town?.code ?? null },
    ...bilingualColumns('town', (item: ProjectInTown) => item.town?.name, false),
    year: inTown.year,
    sector: inTown.sector,
    label_zh: inTown.label_zh,
    label_en: inTown.label_en,
    quote: inTown.quote,
    place_names: inTown.place_names,
    place_status: inTown.place_status,
    unlocated_name: inTown.unlocated_name,
    place_note_zh: inTown.place_note_zh,
    place_note_en: inTown.place_note_en,
  },
});

/** The package's projects table: each project once, without its towns (project-towns has those). */
export const PROJECTS_TABLE = defineTable<Project>()({
  name: 'projects',
  primaryKey: ['id'],
  columns: {
    id: PROJECT.id,
    sector: PROJECT.sector,
    year: PROJECT.year,
    label_zh: PROJECT.label_zh,
    label_en: PROJECT.label_en,
    quote: PROJECT.quote,
    place_names: PROJECT.place_names,
    place_status: PROJECT.place_status,
    unlocated_name: PROJECT.unlocated_name,
    place_note_zh: PROJECT.place_note_zh,
    place_note_en: PROJECT.place_note_en,
  },
});

export const PROJECT_TOWNS_TABLE = defineTable<{ project: Project; code: string }>()({
  name: 'project-towns',
  primaryKey: ['project_id', 'town_code'],
  foreignKeys: [
    { fields: ['project_id'], reference: { resource: 'projects', fields: ['id'] } },
    { fields: ['town_code'], reference: { resource: 'towns', fields: ['code'] } },
  ],
  columns: {
    project_id: { type: 'string', required: true, pattern: KEBAB, cell: (item) => item.project.id },
    town_code: { type: 'string', required: true, pattern: TOWN_CODE, cell: (item) => item.code },
  },
});

/** Degrees rounded to five decimals (about a metre): the TopoJSON's quantised seat positions. */
const degrees = (value: number) => Math.round(value * 1e5) / 1e5;

export const TOWNS_TABLE = defineTable<TownFeature>()({
  name: 'towns',
  primaryKey: ['code'],
  columns: {
    code: { type: 'string', required: true, unique: true, pattern: TOWN_CODE, cell: (t) => t.properties.code },
    ...bilingualColumns('name', (t: TownFeature) => t.properties.name, true),
    kind: { type: 'string', required: true, enum: ['街道', '镇', '乡'], cell: (t) => t.properties.kind },
    merged_from: { type: 'string', cell: (t) => t.properties.mergedFrom.join('|') },
    uncertainty_km: { type: 'number', required: true, minimum: 0, cell: (t) => t.properties.uncertaintyKm },
    confidence: { type: 'string', required: true, enum: ['low', 'medium'], cell: (t) => t.properties.confidence },
    longitude: { type: 'number', required: true, cell: (t) => degrees(t.geometry.coordinates[0]!) },
    latitude: { type: 'number', required: true, cell: (t) => degrees(t.geometry.coordinates[1]!) },
  },
});

/** sources.csv and the package's sources table: the documents every figure comes from, Gaoping's report first. */
export const SOURCES_TABLE = defineTable<SourceEntry>()({
  name: 'sources',
  docPrefix: 'source_',
  primaryKey: ['id'],
  columns: {
    id: { type: 'string', required: true, unique: true, pattern: KEBAB, cell: (s) => s.id },
    ...bilingualColumns('title', (s: SourceEntry) => s.title, true),
    ...bilingualColumns('issuer', (s: SourceEntry) => s.issuer, true),
    level: { type: 'string', required: true, enum: LEVELS, cell: (s) => s.level },
    place: { type: 'string', required: true, enum: PLACES, cell: (s) => s.place },
    date: { type: 'string', required: true, pattern: '^\\d{4}-\\d{2}-\\d{2}$', cell: (s) => s.date },
    address: { type: 'string', pattern: 'https://.+', cell: (s) => s.address },
    file: {
      type: 'string',
      required: true,
      pattern: '^data/sources/[a-z0-9-]+\\.(md|txt)$',
      cell: (s) => `data/sources/${s.file}`,
    },
    repository: { type: 'string', cell: (s) => s.provenance.repository },
    commit: { type: 'string', pattern: '^[0-9a-f]{40}$', cell: (s) => s.provenance.commit },
    ...bilingualColumns('provenance', (s: SourceEntry) => s.provenance.note, true),
  },
});

/** A figure set beside Gaoping's (or Gaoping's own), under the indicator and the Gaoping metric it belongs to. */
export interface ContextItem {
  indicator: string;
  metric: string | null;
  figure: LevelFigure;
}

/** context.csv, the context chart's data and the package's context table: one row per figure. */
export const CONTEXT_TABLE = defineTable<ContextItem>()({
  name: 'context',
  docPrefix: 'context_',
  primaryKey: ['id'],
  foreignKeys: [
    { fields: ['source'], reference: { resource: 'sources', fields: ['id'] } },
    { fields: ['metric'], reference: { resource: 'metrics', fields: ['id'] } },
  ],
  columns: {
    id: { type: 'string', required: true, unique: true, pattern: KEBAB, cell: (c) => c.figure.id },
    indicator: { type: 'string', required: true, pattern: KEBAB, cell: (c) => c.indicator },
    metric: { type: 'string', pattern: KEBAB, cell: (c) => c.metric },
    place: { type: 'string', required: true, enum: PLACES, cell: (c) => c.figure.place },
    source: { type: 'string', required: true, pattern: KEBAB, cell: (c) => c.figure.source },
    year: { type: 'string', required: true, pattern: '^\\d{4}$', cell: (c) => c.figure.year },
    kind: { type: 'string', required: true, enum: ['result', 'target'], cell: (c) => c.figure.kind },
    value: { type: 'number', cell: (c) => c.figure.value },
    unit: { type: 'string', required: true, cell: (c) => c.figure.unit },
    bound: { type: 'string', required: true, enum: CONTEXT_BOUNDS, cell: (c) => c.figure.bound },
    commitment: { type: 'string', required: true, pattern: COMMITMENT_CELL, cell: (c) => commitmentCell(c.figure) },
    ...bilingualColumns('measure', (c: ContextItem) => c.figure.measure, true),
    basis: { type: 'string', required: true, enum: BASES, cell: (c) => c.figure.basis },
    comparability: {
      type: 'string',
      required: true,
      enum: CONTEXT_COMPARABILITIES,
      cell: (c) => c.figure.comparability,
    },
    ...bilingualColumns('comparability_note', (c: ContextItem) => c.figure.comparabilityNote, false),
    derived: { type: 'boolean', required: true, cell: (c) => c.figure.derived },
    quote: { type: 'string', required: true, cell: (c) => c.figure.quote },
  },
});
