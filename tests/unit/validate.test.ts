import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDataset, findProblems, formatProblem } from '../../src/data/validate';
import { quoteStatesValue } from '../../src/data/numbers';
import { GLOSSARY, missingGlossaryTerms } from '../../src/data/glossary';
import { COMPARABILITIES } from '../../src/data/types';

const FILE = 'data/metrics.json';
const original = readFileSync(FILE, 'utf8');
const fresh = () => JSON.parse(original);
const byId = (doc: any, id: string) => doc.metrics.find((m: any) => m.id === id);
const messages = (doc: unknown) => findProblems(doc, FILE).map(formatProblem);

const rec = (doc: any, id: string) => doc.records.find((r: any) => r.id === id);

describe('the committed dataset', () => {
  it('validates', () => {
    expect(findProblems(fresh(), FILE)).toEqual([]);
  });
  it('has more than forty 2024/2025 pairs, all with comparability decided', () => {
    const pairs = fresh().metrics.filter((m: any) => m.actual2024 && m.target2025);
    expect(pairs.length).toBeGreaterThan(40);
    for (const pair of pairs) expect(COMPARABILITIES).toContain(pair.comparability);
  });
  it('records the ten places of the artefact token', () => {
    expect(fresh().source.notes).toHaveLength(10);
  });
});

describe('malformed datasets are refused with file, id and field', () => {
  const cases: Array<[string, (doc: any) => void, RegExp]> = [
    [
      'missing field',
      (d) => delete byId(d, 'gdp-growth').sector,
      /data\/metrics\.json: metric "gdp-growth": field "sector": must have required property 'sector'/,
    ],
    [
      'wrong type',
      (d) => (rec(d, 'gdp-growth-2024').value = '6.1'),
      /record "gdp-growth-2024": field "value": must be number/,
    ],
    [
      'duplicate id',
      (d) => (byId(d, 'agri-output-growth').id = 'gdp-growth'),
      /metric "gdp-growth": field "id": duplicate id \(also metrics\[0\]\)/,
    ],
    [
      'duplicate record id',
      (d) => (rec(d, 'agri-output-growth-2024').id = 'gdp-growth-2024'),
      /record "gdp-growth-2024": field "id": duplicate id/,
    ],
    [
      'unit not allowed',
      (d) => (byId(d, 'culture-tourism-output').unit = '元'),
      /metric "culture-tourism-output": field "unit": must be equal to one of the allowed values/,
    ],
    [
      'quote without its value',
      (d) => (rec(d, 'foreign-direct-investment-2024').value = 1109.8),
      /record "foreign-direct-investment-2024": field "value": quote does not contain the value 1109\.8/,
    ],
    [
      'Chinese numeral that does not state the value',
      (d) => (rec(d, 'deposits-loans-premiums-2024').value = 100),
      /record "deposits-loans-premiums-2024": field "value": quote does not contain the value 千亿/,
    ],
    [
      'fall recorded as a rise',
      (d) => (rec(d, 'budget-revenue-growth-2024').value = 3.3),
      /record "budget-revenue-growth-2024": field "value": quote does not contain the value 3\.3/,
    ],
    [
      'rise recorded as a fall',
      (d) => (rec(d, 'gdp-growth-2024').value = -6.1),
      /record "gdp-growth-2024": field "value": quote does not contain the value -6\.1 worded as a fall/,
    ],
    [
      'bound outside the vocabulary',
      (d) => (rec(d, 'gdp-growth-2025').bound = '大约'),
      /record "gdp-growth-2025": field "bound": must be equal to one of the allowed values: exact, 以上/,
    ],
    [
      'commitment outside the vocabulary',
      (d) => (rec(d, 'urban-new-jobs-2025').commitment = ['尽力']),
      /record "urban-new-jobs-2025": field "commitment\.0": must be equal to one of the allowed values: 力争, 确保/,
    ],
    [
      'a 2024 result with a commitment word',
      (d) => (rec(d, 'gdp-growth-2024').commitment = ['力争']),
      /record "gdp-growth-2024": field "commitment": a 2024 result carries no commitment word/,
    ],
    [
      'metric naming an unknown record',
      (d) => (byId(d, 'gdp-growth').target2025 = 'gdp-growth-2026'),
      /metric "gdp-growth": field "target2025": names record "gdp-growth-2026", which is not in records\[\]/,
    ],
    [
      'metric naming a record of the wrong year',
      (d) => (byId(d, 'gdp-growth').actual2024 = 'gdp-growth-2025'),
      /metric "gdp-growth": field "actual2024": record "gdp-growth-2025" is for 2025, not 2024/,
    ],
    [
      'not-comparable with no note',
      (d) => delete byId(d, 'rural-roads').note,
      /metric "rural-roads": field "note": a not-comparable pair needs a note saying why/,
    ],
    [
      'different-scope with no caveat',
      (d) => {
        byId(d, 'linjiang-new-area-gdp-growth').comparability = 'different-scope';
        delete byId(d, 'linjiang-new-area-gdp-growth').note;
      },
      /metric "linjiang-new-area-gdp-growth": field "note": a different-scope pair needs a caveat/,
    ],
    [
      'scope-unclear with no note',
      (d) => delete byId(d, 'linjiang-new-area-gdp-growth').note,
      /metric "linjiang-new-area-gdp-growth": field "note": a scope-unclear pair needs a note/,
    ],
    [
      'comparability missing on a pair',
      (d) => (byId(d, 'gdp-growth').comparability = null),
      /metric "gdp-growth": field "comparability": must be comparable, not-comparable, different-scope or scope-unclear/,
    ],
    [
      'comparability outside the vocabulary',
      (d) => (byId(d, 'gdp-growth').comparability = 'similar'),
      /metric "gdp-growth": field "comparability": must be equal to one of the allowed values/,
    ],
    [
      'quote through the artefact',
      (d) => (rec(d, 'gdp-growth-2025').quote = '亚洲通实现地区生产总值增长6.5%以上'),
      /record "gdp-growth-2025": field "quote": quote runs through the artefact 亚洲通/,
    ],
    [
      'artefact as a label',
      (d) => (byId(d, 'gdp-growth').label.zh = '亚洲通生产总值'),
      /metric "gdp-growth": field "label\.zh": label contains the artefact/,
    ],
    [
      'quote too long to be a citation',
      (d) => (rec(d, 'gdp-growth-2024').quote = '全年地区生产总值增长6.1%' + '。'.repeat(60)),
      /record "gdp-growth-2024": field "quote": must NOT have more than 60 characters/,
    ],
    [
      'id not kebab-case',
      (d) => (byId(d, 'gdp-growth').id = 'GDP growth'),
      /metric "GDP growth": field "id": must match pattern/,
    ],
    [
      'English gloss that types its figure',
      (d) =>
        (rec(d, 'foreign-direct-investment-2024').quoteEn = 'Achieved foreign direct investment of US$11.1 million'),
      /record "foreign-direct-investment-2024": field "quoteEn": the gloss names its figure once, as \{value\}/,
    ],
    [
      'English gloss with a typed number beside its figure',
      (d) =>
        (rec(d, 'foreign-direct-investment-2025').quoteEn =
          'Strive for {value} (600) or more of foreign direct investment'),
      /record "foreign-direct-investment-2025": field "quoteEn": the gloss types a number/,
    ],
    [
      'English gloss without the official term',
      (d) => (rec(d, 'foreign-direct-investment-2024').quoteEn = 'Achieved FDI of {value}'),
      /record "foreign-direct-investment-2024": field "quoteEn": the gloss lacks the official term "foreign direct investment"/,
    ],
    [
      'project gloss typing a number its quote does not',
      (d) =>
        (d.projects.find((p: any) => p.id === 'linjiang-major-projects-2024').quoteEn =
          'The Gaoping part of the Linjiang New Area carried out 86 major projects'),
      /project "linjiang-major-projects-2024": field "quoteEn": the gloss types 86, which the quote does not/,
    ],
    [
      'project gloss without the official term',
      (d) =>
        (d.projects.find((p: any) => p.id === 'linjiang-major-projects-2024').quoteEn =
          'The Gaoping part of the Linjiang new zone carried out 68 major projects'),
      /project "linjiang-major-projects-2024": field "quoteEn": the gloss lacks the official term "Linjiang New Area"/,
    ],
    ['missing id', (d) => delete d.metrics[2].id, /metrics\[2\]: field "id": must have required property 'id'/],
    [
      'unlocated project without its name',
      (d) => delete d.projects.find((p: any) => p.placeStatus === 'unlocated').unlocatedName,
      /project "[a-z0-9-]+": field "unlocatedName": required exactly when placeStatus is "unlocated"/,
    ],
    [
      'located project without codes',
      (d) => (d.projects.find((p: any) => p.placeStatus === 'located').codes = []),
      /project "[a-z0-9-]+": field "codes": must be non-empty exactly when placeStatus is "located"/,
    ],
  ];
  for (const [name, breakIt, expected] of cases) {
    it(name, () => {
      const doc = fresh();
      breakIt(doc);
      const found = messages(doc);
      expect(
        found.some((m) => expected.test(m)),
        found.join('\n'),
      ).toBe(true);
    });
  }

  it('invalid JSON names the file', () => {
    expect(() => parseDataset('{"metrics": [', FILE)).toThrow(/data\/metrics\.json: document: field "\(json\)"/);
  });
});

describe('quoteStatesValue', () => {
  it('finds a standalone number only', () => {
    expect(quoteStatesValue('增长6.5%以上', 6.5)).toBe(true);
    expect(quoteStatesValue('增长6.5%以上', 6)).toBe(false);
    expect(quoteStatesValue('增长6.5%以上', 5)).toBe(false);
    expect(quoteStatesValue('城镇新增就业7102人', 710)).toBe(false);
    expect(quoteStatesValue('下降3.3%', -3.3)).toBe(true);
    expect(quoteStatesValue('增长3.3%', -3.3)).toBe(false);
  });
});

describe('glossary of official English terms', () => {
  it('every glossary term in a Chinese label has its English term in the English label', () => {
    const doc = fresh();
    for (const item of [...doc.metrics, ...doc.projects]) expect(missingGlossaryTerms(item.label), item.id).toEqual([]);
  });
  it('the terms the fact-check named are in the glossary', () => {
    const en = (zh: string) => GLOSSARY.find((t) => t.zh.includes(zh))?.en;
    expect(en('规模以上')).toBe('above designated size');
    expect(en('经营主体')).toBe('business entities');
    expect(en('百分点')).toBe('percentage points');
    expect(en('生猪出栏')).toBe('hogs marketed');
    expect(en('专精特新')).toBeTruthy();
    expect(en('两品一标')).toBeTruthy();
    expect(en('人均可支配收入')).toBe('per capita disposable income');
  });
  it('a label that drops a glossary term is refused naming file, record and field', () => {
    const doc = fresh();
    byId(doc, 'industrial-value-added-growth').label.en = 'Industrial value added growth';
    expect(messages(doc)).toContainEqual(
      expect.stringMatching(
        /^data\/metrics\.json: metric "industrial-value-added-growth": field "label\.en": the Chinese label uses 规模以上\/规上\/限上; the English label must say "above designated size"/,
      ),
    );
    const project = doc.projects[0];
    project.label = { zh: '新增各类经营主体', en: 'New firms' };
    expect(messages(doc)).toContainEqual(
      expect.stringMatching(new RegExp(`project "${project.id}": field "label\\.en": .*"business entities"`)),
    );
  });
});
