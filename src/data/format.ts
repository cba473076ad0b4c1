import type { Lang, Metric, Qualifier, Actual2024, Target2025 } from './types';
import { decimalsOf } from './numbers';

const MINUS = '−';

/**
 * Digits as a Chinese newsroom writes them (GB/T 15835): no separator up to four digits,
 * a 千分撇 every three digits from five digits on; a true minus sign.
 */
export function formatDigits(value: number, lang: Lang, decimals = decimalsOf(value)): string {
  return (value < 0 ? MINUS : '') + DIGITS[lang](decimals).format(Math.abs(value));
}

// 'min2' is GB/T 15835's rule (group only from five digits); English groups from four.
const GROUPING: Record<Lang, Intl.NumberFormatOptions['useGrouping']> = { zh: 'min2', en: 'always' };
const formatters = new Map<string, Intl.NumberFormat>();
const DIGITS: Record<Lang, (decimals: number) => Intl.NumberFormat> = {
  zh: (decimals) => numberFormat('zh', decimals),
  en: (decimals) => numberFormat('en', decimals),
};
function numberFormat(lang: Lang, decimals: number): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { useGrouping: GROUPING[lang], minimumFractionDigits: decimals, maximumFractionDigits: decimals });
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
}

const ENGLISH_UNITS: Record<string, EnglishUnit> = {
  '亿元': { power: 8, noun: 'yuan' },
  '万美元': { power: 4, noun: '', prefix: 'US$' },
  '万吨': { power: 4, noun: 'tonnes' },
  '万亩': { power: 4, noun: 'mu' },
  '万头': { power: 4, noun: 'hogs' },
  '万平方米': { power: 4, noun: 'm²' },
  '万人': { power: 4, noun: 'people' },
  '万台': { power: 4, noun: 'appliances' },
  '平方公里': { power: 0, noun: 'km²' },
  '公里': { power: 0, noun: 'km' },
  '人': { power: 0, noun: 'people' },
  '户': { power: 0, noun: 'firms or households' },
  '个': { power: 0, noun: '' },
  '家': { power: 0, noun: 'firms' },
  '件': { power: 0, noun: 'patents' },
  '辆': { power: 0, noun: 'cars' },
  '台': { power: 0, noun: 'lifts' },
  '部': { power: 0, noun: 'lifts' },
  '套': { power: 0, noun: 'homes' },
  '微克/立方米': { power: 0, noun: 'µg/m³' },
};

/** Words an English reader expects for a count unit, chosen per metric where the unit is ambiguous. */
const ENGLISH_COUNT_NOUNS: Record<string, string> = {
  '户:firm': 'firms', '户:household': 'households', '个:project': 'projects',
};

function englishMagnitude(value: number, unit: EnglishUnit): string {
  const absolute = shiftDecimal(Math.abs(value), unit.power);
  const sign = value < 0 ? MINUS : '';
  const scaled = (divisor: number, word: string) => {
    const shown = shiftDecimal(absolute, -divisor);
    return `${sign}${unit.prefix ?? ''}${formatDigits(shown, 'en')} ${word}`;
  };
  if (absolute >= 1e9) return scaled(9, 'billion');
  if (absolute >= 1e6) return scaled(6, 'million');
  return `${sign}${unit.prefix ?? ''}${formatDigits(absolute, 'en')}`;
}

/** A bare value with its unit, e.g. 312.5亿元 / 31.25 billion yuan, 6.1% / 6.1%. */
export function formatValue(value: number, unit: string, lang: Lang, countNoun?: string): string {
  if (unit === '%') return `${formatDigits(value, lang)}%`;
  if (unit === '百分点') return lang === 'zh' ? `${formatDigits(value, lang)}个百分点` : `${formatDigits(value, lang)} percentage point${Math.abs(value) === 1 ? '' : 's'}`;
  if (lang === 'zh') return `${formatDigits(value, lang)}${unit}`;
  const english = ENGLISH_UNITS[unit] ?? { power: 0, noun: unit };
  const noun = countNoun ?? english.noun;
  const magnitude = englishMagnitude(value, english);
  return noun ? `${magnitude} ${noun}` : magnitude;
}

const EN_QUALIFIER_BEFORE: Partial<Record<Qualifier, string>> = { '左右': 'about', '突破': 'over', '超过': 'over' };
const EN_QUALIFIER_AFTER: Partial<Record<Qualifier, string>> = { '以上': 'or more' };
const ZH_QUALIFIER_BEFORE: Qualifier[] = ['突破', '超过'];
const ZH_QUALIFIER_AFTER: Qualifier[] = ['以上', '左右'];

/** A figure with the hedges that change its meaning (以上, 左右, 突破…); 力争/确保 are verbs, kept in prose. */
export function formatFigure(figure: Actual2024 | Target2025, metric: Metric, lang: Lang): string {
  const qualifiers = figure.qualifier ?? [];
  const value = formatValue(figure.value, figure.unit ?? metric.unit, lang, countNounFor(metric));
  if (lang === 'zh') {
    const before = qualifiers.filter((q) => ZH_QUALIFIER_BEFORE.includes(q)).join('');
    const after = qualifiers.filter((q) => ZH_QUALIFIER_AFTER.includes(q)).join('');
    return `${before}${value}${after}`;
  }
  const before = qualifiers.map((q) => EN_QUALIFIER_BEFORE[q]).filter(Boolean).join(' ');
  const after = qualifiers.map((q) => EN_QUALIFIER_AFTER[q]).filter(Boolean).join(' ');
  return [before, value, after].filter(Boolean).join(' ');
}

function countNounFor(metric: Metric): string | undefined {
  if (metric.unit === '户') return ENGLISH_COUNT_NOUNS[/renovat|hous/i.test(metric.label.en) ? '户:household' : '户:firm'];
  if (metric.unit === '个') return /project/i.test(metric.label.en) ? ENGLISH_COUNT_NOUNS['个:project'] : '';
  return undefined;
}

/** "增长6.1%" / "下降3.3%" for growth rates, which the report words by direction. */
export function formatGrowth(value: number, lang: Lang): string {
  const magnitude = formatDigits(Math.abs(value), lang);
  if (lang === 'zh') return `${value < 0 ? '下降' : '增长'}${magnitude}%`;
  return `${value < 0 ? 'fell' : 'grew'} ${magnitude}%`;
}

export function formatSignedChange(value: number, unit: '百分点' | '%', lang: Lang, decimals: number): string {
  const sign = value > 0 ? '+' : '';
  const digits = sign + formatDigits(value, lang, decimals);
  if (unit === '%') return `${digits}%`;
  return lang === 'zh' ? `${digits}个百分点` : `${digits} pp`;
}
