import { describe, expect, it } from 'vitest';
import {
  formatDigits,
  formatValue,
  shiftDecimal,
  formatGrowth,
  formatSignedChange,
  formatFigure,
  formatChangeMagnitude,
} from '../../src/data/format';
import type { Figure, Metric } from '../../src/data/types';

describe('Chinese number formatting', () => {
  it('keeps 万/亿 with explicit digits', () => {
    expect(formatValue(312.5, '亿元', 'zh')).toBe('312.5亿元');
    expect(formatValue(1109.9, '万美元', 'zh')).toBe('1109.9万美元');
    expect(formatValue(21.3, '万吨', 'zh')).toBe('21.3万吨');
  });
  it('groups digits as GB/T 15835: none up to four digits, every three from five on', () => {
    expect(formatDigits(7102, 'zh')).toBe('7102');
    expect(formatDigits(14209, 'zh')).toBe('14,209');
    expect(formatDigits(7102, 'en')).toBe('7,102');
  });
  it('uses a true minus sign and 百分点 for changes in rates', () => {
    expect(formatDigits(-3.3, 'zh')).toBe('−3.3');
    expect(formatSignedChange(8.3, '百分点', 'zh', 1)).toBe('+8.3个百分点');
    expect(formatSignedChange(-2.4, '百分点', 'en', 1)).toBe('−2.4 pp');
    expect(formatSignedChange(-45.9, '%', 'zh', 1)).toBe('−45.9%');
  });
  it('words growth the way the report does', () => {
    expect(formatGrowth(-3.3, 'zh')).toBe('下降3.3%');
    expect(formatGrowth(6.1, 'zh')).toBe('增长6.1%');
    expect(formatGrowth(-3.3, 'en')).toBe('fell 3.3%');
  });
});

describe('English conversion of Chinese units is exact', () => {
  it('shifts decimals without floating-point noise', () => {
    expect(shiftDecimal(312.5, 8)).toBe(31250000000);
    expect(shiftDecimal(1.58, 8)).toBe(158000000);
    expect(shiftDecimal(10.38, 4)).toBe(103800);
  });
  it('reads 亿元 and 万美元 as billions and millions', () => {
    expect(formatValue(312.5, '亿元', 'en')).toBe('31.25 billion yuan');
    expect(formatValue(1.58, '亿元', 'en')).toBe('158 million yuan');
    // Rounded as a newsroom would past two decimals; exact where two suffice.
    expect(formatValue(1109.9, '万美元', 'en')).toBe('US$11.1 million');
    expect(formatValue(312.5, '亿元', 'en')).toBe('31.25 billion yuan');
    expect(formatValue(21.3, '万吨', 'en')).toBe('213,000 tonnes');
  });
});

describe('bounds and commitments', () => {
  const metric = { unit: '%', label: { zh: '地区生产总值增长', en: 'GDP growth' } } as Metric;
  const figure = (
    value: number,
    unit: string,
    bound: Figure['bound'],
    commitment: Figure['commitment'] = [],
  ): Figure => ({
    id: 'x',
    quote: '',
    value,
    unit,
    year: '2025',
    kind: 'target',
    sector: 'headline',
    bound,
    commitment,
    measure: { zh: '', en: '' },
  });
  it('shows the bound with the value, never the commitment word', () => {
    expect(formatFigure(figure(6.5, '%', '以上'), metric, 'zh')).toBe('6.5%以上');
    expect(formatFigure(figure(5.5, '%', '左右', ['控制在']), metric, 'zh')).toBe('5.5%左右');
    expect(formatFigure(figure(10, '%', '以上', ['力争']), metric, 'en')).toBe('10% or more');
    expect(formatFigure(figure(120, '亿元', '突破', ['力争']), { ...metric, unit: '亿元' }, 'zh')).toBe('突破120亿元');
    expect(formatFigure(figure(1000, '亿元', '稳超'), { ...metric, unit: '亿元' }, 'en')).toBe(
      'steadily over 100 billion yuan',
    );
    expect(formatFigure(figure(300, '万元', '余'), { ...metric, unit: '万元' }, 'zh')).toBe('300余万元');
  });
  it('words a change by its verb, with no sign and one decimal per unit kind', () => {
    expect(formatChangeMagnitude(-0.1, '百分点', 'en')).toBe('0.1 pp');
    expect(formatChangeMagnitude(-0.1, '百分点', 'zh')).toBe('0.1个百分点');
    expect(formatChangeMagnitude(8.3, '%', 'zh')).toBe('8.3%');
    expect(formatSignedChange(0, '百分点', 'zh')).toBe('0.0个百分点');
  });
});
