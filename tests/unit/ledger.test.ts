import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { checkLedger, coverage, scanTokens, type LedgerExclusions } from '../../src/data/ledger';
import { chineseNumeralValue, writtenStatesValue } from '../../src/data/numbers';
import { formatProblem, DatasetError } from '../../src/data/validate';
import { loadCheckedLedger } from '../../src/data/load-node';
import type { RawDataset } from '../../src/data/types';

const FILES = {
  dataset: 'data/metrics.json',
  report: 'data/sources/gaoping-2025-work-report.txt',
  exclusions: 'data/ledger-exclusions.json',
};
const report = readFileSync(FILES.report, 'utf8');
const datasetText = readFileSync(FILES.dataset, 'utf8');
const exclusionsText = readFileSync(FILES.exclusions, 'utf8');
const fresh = (): RawDataset => JSON.parse(datasetText);
const freshExclusions = (): LedgerExclusions => JSON.parse(exclusionsText);
const run = (doc = fresh(), exclusions = freshExclusions(), text = report) => checkLedger(doc, text, exclusions, FILES);
const messages = (doc = fresh(), exclusions = freshExclusions(), text = report) =>
  run(doc, exclusions, text).problems.map(formatProblem);
const rec = (doc: RawDataset, id: string) => doc.records.find((r) => r.id === id)!;

describe('scanning the report for numbers', () => {
  it('finds digits and Chinese numerals, not the 万/亿 of a number in digits', () => {
    const texts = (s: string) => scanTokens(s).map((t) => t.text);
    expect(texts('新建标准化厂房10.38万平方米')).toEqual(['10.38']);
    expect(texts('节省费用300余万元')).toEqual(['300']);
    expect(texts('首次突破千亿大关')).toEqual(['千亿']);
    expect(texts('我区连续五年获评')).toEqual(['五']);
    expect(texts('“2025四川丝绸博览会”')).toEqual(['2025', '四']);
    expect(texts('PM2.5年均浓度34微克')).toEqual(['2.5', '34']);
  });
  it('gives line and column for each token', () => {
    const [token] = scanTokens('一行\n增长6.1%');
    expect(token).toMatchObject({ text: '一', line: 1, column: 1 });
    expect(scanTokens('一行\n增长6.1%')[1]).toMatchObject({ text: '6.1', line: 2, column: 3 });
  });
  it('reads Chinese numerals', () => {
    expect(chineseNumeralValue('五')).toBe(5);
    expect(chineseNumeralValue('十四')).toBe(14);
    expect(chineseNumeralValue('二十')).toBe(20);
    expect(chineseNumeralValue('千亿')).toBe(1e11);
    expect(chineseNumeralValue('两')).toBe(2);
    expect(chineseNumeralValue('零')).toBe(0);
    expect(Number.isNaN(chineseNumeralValue('五五五'))).toBe(true);
    expect(writtenStatesValue('千亿', 1000, '亿元')).toBe(true);
    expect(writtenStatesValue('千亿', 100, '亿元')).toBe(false);
  });
});

describe('the committed ledger', () => {
  const ledger = run();
  const cover = coverage(fresh(), ledger);
  it('accounts for every numeric token of the report', () => {
    expect(ledger.problems.map(formatProblem)).toEqual([]);
    expect(cover.accounted).toBe(cover.tokens);
  });
  it("holds at least 95% of the report's quantities as records", () => {
    expect(cover.quantityShare).toBeGreaterThanOrEqual(0.95);
  });
  it('pins every record to one place in the report', () => {
    for (const record of fresh().records) {
      const count = report.split(record.quote).length - 1;
      if (record.occurrence === undefined) expect(count, record.id).toBe(1);
      else expect(count, record.id).toBeGreaterThanOrEqual(record.occurrence);
    }
  });
  it('records every kind the issue asks for', () => {
    expect(Object.keys(cover.recordsByKind).sort()).toEqual(['count', 'ranking', 'result', 'target']);
  });
  it('the vendored report is the text the quotes were checked against', () => {
    expect(fresh().source.file).toBe('gaoping-2025-work-report.txt');
    expect(report.startsWith('2025年')).toBe(true);
  });
});

describe('a broken ledger is refused naming file, record and field', () => {
  it('a quote that is not verbatim', () => {
    const doc = fresh();
    rec(doc, 'gdp-growth-2024').quote = '全年地区生产总值增长6.1％';
    expect(messages(doc)).toContainEqual(
      expect.stringMatching(
        /^data\/metrics\.json: record "gdp-growth-2024": field "quote": not found verbatim in data\/sources\/gaoping-2025-work-report\.txt/,
      ),
    );
  });
  it('a quote that occurs twice without an occurrence index', () => {
    const doc = fresh();
    delete rec(doc, 'forest-cover-2024').occurrence;
    expect(messages(doc)).toContainEqual(
      expect.stringMatching(/record "forest-cover-2024": field "occurrence": the quote occurs 2 times/),
    );
  });
  it('an occurrence index past the last occurrence', () => {
    const doc = fresh();
    rec(doc, 'forest-cover-2024').occurrence = 3;
    expect(messages(doc)).toContainEqual(
      expect.stringMatching(/record "forest-cover-2024": field "occurrence": the quote occurs only 2 times/),
    );
  });
  it('a value that is not a whole number of the report', () => {
    const doc = fresh();
    const r = rec(doc, 'gdp-growth-2024');
    r.quote = '全年地区生产总值增长6.1%、高于全市1个百分点';
    r.value = 1;
    expect(messages(doc)).toEqual([expect.stringMatching(/"6\.1" at line 7, column \d+ is accounted for nowhere/)]);
    r.value = 2;
    expect(messages(doc)).toContainEqual(
      expect.stringMatching(/record "gdp-growth-2024": field "value": the quote does not state the value 2/),
    );
  });
  it('a numeric token accounted for nowhere, named with its position', () => {
    const doc = fresh();
    doc.records = doc.records.filter((r) => r.id !== 'public-toilets-2024');
    expect(messages(doc)).toContainEqual(
      expect.stringMatching(
        /^data\/sources\/gaoping-2025-work-report\.txt: token \d+: field "numeric token": "16" at line 13, column \d+ is accounted for nowhere/,
      ),
    );
  });
  it('a token of a changed report', () => {
    const changed = report.replace('新增停车位9183个', '新增停车位9183个、充电桩120个');
    expect(messages(fresh(), freshExclusions(), changed)).toContainEqual(
      expect.stringMatching(/"120" at line 13, column \d+ is accounted for nowhere/),
    );
  });
  it('an exclusion of a token that is a record', () => {
    const exclusions = freshExclusions();
    exclusions.exclusions.push({ quote: '新增停车位9183个', token: '9183', reason: 'name' });
    expect(messages(fresh(), exclusions)).toContainEqual(
      expect.stringMatching(
        /^data\/ledger-exclusions\.json: exclusions\[\d+\]: field "quote": token "9183" at line 13, column \d+ is already a record \(new-parking-spaces-2024\)/,
      ),
    );
  });
  it('an exclusion with a reason outside the vocabulary', () => {
    const exclusions = freshExclusions();
    exclusions.exclusions[3] = { ...exclusions.exclusions[3]!, reason: 'boring' as never };
    expect(messages(fresh(), exclusions)).toContainEqual(
      expect.stringMatching(/exclusions\[3\]: field "reason": "boring" is not one of date, session-number/),
    );
  });
  it('a pattern exclusion that matches a different number of tokens', () => {
    const exclusions = freshExclusions();
    exclusions.exclusions[0] = { ...exclusions.exclusions[0]!, count: 36 } as never;
    expect(messages(fresh(), exclusions)).toContainEqual(
      expect.stringMatching(/exclusions\[0\]: field "count": pattern accounts for 37 tokens, not 36/),
    );
  });
  it('the build loader stops on an unaccounted token', () => {
    mkdirSync('test-artifacts', { recursive: true });
    const exclusions = freshExclusions();
    exclusions.exclusions = exclusions.exclusions.filter((e) => !('quote' in e && e.quote === 'G318'));
    writeFileSync('test-artifacts/ledger-exclusions-broken.json', JSON.stringify(exclusions));
    expect(() => loadCheckedLedger(undefined, { exclusions: 'test-artifacts/ledger-exclusions-broken.json' })).toThrow(
      DatasetError,
    );
    expect(() => loadCheckedLedger(undefined, { exclusions: 'test-artifacts/ledger-exclusions-broken.json' })).toThrow(
      /"318" at line 13, column \d+ is accounted for nowhere/,
    );
  });
});
