import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { loadDataset } from '../../src/data/load-node';
import { METRIC_COLUMNS, metricRow, metricRows, publishedMetricsJson, toCsv } from '../../src/data/rows';
import { fillCopy } from '../../src/story/fill';
import { contentByLang } from '../../src/content';
import { charts } from '../../src/charts/registry';
import { loadTopology } from '../../src/geo/load-node';
import { FLOOR_BOUNDS, type Bound } from '../../src/data/types';

const dataset = loadDataset();
const geo = loadTopology();
/** metrics.csv exactly as the build writes it (vite-plugin emits the same call), read back as an analyst would. */
const csv = csvParse(toCsv({ columns: METRIC_COLUMNS, rows: dataset.metrics.map(metricRow) }).slice(1));

describe('the result is in the data', () => {
  it("recomputes the hero's counts from metrics.csv alone", () => {
    const count = (direction: string) => csv.filter((row) => row.direction === direction).length;
    // The method states the full tally (the lede states the finding by kind).
    const methods = contentByLang.en.blocks.find((block) => block.type === 'methods')!;
    expect(methods.type === 'methods' && methods.paragraphs.join(' ')).toMatch(
      /\{count\.raised\}.*\{count\.held\}.*\{count\.lowered\}/,
    );
    const fromCsv = {
      raised: count('raised'),
      held: count('held'),
      lowered: count('lowered'),
      notComparable: count('not-comparable'),
      differentScope: count('different-scope'),
      scopeUnclear: count('scope-unclear'),
      comparable: csv.filter((row) => row.change !== '').length,
      floors: csv.filter((row) => row.compared_on === 'floors').length,
      pairs: csv.filter((row) => row.actual_2024 !== '' && row.target_2025 !== '').length,
    };
    for (const [field, value] of Object.entries(fromCsv))
      expect(fillCopy(`{count.${field}}`, dataset, 'en'), field).toBe(String(value));
    expect(fromCsv.raised + fromCsv.held + fromCsv.lowered).toBe(fromCsv.comparable);
    expect(fromCsv.raised * fromCsv.lowered).toBeGreaterThan(0);
  });

  it('gives each comparable pair a change an analyst can redo from the same row: pp for rates, % of the 2024 result for levels', () => {
    const comparable = csv.filter((row) => row.comparability === 'comparable');
    expect(comparable.length).toBeGreaterThan(20);
    for (const row of comparable) {
      const actual = Number(row.actual_2024);
      const target = Number(row.target_2025);
      const rate = row.unit === '%';
      expect(row.change_unit, row.id).toBe(rate ? 'pp' : '%');
      const expected = rate ? target - actual : ((target - actual) / Math.abs(actual)) * 100;
      expect(Number(row.change), row.id).toBeCloseTo(expected, 1);
      expect(row.direction, row.id).toBe(
        Number(row.change) > 0 ? 'raised' : Number(row.change) < 0 ? 'lowered' : 'held',
      );
      const floors = FLOOR_BOUNDS.includes(row.actual_2024_bound as Bound);
      expect(row.compared_on, row.id).toBe(floors ? 'floors' : 'values');
    }
  });

  it('names a pair kept out of the count by its comparability state, and leaves single years empty', () => {
    for (const row of csv) {
      if (row.comparability === 'comparable') continue;
      expect(row.direction, row.id).toBe(row.comparability === 'single-year' ? '' : row.comparability);
      expect([row.change, row.change_unit, row.compared_on], row.id).toEqual(['', '', '']);
    }
  });

  it("every metric chart's CSV carries the same per-pair fields", () => {
    for (const chart of charts) {
      const { columns, rows } = chart.rows({ dataset, geo });
      if (!columns.includes('id') || !columns.includes('actual_2024')) continue;
      for (const column of ['direction', 'change', 'change_unit', 'compared_on'])
        expect(columns, chart.id).toContain(column);
      const again = metricRows(
        dataset,
        rows.map((row) => row.id),
      );
      expect(rows, chart.id).toEqual(again.rows);
    }
  });

  it('metrics.json as published carries the same result per metric, and its schema allows it', () => {
    const published = JSON.parse(
      publishedMetricsJson(readFileSync(new URL('../../data/metrics.json', import.meta.url), 'utf8'), dataset),
    );
    for (const metric of published.metrics) {
      const row = csv.find((r) => r.id === metric.id)!;
      expect(metric.result.direction ?? '', metric.id).toBe(row.direction);
      expect(metric.result.change === null ? '' : String(metric.result.change), metric.id).toBe(row.change);
    }
    const schema = JSON.parse(readFileSync(new URL('../../data/metrics.schema.json', import.meta.url), 'utf8'));
    // Each is nullable: anyOf [the list, null].
    const comparability: Array<string | null> = schema.$defs.metric.properties.comparability.anyOf[0].enum;
    const directions: Array<string | null> = schema.$defs.metric.properties.result.properties.direction.anyOf[0].enum;
    // Every state but comparable is a direction of its own, beside raised, held and lowered.
    expect([...directions].sort()).toEqual(
      ['raised', 'held', 'lowered', ...comparability.filter((state) => state !== 'comparable')].sort(),
    );
  });
});

describe('/data/ in one look', () => {
  it('the ZIP README carries a column dictionary: every column of every table, in both languages', async () => {
    const { datasetReadme } = await import('../../src/publish/downloads');
    const { packageTables } = await import('../../src/publish/datapackage');
    const { parseSiteUrl } = await import('../../src/publish/site-url');
    const tables = packageTables(dataset, geo);
    const readme = datasetReadme(dataset, contentByLang, parseSiteUrl('https://example.org/'), ['README.md'], tables);
    for (const table of tables)
      for (const column of table.columns)
        expect(
          readme.match(new RegExp(`^- \`${column}\`: `, 'gm'))?.length ?? 0,
          `${table.name}.${column}`,
        ).toBeGreaterThanOrEqual(2);
    expect(readme).toContain(contentByLang.en.dataPage.primaryNote);
  });

  it('one vocabulary across tables: single-year and none are words, never empty cells', () => {
    for (const row of csv) {
      expect(row.comparability, row.id).not.toBe('');
      if (row.target_2025 !== '') expect(row.target_2025_commitment, row.id).not.toBe('');
    }
    expect(csv.some((row) => row.comparability === 'single-year')).toBe(true);
  });

  it('gives units in English and values in base units where the report uses 万 or 亿', () => {
    const row = csv.find((r) => r.actual_2024_unit === '亿元')!;
    expect(row.unit_en).toBe('100 million yuan');
    expect(Number(row.actual_2024_value_base)).toBeCloseTo(Number(row.actual_2024) * 1e8, 0);
    expect(row.actual_2024_unit_base).toBe('元');
    for (const r of csv) expect(r.unit_en, r.id).not.toBe('');
  });
});
