import { sentenceHref } from '../../src/figure/source-links';
import { describe, expect, it } from 'vitest';
import { provenance, provenancePairs, entriesForKey } from '../../src/data/provenance';
import { charts } from '../../src/charts/registry';
import { chartsDrawing, storyFigureId } from '../../src/figure/provenance-links';
import { contentByLang } from '../../src/content';
import { exploreRecords } from '../../src/explore/explore-page';
import { dataset, inputs, storyHtml } from '../support/render';
import { renderDataDetails } from '../../src/figure/figure';
import { newDocument } from '../../src/site/html-document';

const entries = provenance(dataset);

describe('the provenance adapter', () => {
  it('gives one entry per record of the ledger and one per project, with unique ids', () => {
    expect(entries).toHaveLength(dataset.records.length + dataset.projects.length);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    const gdp = dataset.metrics[0]!;
    const actual = entries.find((e) => e.id === gdp.actual2024!.id)!;
    expect(actual).toMatchObject({
      quote: gdp.actual2024!.quote,
      value: gdp.actual2024!.value,
      year: 2024,
      kind: 'result',
      keys: [gdp.id],
      pairedWith: gdp.target2025!.id,
      label: gdp.label,
    });
    const unpaired = dataset.records.find(
      (r) => !dataset.metrics.some((m) => m.actual2024?.id === r.id || m.target2025?.id === r.id),
    )!;
    expect(entries.find((e) => e.id === unpaired.id)).toMatchObject({
      keys: [],
      comparability: 'single-year',
      label: unpaired.measure,
    });
  });

  it('pairs are symmetric and carry the comparability and change of their metric', () => {
    const byId = new Map(entries.map((e) => [e.id, e]));
    for (const entry of entries.filter((e) => e.pairedWith))
      expect(byId.get(entry.pairedWith!)!.pairedWith).toBe(entry.id);
    const pairs = provenancePairs(entries);
    expect(pairs).toHaveLength(dataset.metrics.filter((m) => m.actual2024 && m.target2025).length);
    for (const pair of pairs) {
      const metric = dataset.metrics.find((m) => m.id === pair.id)!;
      expect(pair.comparability).toBe(metric.comparability);
      expect(pair.change === null).toBe(metric.comparable !== true);
    }
    expect(
      entries.filter((e) => !e.pairedWith && e.kind !== 'project').every((e) => e.comparability === 'single-year'),
    ).toBe(true);
    expect(entries.filter((e) => e.kind === 'project').every((e) => e.comparability === null)).toBe(true);
  });

  it("keeps each record's bound and commitment apart, as the ledger has them", () => {
    for (const entry of entries.filter((e) => e.kind !== 'project')) {
      const record = dataset.records.find((r) => r.id === entry.id)!;
      expect(entry.bound).toEqual([record.bound]);
      expect(entry.commitment).toEqual(record.commitment);
    }
    expect(entries.some((e) => e.commitment.length > 0 && e.bound[0] !== 'exact')).toBe(true);
  });
});

describe('charts that draw an entry, from the registry', () => {
  const drawing = chartsDrawing(inputs, entries);

  it("lists a chart for an entry exactly when one of the chart's keys is the entry's", () => {
    for (const chart of charts) {
      const keys = new Set(chart.keys(inputs));
      for (const entry of entries)
        expect(drawing.get(entry.id)!.includes(chart.id), `${chart.id} ${entry.id}`).toBe(
          entry.keys.some((k) => keys.has(k)),
        );
    }
    expect([...drawing.values()].filter((ids) => ids.length > 0).length).toBeGreaterThan(entries.length / 3);
  });

  it('finds the story figure of every chart the story shows', () => {
    const html = storyHtml(contentByLang.zh);
    for (const chart of charts) {
      const id = storyFigureId(contentByLang.zh, chart.id);
      if (id) expect(html).toContain(`id="${id}"`);
    }
  });
});

describe('source links on figures', () => {
  it("each row of a chart's data table links to the sentences of its row keys when the page reaches the report", () => {
    for (const chart of charts) {
      const table = chart.table(inputs, 'zh', contentByLang.zh.chartText);
      expect(table.rowKeys, chart.id).toBeDefined();
      const document = newDocument();
      const details = renderDataDetails(
        { document, inputs, content: contentByLang.zh, links: { report: 'report/' } },
        chart,
        't',
      );
      const rows = Array.from(details.querySelectorAll('tbody tr'));
      if (table.rowSources) {
        // Context figures link to their own documents: Gaoping's to the report, the others to /sources/<id>/.
        rows.forEach((row, i) =>
          expect(Array.from(row.querySelectorAll('a.source-link')).map((a) => a.getAttribute('href'))).toEqual(
            table.rowSources![i]!.map((f) => sentenceHref('report/', f.source, f.record, f.inReport)),
          ),
        );
        expect(rows.length, chart.id).toBeGreaterThan(0);
        continue;
      }
      rows.forEach((row, i) => {
        const expected = table
          .rowKeys![i]!.flatMap((key) => entriesForKey(entries, key))
          .map((e) => `report/#q-${e.id}`);
        expect(Array.from(row.querySelectorAll('a.source-link')).map((a) => a.getAttribute('href'))).toEqual(expected);
      });
      // Together, the rows link to every entry the chart draws (found from its keys, not from the table).
      const drawn = new Set(
        chart
          .keys(inputs)
          .flatMap((key) => entriesForKey(entries, key))
          .map((e) => e.id),
      );
      expect(
        new Set(Array.from(details.querySelectorAll('a.source-link')).map((a) => a.getAttribute('data-entry'))),
        chart.id,
      ).toEqual(drawn);
      expect(drawn.size, chart.id).toBeGreaterThan(0);
      const plain = renderDataDetails({ document, inputs, content: contentByLang.zh }, chart, 't');
      expect(plain.querySelectorAll('a.source-link')).toHaveLength(0);
    }
  });

  it("every explorer row links to sentences that exist: the report's in /report/, a context figure's in its own source", () => {
    const ids = new Set(entries.map((e) => e.id));
    const context = new Map(inputs.dataset.context!.records.map((r) => [r.id, r]));
    const rows = exploreRecords(inputs);
    for (const record of rows) {
      expect(record.sentences.length).toBeGreaterThan(0);
      for (const id of record.sentences) {
        if (context.has(id)) expect(context.get(id)!.source).toBe(record.source);
        else expect(ids.has(id)).toBe(true);
      }
    }
    // Every context figure is a row of its own.
    expect(rows.filter((row) => context.has(row.id)).length).toBe(context.size);
  });
});
