import type { Bound, Figure, Lang, Metric } from './types';
import { decimalsOf } from './numbers';

const MINUS = '−';

/**
 * Digits as a Chinese newsroom writes them (GB/T 15835): no separator up to four digits,
 * a 千分撇 every three digits from five digits on; a true minus sign.
 */
export function formatDigits(value: number, lang: Lang, decimals = decimalsOf(value)): string {
  return (value < 0 ? MINUS : '') + numberFormat(lang, decimals).format(Math.abs(value));
}

// 'min2' is GB/T 15835's rule (group only from five digits); English groups from four.
const GROUPING: Record<Lang, Intl.NumberFormatOptions['useGrouping']> = { zh: 'min2', en: 'always' };
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, decimals: number): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      useGrouping: GROUPING[lang],
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(key, format);
  }
  return format;
}

/** Shift a decimal number by a power of ten on its digits, so 312.5亿 → 31.25 billion is exact. */
export function shiftDecimal(value: number, power: number): number {
  const [mantissa, exponent = '0'] = value.toExponential().split('e');
  return Number(`${mantissa}e${Number(exponent) + power}`);
}

interface EnglishUnit {
  /** Power of ten that the Chinese unit carries (万 = 4, 亿 = 8). */
  power: number;
  noun: string;
  prefix?: string;
  /** How the number is written when it is not "<number> <noun>" (a rank, a tier). */
  written?: (digits: string) => string;
}

const ENGLISH_UNITS: Record<string, EnglishUnit> = {
  亿元: { power: 8, noun: 'yuan' },
  万美元: { power: 4, noun: '', prefix: 'US$' },
  万吨: { power: 4, noun: 'tonnes' },
  亿斤: { power: 8, noun: 'jin' },
  万亿斤: { power: 12, noun: 'jin' },
  万亩: { power: 4, noun: 'mu' },
  万头: { power: 4, noun: 'hogs' },
  万平方米: { power: 4, noun: 'm²' },
  万人: { power: 4, noun: 'people' },
  万台: { power: 4, noun: 'appliances' },
  万人次: { power: 4, noun: 'person-times' },
  万元: { power: 4, noun: 'yuan' },
  万户: { power: 4, noun: 'enterprises or households' },
  亩: { power: 0, noun: 'mu' },
  年: { power: 0, noun: 'years' },
  天: { power: 0, noun: 'days' },
  次: { power: 0, noun: 'times' },
  '场(次)': { power: 0, noun: 'events' },
  轮: { power: 0, noun: 'rounds' },
  起: { power: 0, noun: 'incidents' },
  类: { power: 0, noun: 'kinds' },
  条: { power: 0, noun: '' },
  座: { power: 0, noun: '' },
  处: { power: 0, noun: '' },
  项: { power: 0, noun: '' },
  位: { power: 0, noun: '', written: (digits) => `No. ${digits}` },
  方阵: { power: 0, noun: '', written: (digits) => `tier ${digits}` },
  星级: { power: 0, noun: 'stars' },
  平方公里: { power: 0, noun: 'km²' },
  公里: { power: 0, noun: 'km' },
  人: { power: 0, noun: 'people' },
  户: { power: 0, noun: 'enterprises or households' },
  个: { power: 0, noun: '' },
  家: { power: 0, noun: 'enterprises' },
  件: { power: 0, noun: 'patents' },
  辆: { power: 0, noun: 'cars' },
  台: { power: 0, noun: 'lifts' },
  部: { power: 0, noun: 'lifts' },
  套: { power: 0, noun: 'homes' },
  '微克/立方米': { power: 0, noun: 'µg/m³' },
};

/** The power of ten a unit carries (万 = 4, 亿 = 8, 万亿 = 12; 0 for none); undefined for an unknown unit. */
export function unitPower(unit: string): number | undefined {
  return ENGLISH_UNITS[unit]?.power;
}

/** Words an English reader expects for a count unit, chosen per metric where the unit is ambiguous. */
const ENGLISH_COUNT_NOUNS: Record<string, string> = {
  '户:enterprise': 'enterprises',
  '户:household': 'households',
  '户:entity': 'business entities',
  '个:project': 'projects',
};

function englishMagnitude(value: number, unit: EnglishUnit, exact = false): string {
  const absolute = shiftDecimal(Math.abs(value), unit.power);
  const sign = value < 0 ? MINUS : '';
  const scaled = (divisor: number, word: string) => {
    const shown = shiftDecimal(absolute, -divisor);
    // As a newsroom writes millions and billions: exact up to two decimals (31.25 billion), else
    // one (1109.9万美元 is US$11.099 million, written US$11.1 million); a quote's gloss, exactly.
    const decimals = exact || decimalsOf(shown) <= 2 ? decimalsOf(shown) : 1;
    return `${sign}${unit.prefix ?? ''}${formatDigits(shown, 'en', decimals)} ${word}`;
  };
  if (absolute >= 1e12) return scaled(12, 'trillion');
  if (absolute >= 1e9) return scaled(9, 'billion');
  if (absolute >= 1e6) return scaled(6, 'million');
  return `${sign}${unit.prefix ?? ''}${formatDigits(absolute, 'en')}`;
}

/** A bare value with its unit, e.g. 312.5亿元 / 31.25 billion yuan, 6.1% / 6.1%; `exact` keeps every decimal. */
export function formatValue(value: number, unit: string, lang: Lang, countNoun?: string, exact = false): string {
  if (unit === '%') return `${formatDigits(value, lang)}%`;
  if (unit === '百分点')
    return lang === 'zh'
      ? `${formatDigits(value, lang)}个百分点`
      : `${formatDigits(value, lang)} percentage point${Math.abs(value) === 1 ? '' : 's'}`;
  if (lang === 'zh') return `${formatDigits(value, lang)}${unit}`;
  const english = ENGLISH_UNITS[unit];
  // Every unit of the ledger has an English form: a Chinese unit on an English page is a build error.
  if (!english) throw new Error(`no English form for the unit "${unit}" (src/data/format.ts ENGLISH_UNITS)`);
  if (english.written) return english.written(formatDigits(value, 'en'));
  const noun = countNoun ?? english.noun;
  const magnitude = englishMagnitude(value, english, exact);
  return noun ? `${magnitude} ${noun}` : magnitude;
}

/** Where a record's English gloss (`quoteEn`) puts its figure. */
export const GLOSS_VALUE = '{value}';

/**
 * A record's quote in a page's language: the report's words in Chinese; in English its gloss
 * (`quoteEn`) with the record's own value, exactly, where `{value}` stands, or null when it has none.
 */
export function quoteIn(record: Figure, lang: Lang, metric?: Metric): string | null {
  if (lang === 'zh') return record.quote;
  if (record.quoteEn === undefined) return null;
  // The metric, when known, names what a count of 户 counts (enterprises, households).
  const noun = metric ? countNounFor(metric) : undefined;
  return record.quoteEn.replace(GLOSS_VALUE, () => formatValue(record.value, record.unit, 'en', noun, true));
}

/** The English words before a figure for each bound the report uses (the context figures reuse them). */
export const EN_BOUND_BEFORE: Partial<Record<Bound, string>> = {
  左右: 'about',
  突破: 'over',
  超过: 'over',
  超: 'over',
  稳超: 'steadily over',
  余: 'over',
  以内: 'up to',
};
/** The English words after a figure, and the Chinese bound words before and after one (the image line breaker keeps each with its figure). */
export const EN_BOUND_AFTER: Partial<Record<Bound, string>> = { 以上: 'or more' };
export const ZH_BOUND_BEFORE: Bound[] = ['突破', '超过', '超', '稳超'];
export const ZH_BOUND_AFTER: Bound[] = ['以上', '左右', '以内'];

/** A figure with the bound that changes its meaning (以上, 左右, 突破…); 力争/确保 are verbs, kept in prose. */
export function formatFigure(figure: Figure, metric: Metric, lang: Lang): string {
  const bound = figure.bound;
  if (lang === 'zh') {
    const value =
      bound === '余'
        ? `${formatDigits(figure.value, 'zh')}余${figure.unit}`
        : formatValue(figure.value, figure.unit, lang);
    return `${ZH_BOUND_BEFORE.includes(bound) ? bound : ''}${value}${ZH_BOUND_AFTER.includes(bound) ? bound : ''}`;
  }
  const value = formatValue(figure.value, figure.unit, lang, countNounFor(metric));
  return [EN_BOUND_BEFORE[bound], value, EN_BOUND_AFTER[bound]].filter(Boolean).join(' ');
}

function countNounFor(metric: Metric): string | undefined {
  if (metric.unit === '户') {
    const en = metric.label.en;
    return ENGLISH_COUNT_NOUNS[
      /business entit/i.test(en) ? '户:entity' : /household|renovat|hous/i.test(en) ? '户:household' : '户:enterprise'
    ];
  }
  if (metric.unit === '个') return /project/i.test(metric.label.en) ? ENGLISH_COUNT_NOUNS['个:project'] : '';
  return undefined;
}

/** "增长6.1%" / "下降3.3%" for growth rates, which the report words by direction. */
export function formatGrowth(value: number, lang: Lang): string {
  const magnitude = formatDigits(Math.abs(value), lang);
  if (lang === 'zh') return `${value < 0 ? '下降' : '增长'}${magnitude}%`;
  return `${value < 0 ? 'fell' : 'grew'} ${magnitude}%`;
}

/** Decimals shown for a change: one per unit kind, so every list reads alike (+2.0, −0.4). */
export const CHANGE_DECIMALS = 1;

export function formatSignedChange(
  value: number,
  unit: '百分点' | '%',
  lang: Lang,
  decimals = CHANGE_DECIMALS,
  style: 'short' | 'prose' = 'short',
): string {
  const sign = value > 0 ? '+' : '';
  const digits = sign + formatDigits(value, lang, decimals);
  if (unit === '%') return `${digits}%`;
  if (lang === 'zh') return `${digits}个百分点`;
  // Charts say "pp" (their subtitles explain it); sentences say the words.
  return style === 'prose' ? `${digits} percentage point${Math.abs(value) === 1 ? '' : 's'}` : `${digits} pp`;
}

/** A change's size without a sign, for sentences whose verb gives the direction (调低0.1个百分点, lowered by 0.1 pp). */
export function formatChangeMagnitude(
  value: number,
  unit: '百分点' | '%',
  lang: Lang,
  decimals = CHANGE_DECIMALS,
): string {
  return formatSignedChange(Math.abs(value), unit, lang, decimals).replace(/^\+/, '');
}
