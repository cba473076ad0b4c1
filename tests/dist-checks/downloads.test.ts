import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3-dsv';
import Ajv2020 from 'ajv/dist/2020.js';
import { chartIds } from '../../src/charts/registry';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { distText, site } from '../support/site';

/** The downloads of the run's one build, read as files (and the 404 page as served). */
const ids = chartIds();

describe('downloads', () => {
  it('publishes a manifest of every chart with zh and en titles', () => {
    const manifest = JSON.parse(distText('embed/charts.json'));
    expect(manifest.charts.map((c: { id: string }) => c.id)).toEqual(ids);
    for (const chart of manifest.charts) expect(chart.title.zh && chart.title.en).toBeTruthy();
  });

  it.each(['data/metrics.csv', ...ids.map((id) => `embed/${id}/data.csv`)])(
    '%s starts with a BOM and parses back to its JSON',
    (file) => {
      const csv = distText(file);
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const parsed = csvParse(csv.slice(1));
      const json =
        file === 'data/metrics.csv'
          ? { rows: JSON.parse(distText('data/metrics.json')).metrics.map((m: { id: string }) => m.id) }
          : JSON.parse(distText(file.replace('.csv', '.json')));
      if (file === 'data/metrics.csv') {
        expect(parsed.map((r) => r.id)).toEqual(json.rows);
        return;
      }
      expect(parsed.columns).toEqual(json.columns);
      expect(parsed).toHaveLength(json.rows.length);
      json.rows.forEach((row: Record<string, unknown>, i: number) => {
        for (const column of json.columns as string[]) {
          const value = row[column];
          expect(parsed[i]![column], `${file} row ${i} ${column}`).toBe(value === null ? '' : String(value));
        }
      });
    },
  );

  it('metrics.csv holds every metric field as documented, values unchanged', () => {
    const parsed = csvParse(distText('data/metrics.csv').slice(1));
    const { metrics, records } = JSON.parse(distText('data/metrics.json'));
    const record = (id: string | null) =>
      records.find((r: { id: string }) => r.id === id) as
        { value: number; quote: string; bound: string; commitment: string[] } | undefined;
    metrics.forEach(
      (
        metric: {
          id: string;
          actual2024: string | null;
          target2025: string | null;
          unit: string;
          comparability: string | null;
        },
        i: number,
      ) => {
        const actual = record(metric.actual2024);
        const target = record(metric.target2025);
        expect(parsed[i]!.actual_2024_record).toBe(metric.actual2024 ?? '');
        expect(parsed[i]!.actual_2024).toBe(actual ? String(actual.value) : '');
        expect(parsed[i]!.actual_2024_quote).toBe(actual?.quote ?? '');
        expect(parsed[i]!.target_2025).toBe(target ? String(target.value) : '');
        expect(parsed[i]!.target_2025_bound).toBe(target?.bound ?? '');
        expect(parsed[i]!.target_2025_commitment).toBe(target ? target.commitment.join('+') || 'none' : '');
        expect(parsed[i]!.comparability).toBe(metric.comparability ?? 'single-year');
        expect(parsed[i]!.unit).toBe(metric.unit);
      },
    );
  });

  it('records.csv holds one row per ledger record, values unchanged', () => {
    const parsed = csvParse(distText('data/records.csv').slice(1));
    const { records } = JSON.parse(distText('data/metrics.json'));
    expect(parsed.map((r) => r.id)).toEqual(records.map((r: { id: string }) => r.id));
    records.forEach((r: { value: number; quote: string; bound: string }, i: number) => {
      expect(parsed[i]!.value).toBe(String(r.value));
      expect(parsed[i]!.quote).toBe(r.quote);
      expect(parsed[i]!.bound).toBe(r.bound);
    });
  });

  it('metrics.json validates against the published schema with ajv', () => {
    const ajv = new Ajv2020({ allErrors: true });
    const validate = ajv.compile(JSON.parse(distText('data/metrics.schema.json')));
    expect(validate(JSON.parse(distText('data/metrics.json'))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('serves a 404 page listing the valid chart ids for an unknown chart', async () => {
    const response = await fetch(`${site.baseUrl}embed/no-such-chart/`);
    expect(response.status).toBe(404);
    const body = await response.text();
    for (const id of ids) expect(body).toContain(`/embed/${id}/`);
  });

  it('documents every CSV column on the data page', () => {
    const page = distText('data/index.html');
    for (const column of csvParse(distText('data/metrics.csv').slice(1)).columns) expect(page).toContain(`>${column}<`);
    for (const column of csvParse(distText('data/records.csv').slice(1)).columns) expect(page).toContain(`>${column}<`);
  });

  /** Every file the build writes under data/, pages aside: what a reader can download. */
  const dataFiles = () =>
    (
      readdirSync(join(site.distDir, 'data'), { recursive: true, withFileTypes: true }) as Array<{
        isFile(): boolean;
        name: string;
        parentPath: string;
      }>
    )
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.html'))
      .map((entry) => relative(site.distDir, join(entry.parentPath, entry.name)).split('\\').join('/'))
      .sort();

  it.each(['data/', 'en/data/'])(
    '/%s names every file of the data package (context.csv and sources.csv included)',
    (page) => {
      const { document } = parseHTML(distText(`${page}index.html`));
      const pageUrl = new URL(page, 'https://example.org/');
      const linked = new Set(
        [...document.querySelectorAll('a[href]')].map((a) =>
          new URL(a.getAttribute('href')!, pageUrl).pathname.slice(1),
        ),
      );
      const files = dataFiles();
      expect(files).toEqual(
        expect.arrayContaining([
          'data/context.csv',
          'data/sources.csv',
          'data/datapackage.json',
          'data/gaoping-2025-work-report.zip',
        ]),
      );
      expect(files.filter((file) => !linked.has(file))).toEqual([]);
    },
  );
});
