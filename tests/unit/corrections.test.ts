import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { fillTemplate } from '../../src/content/template';
import { contentByLang } from '../../src/content';
import { BOUNDS, COMMITMENTS, COMPARABILITIES, type Comparability } from '../../src/data/types';
import { formatValue } from '../../src/data/format';
import { exploreBody, exploreRecords } from '../../src/explore/explore-page';
import { comparabilityState, impliedPlan2024, pairStateCounts, targetChanges } from '../../src/data/derive';
import { provenance } from '../../src/data/provenance';
import { loadReportText } from '../../src/data/report-node';
import { occurrences } from '../../src/data/ledger';
import { annotateReport } from '../../src/site/provenance-pages';
import { reportBody } from '../../src/report/report-page';
import { newDocument } from '../../src/site/html-document';
import { moveWideChartsOut } from '../../src/site/move-templates-out';
import { CONTENT_SECURITY_POLICY } from '../../src/site/csp';
import { charts } from '../../src/charts/registry';
import { fillCopy } from '../../src/story/fill';
import { dataset, inputs, renderForTest, storyHtml } from '../support/render';

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
    ...dataset.metrics.flatMap((m) =>
      [m.actual2024, m.target2025]
        .filter((r) => r !== null)
        .map((r) => ({ id: m.id, quote: r!.quote, label: m.label })),
    ),
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

const countsIn = (texts: string[]) =>
  new Set(texts.flatMap((t) => [...t.matchAll(/\{count\.([a-zA-Z]+)\}/g)].map((m) => m[1]!)));

describe('the poster and the method account for every pair (F2)', () => {
  const states = pairStateCounts(dataset);
  it('the states add up to the pairs', () => {
    expect(COMPARABILITIES.reduce((sum, state) => sum + states[state], 0)).toBe(states.pairs);
  });
  for (const lang of ['zh', 'en'] as const) {
    const content = contentByLang[lang];
    // The lede states the finding only (issue 23); the full account of every pair is the method's.
    const methods = content.blocks.find((b) => b.type === 'methods')!;
    const surfaces = {
      methods: methods.type === 'methods' ? methods.paragraphs.filter((p) => p.includes('{count.pairs}')) : [],
      poster: content.share.posterFindings,
    };
    for (const [surface, texts] of Object.entries(surfaces)) {
      it(`${lang} ${surface}: names a count for every state that has pairs, filled from the data`, () => {
        const used = countsIn(texts);
        expect(used.has('pairs')).toBe(true);
        for (const state of COMPARABILITIES) {
          if (states[state] === 0) continue;
          expect(
            STATE_COUNTS[state].some((name) => used.has(name)),
            `${state} (${states[state]} pairs) is not counted`,
          ).toBe(true);
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

describe('the map counts an area-wide project once, not in each of its units (F4)', () => {
  // Projects tied to every unit of a multi-unit area: they belong to the area, not to each unit.
  const areaWide = new Set(
    dataset.projects.filter((p) => p.placeStatus === 'located' && p.placeNames.length === 1 && p.codes.length > 1),
  );
  const ownCount = (code: string, year: 2024 | 2025) =>
    dataset.projects.filter((p) => p.year === year && p.codes.includes(code) && !areaWide.has(p)).length;
  it('there are area-wide projects to check', () => {
    expect(areaWide.size).toBeGreaterThan(0);
  });
  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}: each dot's label counts only the unit's own projects, and its size follows that count`, () => {
      const svg = renderForTest('town-map', lang, 600);
      const dots = Array.from(svg.querySelectorAll('.map-town')).map((g) => {
        const code = g.getAttribute('data-town')!;
        const numbers = (g.getAttribute('aria-label')!.match(/\d+/g) ?? []).map(Number);
        return {
          code,
          label: g.getAttribute('aria-label')!,
          numbers,
          r: Number(g.querySelector('.map-dot')!.getAttribute('r')),
        };
      });
      expect(dots.length).toBeGreaterThan(10);
      for (const dot of dots) {
        expect(dot.numbers[1], dot.label).toBe(ownCount(dot.code, 2024));
        expect(dot.numbers[3], dot.label).toBe(ownCount(dot.code, 2025));
      }
      const bySize = [...dots].sort((a, b) => a.r - b.r);
      for (let i = 1; i < bySize.length; i++) {
        const total = (d: (typeof dots)[number]) => ownCount(d.code, 2024) + ownCount(d.code, 2025);
        expect(total(bySize[i]!), `${bySize[i]!.label} vs ${bySize[i - 1]!.label}`).toBeGreaterThanOrEqual(
          total(bySize[i - 1]!),
        );
      }
    });
    it(`${lang}: the description counts each area's projects once`, () => {
      const description = charts
        .find((c) => c.id === 'town-map')!
        .describe(inputs, lang, contentByLang[lang].chartText);
      const summaries = [
        ...description.matchAll(
          lang === 'zh' ? /（2024年(\d+)项、2025年(\d+)项）/g : /\((\d+) in 2024, (\d+) for 2025\)/g,
        ),
      ];
      const listed = summaries.reduce((sum, m) => sum + Number(m[1]) + Number(m[2]), 0);
      const attributions = dataset.projects
        .filter((p) => p.placeStatus === 'located' && !areaWide.has(p))
        .reduce((sum, p) => sum + p.codes.length, 0);
      expect(listed).toBe(attributions);
    });
  }
});

/** Strings of two parallel copy trees (zh.json and en.json share their shape), path by path. */
function parallelStrings(zh: unknown, en: unknown, path = ''): Array<{ path: string; zh: string; en: string }> {
  if (typeof zh === 'string' && typeof en === 'string') return [{ path, zh, en }];
  if (zh && en && typeof zh === 'object' && typeof en === 'object') {
    return Object.keys(zh).flatMap((key) =>
      parallelStrings((zh as Record<string, unknown>)[key], (en as Record<string, unknown>)[key], `${path}.${key}`),
    );
  }
  return [];
}

describe('English labels say what is measured (F5)', () => {
  const recordsOf = (m: (typeof dataset.metrics)[number]) =>
    [m.actual2024, m.target2025].filter((r) => r !== null).map((r) => r!);
  it.each(dataset.metrics.map((m) => [m.id, m] as const))(
    '%s: a growth rate, share or change is labelled as one',
    (_id, metric) => {
      const measures = recordsOf(metric)
        .map((r) => r.measure.zh)
        .join(' ');
      if (metric.unit === '%' && /增长|增速/.test(metric.label.zh + measures) && !/占比|比重/.test(metric.label.zh))
        expect(metric.label.en).toMatch(/growth/i);
      if (/占比|比重/.test(metric.label.zh)) expect(metric.label.en).toMatch(/share/i);
      if (/同比$|变化/.test(metric.label.zh)) expect(metric.label.en).toMatch(/change/i);
    },
  );
  it.each(dataset.metrics.map((m) => [m.id, m] as const))('%s: a start is never labelled as done', (_id, metric) => {
    if (recordsOf(metric).some((r) => /开工/.test(r.quote) && !/完成|竣工|建成/.test(r.quote))) {
      expect(metric.label.en).not.toMatch(/\b(renovated|completed|rebuilt|built|finished)\b/i);
    }
  });
  const pairs = parallelStrings(contentByLang.zh, contentByLang.en);
  it('copy: consumption (消费) is never "spending", and "spending" is only 支出', () => {
    expect(pairs.length).toBeGreaterThan(100);
    for (const pair of pairs) {
      if (/\bspending\b/i.test(pair.en)) expect(pair.zh, pair.path).toMatch(/支出/);
      if (/消费/.test(pair.zh) && !/支出/.test(pair.zh)) expect(pair.en, pair.path).not.toMatch(/\bspending\b/i);
    }
  });
  it('copy: a step over growth rates names value added as a growth, in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const block of contentByLang[lang].blocks) {
        if (block.type !== 'scrolly') continue;
        for (const step of block.steps.filter((s) =>
          ['rate-target-shifts', 'headline-targets'].includes(s.chart ?? ''),
        )) {
          if (lang === 'en' && /value added/.test(step.text)) expect(step.text).toMatch(/growth/);
          if (lang === 'zh' && /增加值/.test(step.text)) expect(step.text).toMatch(/增长|增速/);
        }
      }
    }
  });
  it('the page description claims no completeness it does not have', () => {
    expect(contentByLang.en.meta.description).not.toMatch(/\b(every|all|each)\b/i);
    expect(contentByLang.zh.meta.description).not.toMatch(/逐项|所有|全部|每[一个项]/);
  });
  it('an English label inside a sentence loses its sentence capital', () => {
    for (const block of contentByLang.en.blocks) {
      if (block.type !== 'scrolly') continue;
      for (const step of block.steps) {
        const filled = fillCopy(step.text, dataset, 'en');
        for (const metric of dataset.metrics.filter((m) => /^[A-Z][a-z]+ [a-z]/.test(m.label.en))) {
          expect(filled, step.text).not.toMatch(
            new RegExp(`[a-z,] ${metric.label.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
          );
        }
      }
    }
  });
});

describe('English pages show English magnitudes and gloss every qualifier (F5e)', () => {
  const cjk = /[\u3400-\u9fff]/;
  it('every bound and commitment word has a name in each language, and an English gloss that is not the word itself', () => {
    for (const word of [...BOUNDS, ...COMMITMENTS]) {
      expect(contentByLang.zh.qualifierNames, word).toHaveProperty(word);
      const gloss = (contentByLang.en.qualifierNames as Record<string, string>)[word];
      expect(gloss, word).toBeDefined();
      expect(gloss, word).not.toMatch(cjk);
    }
  });
  it.each(dataset.records.map((r) => [r.id, r] as const))(
    '%s: the English value has no Chinese unit or magnitude',
    (_id, record) => {
      expect(formatValue(record.value, record.unit, 'en')).not.toMatch(cjk);
    },
  );
  it('the English explorer and annotated report show no Chinese in a value, bound or commitment', () => {
    const content = contentByLang.en;
    const document = newDocument();
    document.body.append(...exploreBody(document, inputs, content, exploreRecords(inputs)));
    document.body.append(
      ...reportBody(
        document,
        inputs,
        content,
        annotateReport(inputs, loadReportText(), { dataset: 'data/metrics.json', report: 'report.txt' }),
      ),
    );
    const cards = Array.from(document.querySelectorAll('.q-card'));
    expect(cards.length).toBeGreaterThan(200);
    for (const card of cards) {
      const terms = Array.from(card.querySelectorAll('dt'));
      const value = terms.find((dt) => dt.textContent === content.report.value)?.nextElementSibling?.textContent ?? '';
      expect(value, card.id).not.toMatch(cjk);
      for (const label of [content.report.bound, content.report.commitment]) {
        const text = terms.find((dt) => dt.textContent === label)?.nextElementSibling?.textContent ?? '';
        // The report's word stays, with its English gloss: 以上 (or more); never a word glossed by itself.
        for (const [, word, gloss] of text.matchAll(/(\S+) \(([^)]*)\)/g))
          expect(gloss, `${card.id}: ${word}`).not.toMatch(cjk);
      }
    }
    const table = document.querySelector('table')!;
    const headers = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent);
    const valueColumn = headers.indexOf(content.explore.colValue);
    expect(valueColumn).toBeGreaterThanOrEqual(0);
    for (const row of Array.from(table.querySelectorAll('tbody tr'))) {
      const cell = row.children[valueColumn]!.textContent ?? '';
      // The report's own qualifier stays beside its gloss (以上 (or more)); everything else is English.
      const rest = cell.replace(/(\S+) \(([^)]*)\)/g, (_match, _word: string, gloss: string) => {
        expect(gloss, row.id).not.toMatch(cjk);
        return '';
      });
      expect(rest, row.id).not.toMatch(cjk);
    }
  });
});

describe('the ledger files each statement as what it is (R1, R2)', () => {
  const text = loadReportText();
  const glossaryStart = text.indexOf('\n名词解释');
  it('the glossary heading is found', () => {
    expect(glossaryStart).toBeGreaterThan(0);
  });
  it.each(dataset.records.map((r) => [r.id, r] as const))(
    '%s: no glossary definition is filed as a result or a target',
    (_id, record) => {
      const at = occurrences(text, record.quote)[(record.occurrence ?? 1) - 1]!;
      expect(at).toBeLessThan(glossaryStart);
    },
  );
  it.each(dataset.records.map((r) => [r.id, r] as const))(
    '%s: stock and flow are said alike in both languages',
    (_id, record) => {
      const { zh, en } = record.measure;
      if (/存量/.test(zh) || /\bstocks?\b/i.test(en)) {
        expect(/存量/.test(zh), zh).toBe(/\bstocks?\b/i.test(en));
        expect(/流量/.test(zh), zh).toBe(/\bflows?\b/i.test(en));
      }
    },
  );
});

describe("an artefact note reads correctly in the token's place, in the page's language (artefact notes)", () => {
  const text = loadReportText();
  const annotated = annotateReport(inputs, text, { dataset: 'data/metrics.json', report: 'report.txt' });
  it.each(dataset.source.notes.map((n, i) => [n.location, n, i] as const))(
    '%s: the words never repeat the words beside the token',
    (_location, note) => {
      const parts = note.asReceived.split(note.token);
      expect(parts.length - 1).toBe(note.standsFor.length);
      note.standsFor.forEach((words, k) => {
        const before = parts[k]!;
        const after = parts[k + 1]!;
        for (let n = 2; n <= words.zh.length; n++) {
          expect(before.endsWith(words.zh.slice(0, n)), `${words.zh} repeats "${words.zh.slice(0, n)}" before it`).toBe(
            false,
          );
          expect(after.startsWith(words.zh.slice(-n)), `${words.zh} repeats "${words.zh.slice(-n)}" after it`).toBe(
            false,
          );
        }
      });
    },
  );
  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}: each note gives the words in the page's language`, () => {
      const document = newDocument();
      document.body.append(...reportBody(document, inputs, contentByLang[lang], annotated));
      const notes = Array.from(document.querySelectorAll('.artefact'));
      expect(notes.length).toBeGreaterThan(0);
      for (const node of notes) {
        const place = Number(node.getAttribute('data-artefact'));
        const note = node.querySelector('.artefact-note')!.textContent ?? '';
        expect(
          dataset.source.notes[place]!.standsFor.some((words) => note.includes(`“${words[lang]}”`)),
          note,
        ).toBe(true);
        if (lang === 'zh') expect(note, note).not.toMatch(/[A-Za-z]/);
      }
    });
  }
});

describe('a comparison gives the context the report gives (P2, P4)', () => {
  it('a target set below a 2024 result that beat its own plan is also set against that plan', () => {
    const withPlan = dataset.metrics.filter((m) => impliedPlan2024(dataset, m) !== undefined);
    expect(withPlan.length).toBeGreaterThan(0);
    for (const lang of ['zh', 'en'] as const) {
      const texts = contentByLang[lang].blocks.flatMap((b) => (b.type === 'scrolly' ? b.steps.map((s) => s.text) : []));
      for (const metric of withPlan) {
        for (const text of texts.filter(
          (t) => t.includes(`{${metric.id}.target}`) && t.includes(`{${metric.id}.actual}`),
        )) {
          expect(text, text).toContain(`{${metric.id}.planLastYear}`);
        }
      }
    }
  });
  it('a change between two floors is whole, never to a decimal', () => {
    const floors = targetChanges(dataset).filter((c) => c.floors);
    expect(floors.length).toBeGreaterThan(0);
    for (const change of floors) expect(change.decimals).toBe(0);
  });
});

describe('what we inferred is said to be inferred (judgement 14)', () => {
  it('copy that states a township merger says it is inferred from village names', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const text of parallelStrings(contentByLang[lang], contentByLang[lang]).map((p) => p.zh)) {
        if (lang === 'zh' && /并入|合并/.test(text)) expect(text).toMatch(/推断/);
        if (lang === 'en' && /\b(merged|absorbed|now part of)\b/i.test(text)) expect(text).toMatch(/inferred|suggests/);
      }
    }
  });
  it('a project is placed in a township only on evidence that puts it there, not next to it', () => {
    for (const project of dataset.projects.filter((p) => p.placeStatus === 'located')) {
      expect(project.placeNote?.zh ?? '', project.id).not.toMatch(/紧邻|附近|旁/);
      expect(project.placeNote?.en ?? '', project.id).not.toMatch(/\bnext to\b|\bnear\b/i);
    }
  });
});

describe('the methods state each judgement call (10–15)', () => {
  const calls = {
    zh: [
      '范围不明',
      '逗号',
      '首次',
      '名词解释',
      '九大',
      '蜀里安逸',
      '计划额',
      '整数',
      '据村名推断',
      '磨尔滩',
      '不是报告所提设施的完整名录',
    ],
    en: [
      'scope unclear',
      'comma',
      'Firsts',
      'glossary',
      'enumerated count',
      'Shu li an yi',
      "2024's plan",
      'whole units',
      'inferred by matching village names',
      'Moertan',
      'not a complete register',
    ],
  } as const;
  for (const lang of ['zh', 'en'] as const) {
    it(lang, () => {
      const methods = contentByLang[lang].blocks.find((b) => b.type === 'methods');
      const text = methods && methods.type === 'methods' ? methods.paragraphs.join('\n') : '';
      for (const phrase of calls[lang]) expect(text, phrase).toContain(phrase);
    });
  }
});

describe('every HTML file served at a URL carries the Content-Security-Policy', () => {
  it('the wide-charts file does', () => {
    const page = newDocument();
    page.body.innerHTML = '<main id="main"><template class="chart-svg-deferred"><svg></svg></template></main>';
    const file = moveWideChartsOut(page, 'T')!;
    const { document } = parseHTML(file);
    expect(document.querySelector('head meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
      CONTENT_SECURITY_POLICY,
    );
  });
});

describe('small English fixes (Also)', () => {
  const { document } = parseHTML(`<html><body>${storyHtml(contentByLang.en)}</body></html>`);
  it('the source line names the report once, without repeating itself', () => {
    // As the story's credits fill it (src/site/page-parts.ts storyCredits).
    const line = fillTemplate(contentByLang.en.credits.source, {
      reportAuthor: contentByLang.en.cite.reportAuthor,
      reportTitle: dataset.source.title.en,
      reportDate: dataset.source.date,
      reportVenue: dataset.source.venue.en,
    });
    expect(line.length).toBeGreaterThan(10);
    const words = line.replace(/[,.:]/g, '').split(/\s+/);
    const seen = new Set<string>();
    for (let i = 0; i + 3 <= words.length; i++) {
      const gram = words.slice(i, i + 3).join(' ');
      expect(seen.has(gram), `"${gram}" repeats in "${line}"`).toBe(false);
      seen.add(gram);
    }
  });
  it('no English count of one takes a plural noun', () => {
    const text = document.body.textContent ?? '';
    const labels = Array.from(document.querySelectorAll('[aria-label]'))
      .map((n) => n.getAttribute('aria-label'))
      .join('\n');
    expect(`${text}\n${labels}`).not.toMatch(/(?<![\d.,])1 (results|plans|projects|pairs|indicators|targets)\b/);
  });
});
