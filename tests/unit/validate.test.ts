import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDataset, findProblems, formatProblem } from '../../src/data/validate';
import { quoteStatesValue } from '../../src/data/numbers';

const FILE = 'data/metrics.json';
const original = readFileSync(FILE, 'utf8');
const fresh = () => JSON.parse(original);
const byId = (doc: any, id: string) => doc.metrics.find((m: any) => m.id === id);
const messages = (doc: unknown) => findProblems(doc, FILE).map(formatProblem);

describe('the committed dataset', () => {
  it('validates', () => {
    expect(findProblems(fresh(), FILE)).toEqual([]);
  });
  it('has more than thirty 2024/2025 pairs, all with comparable decided', () => {
    const pairs = fresh().metrics.filter((m: any) => m.actual2024 && m.target2025);
    expect(pairs.length).toBeGreaterThan(30);
    for (const pair of pairs) expect(typeof pair.comparable).toBe('boolean');
  });
  it('records the ten places of the artefact token', () => {
    expect(fresh().source.notes).toHaveLength(10);
  });
});

describe('malformed datasets are refused with file, id and field', () => {
  const cases: Array<[string, (doc: any) => void, RegExp]> = [
    ['missing field', (d) => delete byId(d, 'gdp-growth').sector,
      /data\/metrics\.json: metric "gdp-growth": field "sector": must have required property 'sector'/],
    ['wrong type', (d) => (byId(d, 'gdp-growth').actual2024.value = '6.1'),
      /metric "gdp-growth": field "actual2024\.value": must be number/],
    ['duplicate id', (d) => (byId(d, 'agri-output-growth').id = 'gdp-growth'),
      /metric "gdp-growth": field "id": duplicate id \(also metrics\[0\]\)/],
    ['unit not allowed', (d) => (byId(d, 'culture-tourism-output').unit = '元'),
      /metric "culture-tourism-output": field "unit": must be equal to one of the allowed values/],
    ['quote without its value', (d) => (byId(d, 'foreign-direct-investment').actual2024.value = 1109.8),
      /metric "foreign-direct-investment": field "actual2024\.quote": quote does not contain the value 1109\.8/],
    ['fall recorded as a rise', (d) => (byId(d, 'budget-revenue-growth').actual2024.value = 3.3),
      /metric "budget-revenue-growth": field "actual2024\.quote": quote does not contain the value 3\.3/],
    ['rise recorded as a fall', (d) => (byId(d, 'gdp-growth').actual2024.value = -6.1),
      /metric "gdp-growth": field "actual2024\.quote": quote does not contain the value -6\.1 worded as a fall/],
    ['target with no qualifier', (d) => delete byId(d, 'gdp-growth').target2025.qualifier,
      /metric "gdp-growth": field "target2025\.qualifier": must have required property 'qualifier'/],
    ['target with an empty qualifier list', (d) => (byId(d, 'gdp-growth').target2025.qualifier = []),
      /metric "gdp-growth": field "target2025\.qualifier": must NOT have fewer than 1 items/],
    ['comparable false with no note', (d) => delete byId(d, 'rural-roads').note,
      /metric "rural-roads": field "note": a record with comparable: false needs a note/],
    ['comparable missing on a pair', (d) => (byId(d, 'gdp-growth').comparable = null),
      /metric "gdp-growth": field "comparable": must be true or false when both years are given/],
    ['quote through the artefact', (d) => (byId(d, 'gdp-growth').target2025.quote = '亚洲通实现地区生产总值增长6.5%以上'),
      /metric "gdp-growth": field "target2025\.quote": quote runs through the artefact 亚洲通/],
    ['artefact as a label', (d) => (byId(d, 'gdp-growth').label.zh = '亚洲通生产总值'),
      /metric "gdp-growth": field "label\.zh": label contains the artefact/],
    ['quote too long to be a citation', (d) => (byId(d, 'gdp-growth').actual2024.quote = '全年地区生产总值增长6.1%' + '。'.repeat(60)),
      /metric "gdp-growth": field "actual2024\.quote": must NOT have more than 60 characters/],
    ['id not kebab-case', (d) => (byId(d, 'gdp-growth').id = 'GDP growth'),
      /metric "GDP growth": field "id": must match pattern/],
    ['unknown qualifier', (d) => (byId(d, 'gdp-growth').target2025.qualifier = ['大约']),
      /metric "gdp-growth": field "target2025\.qualifier\.0": must be equal to one of the allowed values/],
    ['missing id', (d) => delete d.metrics[2].id,
      /metrics\[2\]: field "id": must have required property 'id'/],
  ];
  for (const [name, breakIt, expected] of cases) {
    it(name, () => {
      const doc = fresh();
      breakIt(doc);
      const found = messages(doc);
      expect(found.some((m) => expected.test(m)), found.join('\n')).toBe(true);
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
