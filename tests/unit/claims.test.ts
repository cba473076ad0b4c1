import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-node';
import { loadTopology } from '../../src/geo/load-node';
import {
  deepestLevelCut,
  majorityShift,
  metricById,
  pairKind,
  tallyByKind,
  targetChanges,
  type KindTally,
  type TargetChange,
} from '../../src/data/derive';
import { fillCopy } from '../../src/story/fill';
import { formatDigits } from '../../src/data/format';
import { projectsByTown } from '../../src/data/town-projects';
import { contentByLang } from '../../src/content';
import { levelFindings, type Finding } from '../../src/data/level-findings';
import { cellOf, drawable, levelRows } from '../../src/data/levels';
import { renderForTest } from '../support/render';

/**
 * The story's words make claims that the numbers fill in only partly ("the fastest", "appears
 * most", "among the deepest cuts"). If a dataset edit makes one untrue, this fails, naming the
 * sentence to rewrite in src/content/{zh,en}.json.
 */
const dataset = loadDataset();
const changes = targetChanges(dataset);
const change = (id: string) => changes.find((c) => c.metric.id === id)!;

/** The majority direction of a set of changes, as a tally. */
const tallyOf = (set: TargetChange[]) => ({
  changes: set,
  raised: set.filter((c) => c.shift === 'raised').length,
  held: set.filter((c) => c.shift === 'held').length,
  lowered: set.filter((c) => c.shift === 'lowered').length,
});
const kind = (name: KindTally['kind']) => tallyByKind(dataset).find((t) => t.kind === name)!;

/**
 * Every heading (section headings and chart titles) that says "most" names a set; this table says
 * which set each one means and which way most of it goes. A new "most" heading without an entry
 * fails, and so does one whose set no longer has that majority.
 */
const MOST = /多数|大多|大部分|\bmost(ly)?\b/i;
const MOST_CLAIMS: Array<{
  where: string;
  set: () => TargetChange[];
  shift: 'raised' | 'held' | 'lowered';
  words: Record<'zh' | 'en', RegExp>;
}> = [
  {
    where: 'section headline',
    set: () => changes.filter((c) => c.metric.sector === 'headline' && pairKind(c.metric) === 'growth'),
    shift: 'raised',
    words: { zh: /多数目标高于/, en: /most targets are above/ },
  },
  {
    where: 'chart target-tally',
    set: () => kind('growth').changes,
    shift: 'raised',
    words: { zh: /增速大多调高/, en: /growth rates mostly up/ },
  },
  {
    where: 'chart target-tally',
    set: () => kind('volume').changes,
    shift: 'lowered',
    words: { zh: /总量大多调低/, en: /volumes mostly down/ },
  },
];

function headings(lang: 'zh' | 'en'): Array<{ where: string; text: string }> {
  const content = contentByLang[lang];
  const sections = content.blocks.flatMap((block) =>
    'heading' in block && block.heading
      ? [{ where: block.type === 'scrolly' ? `section ${block.id}` : `block ${block.type}`, text: block.heading }]
      : [],
  );
  const charts = Object.entries(content.charts).map(([id, copy]) => ({ where: `chart ${id}`, text: copy.title }));
  return [...sections, ...charts];
}

describe('the lede and the headings say what the data says', () => {
  it('the finding: most comparable growth rates are raised and most comparable volumes lowered', () => {
    expect(majorityShift(kind('growth'))).toBe('raised');
    expect(majorityShift(kind('volume'))).toBe('lowered');
  });

  it.each(['zh', 'en'] as const)('%s: the lede states the finding with the computed counts, and no caveats', (lang) => {
    const hero = contentByLang[lang].blocks[0]!;
    if (hero.type !== 'hero') throw new Error('the story opens with its hero');
    const dek = fillCopy(hero.dek, dataset, lang);
    const counts = [
      kind('growth').changes.length,
      kind('growth').raised,
      kind('volume').changes.length,
      kind('volume').lowered,
    ];
    // The four counts appear in the order the sentence gives them.
    expect(dek).toMatch(new RegExp(counts.map((n) => `\\D${formatDigits(n, lang)}\\D`).join('[\\s\\S]*')));
    expect(hero.dek).toMatch(/\{count\.growthRaised\}[\s\S]*\{count\.volumesLowered\}/);
    // Counting rules live in the method, not in the first screen.
    expect(hero.dek).not.toMatch(/count\.(notComparable|differentScope|floors)/);
    // The graphic that is the finding comes right after the lede.
    expect(contentByLang[lang].blocks[1]).toMatchObject({ type: 'chart', chart: 'target-tally' });
  });

  it.each(['zh', 'en'] as const)('%s: a heading that says "most" is true of the set it names', (lang) => {
    const unchecked: string[] = [];
    for (const heading of headings(lang).filter((h) => MOST.test(h.text))) {
      const claims = MOST_CLAIMS.filter(
        (claim) => claim.where === heading.where && claim.words[lang].test(heading.text),
      );
      if (claims.length === 0) unchecked.push(`${heading.where}: ${heading.text}`);
      for (const claim of claims)
        expect(majorityShift(tallyOf(claim.set())), `${heading.where}: ${heading.text}`).toBe(claim.shift);
    }
    expect(unchecked).toEqual([]);
  });

  it.each(['zh', 'en'] as const)(
    '%s: no section heading says most targets are raised overall while most comparable pairs are not',
    (lang) => {
      const overall = majorityShift(tallyOf(changes));
      for (const heading of headings(lang).filter((h) => h.where.startsWith('section'))) {
        if (overall !== 'raised')
          expect(heading.text, heading.where).not.toMatch(/^(所有|全部)?目标(大多|多数)|^most targets/i);
      }
    },
  );
});

describe('claims the copy makes still hold', () => {
  it('headline: industry is the one growth target below 2024, and grew fastest in 2024', () => {
    const headline = changes.filter((c) => c.metric.sector === 'headline');
    expect(headline.filter((c) => c.shift === 'lowered').map((c) => c.metric.id)).toEqual([
      'industrial-value-added-growth',
    ]);
    const fastest = [...headline].sort((a, b) => b.metric.actual2024.value - a.metric.actual2024.value)[0]!;
    expect(fastest.metric.id).toBe('industrial-value-added-growth');
  });

  it('headline: the biggest rises are retail sales and budget revenue', () => {
    const top = changes
      .filter((c) => c.metric.sector === 'headline')
      .slice(0, 2)
      .map((c) => c.metric.id)
      .sort();
    expect(top).toEqual(['budget-revenue-growth', 'retail-sales-growth']);
  });

  it('rates: budget revenue rises most; the lowered ones are industry, private sector and services; forest and the three water rates hold', () => {
    const rates = changes.filter((c) => c.measure === '百分点');
    expect(rates[0]!.metric.id).toBe('budget-revenue-growth');
    expect(
      rates
        .filter((c) => c.shift === 'lowered')
        .map((c) => c.metric.id)
        .sort(),
    ).toEqual(['industrial-value-added-growth', 'private-economy-growth', 'services-value-added-growth']);
    expect(
      rates
        .filter((c) => c.shift === 'held')
        .map((c) => c.metric.id)
        .sort(),
    ).toEqual(['assessed-sections-water', 'drinking-water-sources', 'forest-cover', 'water-quality-compliance']);
  });

  it('levels: lifts, high-tech firms and FDI are the deepest cuts', () => {
    const levels = changes.filter((c) => c.measure === '%');
    expect(
      levels
        .slice(-3)
        .map((c) => c.metric.id)
        .sort(),
    ).toEqual(['foreign-direct-investment', 'lifts-added', 'new-high-tech-firms']);
  });

  it('sectors: grain held, vegetables and hogs slightly up, factory space and key-project investment below 2024, trade close to 2024', () => {
    expect(change('grain-output').shift).toBe('held');
    for (const id of ['vegetable-output', 'hogs-marketed']) expect(change(id).change).toBeGreaterThan(0);
    for (const id of ['vegetable-output', 'hogs-marketed']) expect(change(id).change).toBeLessThan(10);
    for (const id of ['standard-factory-floor-space', 'key-project-investment', 'urban-new-jobs'])
      expect(change(id).shift).toBe('lowered');
    expect(change('tech-smes-registered').shift).toBe('raised');
    expect(Math.abs(change('foreign-trade-total').change)).toBeLessThan(1);
  });

  it('map: every town a map step names has projects, and no step calls a town the most named unless it is', () => {
    const counts = new Map(
      projectsByTown(dataset, loadTopology()).map((e) => [e.town.code, e.results.length + e.plans.length]),
    );
    const top = Math.max(...counts.values());
    for (const lang of ['zh', 'en'] as const) {
      const map = contentByLang[lang].blocks.find((b) => b.type === 'scrolly' && b.id === 'map');
      if (!map || map.type !== 'scrolly') throw new Error('no map section');
      for (const step of map.steps) {
        for (const code of (step.focus ?? []).filter((f) => /^\d{9}$/.test(f))) {
          expect(counts.get(code), code).toBeGreaterThan(0);
          if (/最多|appears most|most often/.test(step.text))
            expect(counts.get(code), `${lang}: ${step.text}`).toBe(top);
        }
      }
    }
  });

  it('FDI: ranked first in the city in 2024 and its target is lowered, though not the deepest cut (the heading says no "starkest")', () => {
    expect(dataset.records.find((r) => r.id === 'foreign-direct-investment-rank-2024')).toMatchObject({
      value: 1,
      kind: 'ranking',
    });
    expect(change('foreign-direct-investment').shift).toBe('lowered');
    const deepest = deepestLevelCut(dataset)!;
    for (const lang of ['zh', 'en'] as const) {
      const fdi = contentByLang[lang].blocks.find((b) => b.type === 'scrolly' && b.id === 'fdi');
      const heading = fdi && 'heading' in fdi ? fdi.heading : '';
      if (deepest.metric.id !== 'foreign-direct-investment')
        expect(heading).not.toMatch(/最显眼|最大|starkest|deepest|biggest/);
    }
  });

  it('factory space: the 2025 target is a floor below the 2024 result (said as a floor, not "build less")', () => {
    const factory = metricById(dataset, 'standard-factory-floor-space');
    expect(factory.target2025!.bound).toBe('以上');
    expect(factory.target2025!.value).toBeLessThan(factory.actual2024!.value);
    expect(JSON.stringify(contentByLang.en.blocks)).not.toMatch(/build less/);
  });

  it('floors: logistics held at the same floor, deposits and loans raised from one floor to a higher one', () => {
    expect(change('social-logistics-total')).toMatchObject({ shift: 'held', floors: true });
    expect(change('deposits-loans-premiums')).toMatchObject({ shift: 'raised', floors: true });
  });
});

describe('claims the "How bold?" section makes still hold (generated from data/context.json)', () => {
  const findings = levelFindings(dataset);
  const figures = (f: Finding) =>
    'rows' in f
      ? []
      : [
          f.gaoping,
          ...('sichuan' in f ? [f.sichuan] : []),
          ...('china' in f ? [f.china] : []),
          ...('result' in f ? [f.result] : []),
        ];

  it('GDP: Gaoping aims above both Sichuan and China, and each comparison holds', () => {
    expect(findings.find((f) => f.kind === 'aboveBoth' && f.row.indicator.id === 'gdp-growth')).toBeDefined();
    for (const f of findings) {
      if (f.kind === 'aboveBoth') expect(f.gaoping.value).toBeGreaterThan(Math.max(f.sichuan.value, f.china.value));
      if (f.kind === 'sameAsBoth') expect([f.sichuan.value, f.china.value]).toEqual([f.gaoping.value, f.gaoping.value]);
      if (f.kind === 'aboveSichuanOnly') {
        expect(f.gaoping.value).toBeGreaterThan(f.sichuan.value);
        expect(cellOf(f.row, 'china').target2025).toBeNull();
      }
      if (f.kind === 'fellAbove') expect(f.result.value).toBeLessThan(0);
      if (f.kind === 'noTargetAbove')
        for (const row of f.rows)
          for (const place of ['sichuan', 'china'] as const) expect(cellOf(row, place).target2025).toBeNull();
    }
  });

  it('investment: the national figure fell in 2025, and the sentence names only levels whose fall is in our sources', () => {
    const fell = findings.filter((f) => f.kind === 'fellAbove');
    expect(fell.map((f) => `${f.row.indicator.id}@${f.place}`)).toEqual(['fixed-asset-investment-growth@china']);
  });

  it("no finding sets a proxy or a different-scope figure beside Gaoping's, nor across units", () => {
    for (const f of findings) {
      for (const figure of figures(f)) {
        expect(figure.comparability, figure.id).toBe('same-measure');
        if (!('rows' in f)) expect(figure.unit, figure.id).toBe(f.gaoping.unit);
      }
    }
  });

  it("a pair marked proxy is never drawn or counted as comparable (mark China's 2025 investment a proxy: its finding goes, its mark was never drawn)", () => {
    const marked = structuredClone(dataset.context!);
    const record = marked.records.find((r) => r.id === 'china-fixed-asset-investment-growth-2025')!;
    record.comparability = 'proxy';
    record.comparabilityNote = { zh: '测试', en: 'test' };
    const proxied = { ...dataset, context: marked };
    expect(levelFindings(proxied).some((f) => f.kind === 'fellAbove')).toBe(false);
    const chinaInvestment = cellOf(
      levelRows(proxied).find((r) => r.indicator.id === 'fixed-asset-investment-growth')!,
      'china',
    );
    expect(drawable(chinaInvestment.result2025)).toBe(false);
  });

  it('the chart draws no dot or diamond for a proxy or different-scope figure', () => {
    const svg = renderForTest('context-levels', 'zh', 600);
    for (const row of levelRows(dataset)) {
      for (const cell of row.cells) {
        const key = `${row.indicator.id}@${cell.place}`;
        const marks = svg.querySelectorAll(`[data-key="${key}"]:not(text)`).length;
        const expected = [cell.actual2024, cell.target2025].filter((f) => drawable(f)).length;
        expect(marks, key).toBe(row.unit === '%' ? expected : 0);
        for (const f of [cell.actual2024, cell.target2025])
          if (f && f.comparability !== 'same-measure') expect(drawable(f), f.id).toBe(false);
      }
    }
  });
});
