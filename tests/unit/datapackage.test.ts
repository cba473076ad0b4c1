import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import { unzipSync, strFromU8 } from 'fflate';
import { loadDataset } from '../../src/data/load-node';
import { loadTopology } from '../../src/geo/load-node';
import { contentByLang } from '../../src/content';
import { charts } from '../../src/charts/registry';
import { dataPackage, packageTables, tableCsv, tablePath } from '../../src/publish/datapackage';
import { chartMetadata, datasetFiles, DATASET_ZIP } from '../../src/publish/downloads';
import { parseSiteUrl } from '../../src/publish/site-url';
import { validateCsv, type TableSchema } from '../support/table-schema';

const dataset = loadDataset();
const geo = loadTopology();
const site = parseSiteUrl('https://example.org/graphics/gaoping/');
const profile = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/frictionless/${name}.json`, import.meta.url), 'utf8'));

function ajv() {
  const validator = new Ajv({ allErrors: true, strict: false });
  // The profiles' formats: "textarea" is an editor hint; the others are checked.
  validator.addFormat('textarea', true);
  validator.addFormat('uri', (value: string) => URL.canParse(value));
  validator.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  validator.addFormat('email', /^[^@\s]+@[^@\s]+$/);
  validator.addSchema(profile('table-schema'), 'table-schema');
  return validator;
}

const pkg = dataPackage(dataset, geo, contentByLang, 'https://example.org/graphics/gaoping/data/');
const files = datasetFiles({
  dataset,
  geo,
  content: contentByLang,
  site,
  raw: { metricsJson: '{}', schemaJson: '{}', topojson: '{}', citationCff: 'cff-version: 1.2.0\n' },
});
const file = (name: string) => files.find((f) => f.fileName === name)?.source;

describe('datapackage.json', () => {
  it('validates against the official Tabular Data Package profile', () => {
    const validate = ajv().compile(profile('tabular-data-package'));
    const ok = validate(pkg);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('has a Table Schema per resource that validates against the official Table Schema profile', () => {
    const validate = ajv().getSchema('table-schema')!;
    for (const resource of pkg.resources) {
      expect(validate(resource.schema), `${resource.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('fails the official profile when a required part is missing (the check can fail)', () => {
    const validate = ajv().compile(profile('tabular-data-package'));
    const broken = {
      ...pkg,
      resources: pkg.resources.map((r, i) =>
        i === 0 ? { ...r, schema: { ...r.schema, fields: [{ name: 'x', type: 'no-such-type' }] } } : r,
      ),
    };
    expect(validate(broken)).toBe(false);
    expect(validate({ ...pkg, resources: [] })).toBe(false);
  });

  it('describes records, metrics, projects, project-towns, towns, sources and context with keys, licence, source and version', () => {
    expect(pkg.resources.map((r) => r.name)).toEqual([
      'records',
      'metrics',
      'projects',
      'project-towns',
      'towns',
      'sources',
      'context',
    ]);
    // Every context figure names its document in the sources table, and Gaoping's metric where there is one.
    const context = pkg.resources.find((r) => r.name === 'context')!;
    expect(context.schema.foreignKeys?.map((fk) => `${fk.fields[0]}→${fk.reference.resource}`)).toEqual([
      'source→sources',
      'metric→metrics',
    ]);
    expect(pkg.licenses[0]!.name).toBe('CC-BY-4.0');
    expect(pkg.sources[0]!.title).toContain(dataset.source.title.zh);
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    const towns = pkg.resources.find((r) => r.name === 'project-towns')!;
    expect(towns.schema.foreignKeys?.map((fk) => fk.reference.resource)).toEqual(['projects', 'towns']);
    for (const resource of pkg.resources) expect(resource.schema.primaryKey.length).toBeGreaterThan(0);
  });
});

describe('the CSVs the package points at', () => {
  const tables = new Map<string, Array<Record<string, unknown>>>();
  for (const resource of pkg.resources) {
    it(`${resource.path}: UTF-8 without BOM, every row valid against its Table Schema`, () => {
      const csv = file(`data/${resource.path}`);
      expect(typeof csv).toBe('string');
      const { rows, problems } = validateCsv(csv as string, resource.schema as TableSchema);
      expect(problems).toEqual([]);
      expect(rows.length).toBeGreaterThan(0);
      tables.set(resource.name, rows);
    });
  }

  it('resolves every foreign key', () => {
    for (const resource of pkg.resources) {
      for (const fk of resource.schema.foreignKeys ?? []) {
        const target = new Set(
          tables.get(fk.reference.resource)!.map((row) => JSON.stringify(fk.reference.fields.map((f) => row[f]))),
        );
        for (const row of tables.get(resource.name)!) {
          // A null reference points nowhere (a metric with one year only), as Table Schema allows.
          if (fk.fields.some((f) => row[f] === null)) continue;
          expect(
            target.has(JSON.stringify(fk.fields.map((f) => row[f]))),
            `${resource.name} ${JSON.stringify(row)}`,
          ).toBe(true);
        }
      }
    }
  });

  it('has one metrics row per metric and keeps the BOM only on the Excel copies', () => {
    expect(tables.get('metrics')!.length).toBe(dataset.metrics.length);
    const metrics = packageTables(dataset, geo).find((table) => table.name === 'metrics')!;
    expect(tableCsv(metrics, true).startsWith('\ufeff')).toBe(true);
    expect(file('data/excel/metrics.csv')).toBe(tableCsv(metrics, true));
    expect(file(`data/${tablePath('metrics')}`)).toBe(tableCsv(metrics, false));
  });

  it('catches a bad row (the row check can fail)', () => {
    const resource = pkg.resources.find((r) => r.name === 'metrics')!;
    const csv = file(`data/${resource.path}`) as string;
    const broken = csv.replace(/\r\ngdp-growth,headline,/, '\r\ngdp-growth,no-such-sector,');
    expect(broken).not.toBe(csv);
    expect(validateCsv(broken, resource.schema as TableSchema).problems.join('\n')).toContain('not in enum');
    expect(validateCsv(`\ufeff${csv}`, resource.schema as TableSchema).problems).toContain(
      'starts with a byte-order mark',
    );
  });
});

describe('the dataset ZIP and per-chart metadata', () => {
  it('zips the package, the JSON and a README with licence and citation', () => {
    const zip = unzipSync(file(DATASET_ZIP) as Uint8Array);
    expect(Object.keys(zip)).toEqual(
      expect.arrayContaining([
        'README.md',
        'datapackage.json',
        'tables/metrics.csv',
        'excel/metrics.csv',
        'metrics.json',
        'gaoping.topojson',
        'CITATION.cff',
      ]),
    );
    const readme = strFromU8(zip['README.md']!);
    expect(readme).toContain('CC BY 4.0');
    expect(readme).toContain(dataset.source.title.zh);
    expect(readme).toContain(contentByLang.en.cite.licenceExcludes[1]);
    expect(strFromU8(zip['datapackage.json']!)).toBe(file('data/datapackage.json'));
  });

  it('gives every chart a metadata file with title, subtitle, units, quotes, source, citation, licence and date', () => {
    for (const chart of charts) {
      const meta = chartMetadata(chart, dataset, geo, contentByLang, site);
      expect(meta.title.zh).toBe(contentByLang.zh.charts[chart.id]!.title);
      expect(meta.subtitle.en).toBe(contentByLang.en.charts[chart.id]!.subtitle);
      expect(meta.quotes.length).toBeGreaterThan(0);
      if (chart.id !== 'town-map') expect(meta.units.length).toBeGreaterThan(0);
      expect(meta.citation.zh.indexOf(contentByLang.zh.cite.reportAuthor)).toBe(0);
      expect(meta.licence.id).toBe('CC-BY-4.0');
      expect(meta.lastUpdated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(meta.urls.csv).toBe(`https://example.org/graphics/gaoping/embed/${chart.id}/data.csv`);
    }
  });
});
