import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-node';
import { loadTopology } from '../../src/geo/load-node';
import { contentByLang } from '../../src/content';
import { levelRows, missingTargetText } from '../../src/data/levels';
import { chartCard } from '../../src/publish/headline-card';
import { figureText } from '../../src/data/level-format';

const dataset = loadDataset();
const geo = loadTopology();

describe('a missing target says what we know', () => {
  it('reads "not in our sources" for a place we hold no document of, and "no target set" where we do', () => {
    const text = contentByLang.en.chartText;
    const cells = levelRows(dataset)
      .flatMap((row) => row.cells)
      .filter((cell) => cell.target2025 === null);
    const nanchong = cells.filter((cell) => cell.place === 'nanchong');
    const documented = cells.filter((cell) => cell.place === 'sichuan' || cell.place === 'china');
    expect(nanchong.length).toBeGreaterThan(0);
    expect(documented.length).toBeGreaterThan(0);
    for (const cell of nanchong) expect(missingTargetText(cell, text)).toBe(text.notInSources);
    for (const cell of documented) expect(missingTargetText(cell, text)).toBe(text.noTargetSet);
  });
});

describe('the share card of the levels chart', () => {
  it.each(['zh', 'en'] as const)(
    '%s: states the GDP targets of Gaoping, Sichuan and China from the data, not town projects',
    (lang) => {
      const content = contentByLang[lang];
      const card = chartCard('context-levels', dataset, geo, content);
      const gdp = levelRows(dataset).find((row) => row.indicator.id === 'gdp-growth')!;
      for (const place of ['gaoping', 'sichuan', 'china'] as const) {
        const target = gdp.cells.find((cell) => cell.place === place)!.target2025!;
        expect(card.finding).toContain(figureText(target, lang, content.chartText));
      }
      expect(card.rows.map((row) => row.label)).toContain(content.chartText.placeSichuan);
      expect(card.finding).not.toContain(content.chartText.columnTown);
    },
  );
});
