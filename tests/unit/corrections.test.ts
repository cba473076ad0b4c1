import { describe, expect, it } from 'vitest';
import { contentByLang } from '../../src/content';
import { COMPARABILITIES, type Comparability } from '../../src/data/types';
import { comparabilityState, pairStateCounts } from '../../src/data/derive';
import { provenance } from '../../src/data/provenance';
import { loadReportText } from '../../src/data/report-node';
import { annotateReport } from '../../src/site/provenance-pages';
import { reportBody } from '../../src/report/report-page';
import { newDocument } from '../../src/site/html-document';
import { dataset, inputs } from '../support/render';

/**
 * Kinds of error the second fact-check (2026-12-05, issue 20) found. Each test is written for the
 * kind, not the one instance, so the same kind of error fails here if it comes back.
 */

/**
 * Official zones the report names, and how a label must name each. A label may shorten a quote,
 * but never drop the zone the quote puts the place in (江东 is an area of the 协同改革先行区, not
 * of the FTZ itself: fact-check F1).
 */
const ZONES = [
  { quote: '协同改革先行区', zh: '协同改革先行区', en: 'Coordinated Reform Pilot Zone' },
  { quote: '自由贸易试验区', zh: '自贸试验区', en: 'Pilot Free Trade Zone' },
  { quote: '临江新区', zh: '临江新区', en: 'Linjiang New Area' },
] as const;

describe('labels name the zone their quote names (F1)', () => {
  const labelled = [
    ...dataset.projects.map((p) => ({ id: p.id, quote: p.quote, label: p.label })),
    ...dataset.metrics.flatMap((m) => [m.actual2024, m.target2025].filter((r) => r !== null).map((r) => ({ id: m.id, quote: r!.quote, label: m.label }))),
  ];
  it('some labels name a zone (the check has something to check)', () => {
    expect(labelled.filter((l) => ZONES.some((z) => l.label.zh.includes(z.zh))).length).toBeGreaterThan(0);
  });
  it.each(labelled.map((l) => [l.id, l] as const))('%s', (_id, item) => {
    for (const zone of ZONES) {
      if (!item.quote.includes(zone.quote)) continue;
      // A label that names any zone must name every zone of its quote, in both languages.
      const namesAZone = ZONES.some((z) => item.label.zh.includes(z.zh));
      if (!namesAZone) continue;
      expect(item.label.zh, `${item.id} zh`).toContain(zone.zh);
      expect(item.label.en, `${item.id} en`).toContain(zone.en);
    }
  });
});

/** The count placeholders that cover each pair state, in the copy. */
const STATE_COUNTS: Record<Comparability, string[]> = {
  comparable: ['comparable'],
  'not-comparable': ['notComparable'],
  'different-scope': ['differentScope', 'differentOrUnclearScope'],
  'scope-unclear': ['scopeUnclear', 'differentOrUnclearScope'],
};

const countsIn = (texts: string[]) => new Set(texts.flatMap((t) => [...t.matchAll(/\{count\.([a-zA-Z]+)\}/g)].map((m) => m[1]!)));

describe('the poster and the method account for every pair (F2)', () => {
  const states = pairStateCounts(dataset);
  it('the states add up to the pairs', () => {
    expect(COMPARABILITIES.reduce((sum, state) => sum + states[state], 0)).toBe(states.pairs);
  });
  for (const lang of ['zh', 'en'] as const) {
    const content = contentByLang[lang];
    // The lede states the finding only (issue 23); the full account of every pair is the method's.
    const methods = content.blocks.find((b) => b.type === 'methods')!;
    const surfaces = { methods: methods.type === 'methods' ? methods.paragraphs.filter((p) => p.includes('{count.pairs}')) : [], poster: content.share.posterFindings };
    for (const [surface, texts] of Object.entries(surfaces)) {
      it(`${lang} ${surface}: names a count for every state that has pairs, filled from the data`, () => {
        const used = countsIn(texts);
        expect(used.has('pairs')).toBe(true);
        for (const state of COMPARABILITIES) {
          if (states[state] === 0) continue;
          expect(STATE_COUNTS[state].some((name) => used.has(name)), `${state} (${states[state]} pairs) is not counted`).toBe(true);
        }
        // No count is typed: a digit in these sentences is a count that cannot follow the data.
        for (const t of texts) expect(t.replace(/\{[^}]+\}/g, '').replace(/20\d\d/g, '')).not.toMatch(/\d/);
      });
    }
  }
});

describe('the annotated report names each pair state as the data has it (card 81, 238)', () => {
  const text = loadReportText();
  const annotated = annotateReport(inputs, text, { dataset: 'data/metrics.json', report: 'report.txt' });
  const entries = provenance(dataset);
  for (const lang of ['zh', 'en'] as const) {
    it(lang, () => {
      const content = contentByLang[lang];
      const document = newDocument();
      document.body.append(...reportBody(document, inputs, content, annotated));
      const shown = new Set<string>();
      for (const entry of entries.filter((e) => e.kind !== 'project')) {
        const card = document.getElementById(`r-${entry.id}`)!;
        const terms = Array.from(card.querySelectorAll('dt'));
        const row = terms.find((dt) => dt.textContent === content.report.comparability)!;
        const metric = dataset.metrics.find((m) => m.id === entry.metric);
        const state = metric && metric.comparability !== null ? comparabilityState(metric) : 'single-year';
        expect(row.nextElementSibling!.textContent, entry.id).toBe(content.chartText.comparabilityNames[state]);
        shown.add(state);
      }
      expect(shown.has('scope-unclear')).toBe(true);
    });
  }
  it('each state has its own name in each language', () => {
    for (const lang of ['zh', 'en'] as const) {
      const names = Object.values(contentByLang[lang].chartText.comparabilityNames);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});
