import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_INPUT_FILES, inputFilesFromEnv, loadSiteInputs } from '../../src/site/inputs';

/** What the build reads before it renders anything: a broken input stops it naming file, record and field. */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'site-inputs-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A copy of the dataset with one edit, written where the build can be pointed at it. */
function brokenDataset(name: string, edit: (dataset: Record<string, any>) => void): string {
  const dataset = JSON.parse(readFileSync(DEFAULT_INPUT_FILES.dataset, 'utf8'));
  edit(dataset);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(dataset));
  return file;
}

describe("loading the site's inputs", () => {
  it('stops on a project placed in a town code that is not a town, naming file, project and field', () => {
    const file = brokenDataset('broken-metrics.json', (dataset) => {
      dataset.projects.find((p: { id: string }) => p.id === 'jiangling-key-central-town-2025').codes = ['511303777'];
    });
    expect(() => loadSiteInputs({ ...DEFAULT_INPUT_FILES, dataset: file })).toThrow(
      `${file}: project "jiangling-key-central-town-2025": field "codes": town code 511303777 is not a town`,
    );
  });

  it('stops on a quote that is not in the report, naming file, record and field', () => {
    const file = brokenDataset('broken-quote-metrics.json', (dataset) => {
      const gdp = dataset.metrics.find((m: { id: string }) => m.id === 'gdp-growth');
      dataset.records.find((r: { id: string }) => r.id === gdp.actual2024).quote = '全年地区总产值增长6.1%';
    });
    expect(() => loadSiteInputs({ ...DEFAULT_INPUT_FILES, dataset: file })).toThrow(
      new RegExp(
        `${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: record "gdp-growth-2024": field "quote": .*全年地区总产值增长6\\.1%`,
      ),
    );
  });

  it('stops, naming the file and REPORT_FILE, when the report text is missing', () => {
    expect(() => loadSiteInputs({ ...DEFAULT_INPUT_FILES, report: join(dir, 'no-such-report.txt') })).toThrow(
      /The report text is missing: .*no-such-report\.txt[\s\S]*REPORT_FILE/,
    );
  });

  it('reads the files the environment names, relative to the working directory, and the defaults otherwise', () => {
    expect(inputFilesFromEnv({})).toEqual(DEFAULT_INPUT_FILES);
    const files = inputFilesFromEnv({
      METRICS_FILE: 'a.json',
      GEO_FILE: 'b.topojson',
      REPORT_FILE: 'c.txt',
      LEDGER_EXCLUSIONS_FILE: 'd.json',
    });
    expect(files).toMatchObject({
      dataset: join(process.cwd(), 'a.json'),
      topology: join(process.cwd(), 'b.topojson'),
      report: join(process.cwd(), 'c.txt'),
      exclusions: join(process.cwd(), 'd.json'),
    });
  });
});
