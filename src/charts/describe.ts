import type { Lang, Metric } from '../data/types';
import type { ChartText } from '../content/types';
import { formatFigure, formatGrowth, formatSignedChange } from '../data/format';
import type { TargetChange } from '../data/derive';
import type { ChartTable } from './types';
import { fillTemplate } from '../content/template';

const GROWTH_SUFFIX_ZH = '增长';

/** A growth rate worded by direction: "一般公共预算收入下降3.3%", "GDP growth fell 3.3%". */
export function growthPhrase(metric: Metric, value: number, lang: Lang): string {
  if (lang === 'zh') return metric.label.zh.replace(new RegExp(`${GROWTH_SUFFIX_ZH}$`), '') + formatGrowth(value, 'zh');
  return `${metric.label.en} ${formatGrowth(value, 'en')}`;
}

/** "地区生产总值增长6.1%" or "一般公共预算收入下降3.3%": how the report itself words a 2024 result. */
export function actualPhrase(metric: Metric, lang: Lang): string {
  const actual = metric.actual2024;
  if (!actual) return '';
  if (lang === 'zh') {
    if (metric.unit === '%' && metric.label.zh.endsWith(GROWTH_SUFFIX_ZH)) return growthPhrase(metric, actual.value, 'zh');
    return metric.label.zh + formatFigure(actual, metric, 'zh');
  }
  return `${metric.label.en}: ${formatFigure(actual, metric, 'en')}`;
}

export function describePair(metric: Metric, lang: Lang, text: ChartText): string {
  const target = metric.target2025 ? formatFigure(metric.target2025, metric, lang) : '';
  const template = metric.comparable === false ? text.notComparableSentence : text.pairSentence;
  return fillTemplate(template, { actual: actualPhrase(metric, lang), target, label: metric.label[lang] });
}

export function describeChange(change: TargetChange, lang: Lang, text: ChartText): string {
  return fillTemplate(text.changeSentence, {
    pair: describePair(change.metric, lang, text),
    change: formatSignedChange(change.change, change.measure, lang, change.decimals),
    shift: text[change.shift],
  });
}

export function joinSentences(sentences: string[], text: ChartText): string {
  return sentences.join(text.listSeparator) + text.sentenceEnd;
}

export function pairTable(metrics: Metric[], lang: Lang, text: ChartText): ChartTable {
  return {
    columns: [text.columnMetric, text.columnActual, text.columnTarget, text.columnNote],
    rows: metrics.map((metric) => [
      metric.label[lang],
      metric.actual2024 ? formatFigure(metric.actual2024, metric, lang) : '—',
      metric.target2025 ? formatFigure(metric.target2025, metric, lang) : '—',
      metric.comparable === false ? `${text.notComparable}: ${metric.note?.[lang] ?? ''}` : metric.note?.[lang] ?? '',
    ]),
  };
}
