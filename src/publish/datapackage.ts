import type { Topology } from 'topojson-specification';
import type { Dataset, Lang } from '../data/types';
import type { StoryContent } from '../content/types';
import { toCsv, UTF8_BOM } from '../data/rows';
import { towns } from '../data/town-projects';
import { citationText, PROJECT } from '../data/citation';
import { contextItems } from '../data/context-rows';
import { filled, type FieldSpec, type TableDefinition } from '../data/table';
import {
  CONTEXT_TABLE,
  METRICS_TABLE,
  PROJECT_TOWNS_TABLE,
  PROJECTS_TABLE,
  RECORDS_TABLE,
  SOURCES_TABLE,
  TOWNS_TABLE,
} from '../data/tables';

/**
 * The Frictionless Data Package (v1, tabular-data-package profile) for /data/datapackage.json.
 * Each table is declared once in src/data/tables.ts (columns in order, a Table Schema field spec and
 * a cell function per column, keys); here they are filled with rows. The field descriptions are the
 * column documentation in the content files, the same lines /data/ shows.
 */

export type { FieldSpec, TableDefinition };

/** Every downloadable table, from the dataset and the map. Declare a table in src/data/tables.ts and add it here: it is packaged, documented and validated. */
export function packageTables(dataset: Dataset, geo: Topology): TableDefinition[] {
  return [
    filled(RECORDS_TABLE, dataset.records),
    filled(METRICS_TABLE, dataset.metrics),
    filled(PROJECTS_TABLE, dataset.projects),
    filled(
      PROJECT_TOWNS_TABLE,
      dataset.projects.flatMap((project) => project.codes.map((code) => ({ project, code }))),
    ),
    filled(TOWNS_TABLE, towns(geo)),
    // The documents every figure comes from, and every figure set beside Gaoping's; absent for a
    // dataset loaded without its context (a test's).
    ...(dataset.context
      ? [filled(SOURCES_TABLE, dataset.context.sources), filled(CONTEXT_TABLE, contextItems(dataset))]
      : []),
  ];
}

/** Machine-readable path of a table (UTF-8, no BOM): what the package points at. */
export const tablePath = (name: string) => `tables/${name}.csv`;
/** The Excel copy (UTF-8 with BOM) of a table, beside datapackage.json. */
export const excelTablePath = (name: string) => `excel/${name}.csv`;

/** A table as CSV: machine copy without BOM, Excel copy with it; same bytes otherwise. */
export function tableCsv(table: TableDefinition, bom: boolean): string {
  const withBom = toCsv({ columns: [...table.columns], rows: table.rows as never });
  if (!withBom.startsWith(UTF8_BOM)) throw new Error('toCsv no longer writes a BOM; update tableCsv');
  return bom ? withBom : withBom.slice(UTF8_BOM.length);
}

/** A table's Table Schema: its declared field specs, each described by its line of column docs. */
export function tableSchema(table: TableDefinition, docs: Record<string, string>) {
  const fields = table.columns.map((column) => {
    const spec = table.fields[column]!;
    const key = `${table.docPrefix ?? ''}${column}`;
    const description = docs[key];
    if (!description)
      throw new Error(`content (en) has no columnDocs line "${key}" for column "${column}" of table ${table.name}`);
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
    sources: [
      {
        title: `${dataset.source.title.zh} (${dataset.source.title.en}), ${dataset.source.date}, ${dataset.source.venue.en}`,
      },
    ],
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
      schema: tableSchema(table, en.columnDocs),
    })),
  };
}
