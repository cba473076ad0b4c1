import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3-dsv';
import { loadDataset } from '../../src/data/load-node';
import { loadTopology } from '../../src/geo/load-node';
import { exploreDownloads, exploreRecords } from '../../src/explore/explore-page';
import { rowModel, SORT_COLUMNS, type DisplayNames } from '../../src/explore/records';
import { applyState, defaultState, normalise } from '../../src/explore/state';

const inputs = { dataset: loadDataset(), geo: loadTopology() };
const records = exploreRecords(inputs);
const names: DisplayNames = { sector: new Map(), town: new Map() };
const rows = records.map((record) => rowModel(record, 'en', names));
const collator = new Intl.Collator('en');
const byId = new Map(records.map((record) => [record.id, record]));

describe('the explorer for analysts', () => {
  it('never sorts raw values across units: there is no value sort', () => {
    expect(SORT_COLUMNS as readonly string[]).not.toContain('value');
  });

  it('sorts by the size of the change within a unit: rates (pp) as one group, levels (%) as another, each in order', () => {
    const sorted = applyState(rows, { ...defaultState(), sort: 'change', dir: 'asc' }, collator).map((row) =>
      byId.get(row.id)!,
    );
    const changed = sorted.filter((record) => record.change_value !== null);
    expect(changed.length).toBeGreaterThan(30);
    const units = changed.map((record) => record.change_unit);
    // One run per unit: pp first, then %.
    expect(
      units
        .join(',')
        .replace(/(pp,)+pp/, 'pp')
        .replace(/(%,)+%/, '%'),
    ).toBe('pp,%');
    for (const unit of ['pp', '%']) {
      const values = changed.filter((record) => record.change_unit === unit).map((record) => record.change_value!);
      expect(values, unit).toEqual([...values].sort((a, b) => a - b));
    }
    // Rows without a change come last.
    expect(sorted.slice(changed.length).every((record) => record.change_value === null)).toBe(true);
  });

  it.each([
    ['GDP', 'gdp-growth'],
    ['FDI', 'foreign-direct-investment'],
    ['R&D', 'rd-spending'],
    ['tonnes', 'grain-output'],
    ['亿元', 'key-project-investment'],
  ])('search finds "%s"', (query, id) => {
    const found = applyState(rows, { ...defaultState(), q: query }, collator).map((row) => row.id);
    expect(found.length, query).toBeGreaterThan(0);
    expect(found, query).toContain(id);
    expect(normalise(query)).toBe(normalise(query).trim());
  });

  it('exports raw fields: value and unit as numbers and codes, bound, commitment, the change, and each quote in its own column', () => {
    const csv = csvParse(exploreDownloads(records, inputs).csv.slice(1));
    for (const column of [
      'value',
      'unit',
      'unit_en',
      'bound',
      'commitment',
      'target_value',
      'change',
      'change_value',
      'change_unit',
      'compared_on',
      'quote',
      'target_quote',
    ])
      expect(csv.columns).toContain(column);
    const pair = csv.find((row) => row.id === 'grain-output')!;
    expect(Number(pair.value)).not.toBeNaN();
    expect(pair.quote).not.toContain(pair.target_quote);
    expect(pair.change_unit).toBe('%');
    for (const row of csv) expect(row.value === '' || !Number.isNaN(Number(row.value)), row.id).toBe(true);
  });
});
