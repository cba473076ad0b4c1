import { zipSync, strToU8 } from 'fflate';
import type { Topology } from 'topojson-specification';
import type { Dataset, Lang } from '../data/types';
import type { StoryContent } from '../content/types';
import type { ChartModule } from '../charts/types';
import type { MetricRow, ProjectRow, RecordRow } from '../data/rows';
import { citationText, licenceStatement, PROJECT } from '../data/citation';
import { chartRoutes } from '../routes/routes';
import { dataPackage, excelTablePath, packageTables, tableCsv, tablePath, type TableDefinition } from './datapackage';
import { absoluteUrl, type SiteUrl } from './site-url';

/**
 * What a reader downloads besides the pages: each chart's data with a metadata file at a fixed URL
 * (as OWID does), and one ZIP of the whole dataset with a README that carries licence and citation.
 */

export const DATASET_ZIP = 'data/gaoping-2025-work-report.zip';

function licenceBlock(content: Record<Lang, StoryContent>) {
  return {
    id: PROJECT.licence.id,
    title: PROJECT.licence.title,
    path: PROJECT.licence.path,
    scope: { zh: licenceStatement(content.zh), en: licenceStatement(content.en) },
  };
}

/** `data.metadata.json` of one chart: titles, units, quotes, source, citation, licence, last update. */
export function chartMetadata(
  chart: ChartModule,
  dataset: Dataset,
  geo: Topology,
  content: Record<Lang, StoryContent>,
  site: SiteUrl,
) {
  const { rows } = chart.rows({ dataset, geo });
  const units = new Set<string>();
  const quotes: Array<{ id: string; year: number | string; quote: string }> = [];
  for (const row of rows as Array<MetricRow | ProjectRow | RecordRow>) {
    if ('actual_2024' in row) {
      for (const unit of [row.unit, row.actual_2024_unit, row.target_2025_unit]) if (unit) units.add(unit);
      if (row.actual_2024_quote)
        quotes.push({ id: row.actual_2024_record ?? row.id, year: 2024, quote: row.actual_2024_quote });
      if (row.target_2025_quote)
        quotes.push({ id: row.target_2025_record ?? row.id, year: 2025, quote: row.target_2025_quote });
    } else if ('kind' in row) {
      units.add(row.unit);
      quotes.push({ id: row.id, year: row.year, quote: row.quote });
    } else {
      quotes.push({ id: row.id, year: row.year, quote: row.quote });
    }
  }
  const paths = {
    csv: chartRoutes.csv(chart.id),
    json: chartRoutes.json(chart.id),
    metadata: chartRoutes.metadata(chart.id),
  };
  return {
    chart: chart.id,
    title: { zh: content.zh.charts[chart.id]!.title, en: content.en.charts[chart.id]!.title },
    subtitle: { zh: content.zh.charts[chart.id]!.subtitle, en: content.en.charts[chart.id]!.subtitle },
    units: [...units],
    quotes: [...new Map(quotes.map((q) => [`${q.id}|${q.year}`, q])).values()],
    source: {
      title: dataset.source.title,
      date: dataset.source.date,
      venue: dataset.source.venue,
      issuer: { zh: content.zh.cite.reportAuthor, en: content.en.cite.reportAuthor },
    },
    citation: {
      zh: citationText(dataset, 'zh', content.zh, site.href),
      en: citationText(dataset, 'en', content.en, site.href),
    },
    licence: licenceBlock(content),
    lastUpdated: PROJECT.released,
    version: PROJECT.version,
    datasetSchemaVersion: dataset.schemaVersion,
    urls: {
      csv: absoluteUrl(site, paths.csv),
      json: absoluteUrl(site, paths.json),
      embed: {
        zh: absoluteUrl(site, chartRoutes.embed(chart.id, 'zh')),
        en: absoluteUrl(site, chartRoutes.embed(chart.id, 'en')),
      },
    },
  };
}

/** The README inside the ZIP: in Chinese, then English; citation, licence and every table's columns from the content files. */
export function datasetReadme(
  dataset: Dataset,
  content: Record<Lang, StoryContent>,
  site: SiteUrl,
  files: string[],
  tables: readonly TableDefinition[] = [],
): string {
  const section = (lang: Lang) => {
    const copy = content[lang];
    const doc = (table: TableDefinition, column: string) => {
      const line = copy.columnDocs[`${table.docPrefix ?? ''}${column}`];
      if (!line)
        throw new Error(`content (${lang}) has no columnDocs line for column "${column}" of table ${table.name}`);
      return line;
    };
    // The column dictionary, as /data/ and datapackage.json give it: one list per table.
    const dictionary = tables.flatMap((table) => [
      `### ${tablePath(table.name)} (${copy.dataPage.tableNotes[table.name] ?? table.name})`,
      '',
      ...table.columns.map((column) => `- \`${column}\`: ${doc(table, column)}`),
      '',
    ]);
    return [
      `# ${copy.dataPage.title}`,
      '',
      copy.dataPage.intro,
      '',
      `## ${copy.cite.heading}`,
      '',
      citationText(dataset, lang, copy, site.href),
      '',
      `## ${copy.cite.licenceHeading}`,
      '',
      ...licenceStatement(copy).map((line) => `- ${line}`),
      '',
      `## ${copy.dataPage.downloads}`,
      '',
      ...files.map((file) => `- ${file}`),
      '',
      copy.dataPage.primaryNote,
      '',
      ...(dictionary.length > 0 ? [`## ${copy.dataPage.columnDictionary}`, '', ...dictionary] : []),
    ].join('\n');
  };
  return `${section('zh')}\n${section('en')}`;
}

/** Every file of the data package: machine tables, Excel copies, datapackage.json, README and ZIP. */
export function datasetFiles(input: {
  dataset: Dataset;
  geo: Topology;
  content: Record<Lang, StoryContent>;
  site: SiteUrl;
  raw: {
    metricsJson: string;
    schemaJson: string;
    topojson: string;
    citationCff: string;
    contextJson?: string;
    sourcesJson?: string;
  };
}): Array<{ fileName: string; source: string | Uint8Array }> {
  const { dataset, geo, content, site, raw } = input;
  const tables = packageTables(dataset, geo);
  const pkg = `${JSON.stringify(dataPackage(dataset, geo, content, absoluteUrl(site, 'data/')), null, 2)}\n`;
  const inPackage: Record<string, string> = { 'datapackage.json': pkg };
  for (const table of tables) {
    inPackage[tablePath(table.name)] = tableCsv(table, false);
    inPackage[excelTablePath(table.name)] = tableCsv(table, true);
  }
  const zipped: Record<string, string> = {
    ...inPackage,
    'metrics.json': raw.metricsJson,
    'metrics.schema.json': raw.schemaJson,
    'gaoping.topojson': raw.topojson,
    'CITATION.cff': raw.citationCff,
    // The sources table and the context records as committed (the tables above are their CSV form).
    ...(raw.contextJson ? { 'context.json': raw.contextJson } : {}),
    ...(raw.sourcesJson ? { 'sources.json': raw.sourcesJson } : {}),
  };
  const names = Object.keys(zipped).sort();
  zipped['README.md'] = datasetReadme(dataset, content, site, ['README.md', ...names], tables);
  const mtime = new Date(`${PROJECT.released}T00:00:00Z`);
  const zip = zipSync(
    Object.fromEntries(['README.md', ...names].map((name) => [name, [strToU8(zipped[name]!), { mtime }]])),
    { level: 9 },
  );
  return [
    ...Object.entries(inPackage).map(([name, source]) => ({ fileName: `data/${name}`, source })),
    { fileName: DATASET_ZIP, source: zip },
  ];
}
