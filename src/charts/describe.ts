import type { Comparability, Lang, Metric } from '../data/types';
import type { ChartText } from '../content/types';
import { formatChangeMagnitude, formatFigure, formatGrowth, formatSignedChange } from '../data/format';
import { comparabilityState, targetChange, type TargetChange } from '../data/derive';
import { isComparablePair } from '../data/types';
import type { ChartTable } from './types';
import { fillTemplate } from '../content/template';

const GROWTH_SUFFIX_ZH = '增长';

/** A growth rate worded by direction: "一般公共预算收入下降3.3%", "GDP growth fell 3.3%". */
export function growthPhrase(metric: Metric, value: number, lang: Lang): string {
  if (lang === 'zh') return metric.label.zh.replace(new RegExp(`${GROWTH_SUFFIX_ZH}$`), '') + formatGrowth(value, 'zh');
  return `${metric.label.en} ${formatGrowth(value, 'en')}`;
}

/** "地区生产总值增长6.1%" or "一般公共预算收入下降3.3%": how the report itself words a 2024 result. */
function actualPhrase(metric: Metric, lang: Lang): string {
  const actual = metric.actual2024;
  if (!actual) return '';
  if (lang === 'zh') {
    if (metric.unit === '%' && metric.label.zh.endsWith(GROWTH_SUFFIX_ZH))
      return growthPhrase(metric, actual.value, 'zh');
    return metric.label.zh + formatFigure(actual, metric, 'zh');
  }
  return `${metric.label.en}: ${formatFigure(actual, metric, 'en')}`;
}

/**
 * One pair in words. A comparable pair is named by its label; a pair whose years measure different
 * things (or the same thing over a different scope) names each value by its own measure, so no
 * sentence puts one year's number under the other year's measure.
 */
export function describePair(metric: Metric, lang: Lang, text: ChartText): string {
  const target = metric.target2025 ? formatFigure(metric.target2025, metric, lang) : '';
  if (metric.comparability !== null && metric.comparability !== 'comparable') {
    const actual = metric.actual2024!;
    const template = UNLIKE_SENTENCE[metric.comparability](text);
    return fillTemplate(template, {
      actualMeasure: actual.measure[lang],
      actual: formatFigure(actual, metric, lang),
      targetMeasure: metric.target2025!.measure[lang],
      target,
      caveat: metric.note?.[lang] ?? '',
    });
  }
  return fillTemplate(text.pairSentence, { actual: actualPhrase(metric, lang), target, label: metric.label[lang] });
}

/** "…，调低0.1个百分点" / "…; lowered by 0.1 pp": the verb gives the direction, so the size carries no sign. */
export function describeChange(change: TargetChange, lang: Lang, text: ChartText): string {
  const pair = describePair(change.metric, lang, text);
  const sentence =
    change.shift === 'held'
      ? fillTemplate(text.heldSentence, { pair, shift: text.held })
      : fillTemplate(text.changeSentence, {
          pair,
          change: formatChangeMagnitude(change.change, change.measure, lang, change.decimals),
          shift: text[change.shift],
        });
  return change.floors ? sentence + text.floorsNote : sentence;
}

/** The sentence for each state of a pair that is not drawn on one scale. */
const UNLIKE_SENTENCE: Record<Exclude<Comparability, 'comparable'>, (text: ChartText) => string> = {
  'not-comparable': (text) => text.notComparableSentence,
  'different-scope': (text) => text.differentScopeSentence,
  'scope-unclear': (text) => text.scopeUnclearSentence,
};

/** The tag shown beside a pair that is not drawn: its state's name (not comparable, different scope, scope unclear). */
export function comparabilityTag(metric: Metric, text: ChartText): string {
  return text.comparabilityNames[comparabilityState(metric)];
}

export function joinSentences(sentences: string[], text: ChartText): string {
  return sentences.join(text.listSeparator) + text.sentenceEnd;
}

/**
 * The pairs as a table an editor can read without the chart: both figures, the change and its
 * direction, computed as the charts compute them. A pair that is not compared says why in the
 * direction column (its state's name) and has no change.
 */
export function pairTable(metrics: Metric[], lang: Lang, text: ChartText): ChartTable {
  return {
    columns: [
      text.columnMetric,
      text.columnActual,
      text.columnTarget,
      text.columnChange,
      text.columnShift,
      text.columnNote,
    ],
    rows: metrics.map((metric) => {
      const change = isComparablePair(metric) ? targetChange(metric) : undefined;
      return [
        metric.label[lang],
        metric.actual2024 ? formatFigure(metric.actual2024, metric, lang) : '—',
        metric.target2025 ? formatFigure(metric.target2025, metric, lang) : '—',
        change ? formatSignedChange(change.change, change.measure, lang, change.decimals) : '—',
        change ? text[change.shift] : comparabilityTag(metric, text),
        metric.note?.[lang] ?? '',
      ];
    }),
    rowKeys: metrics.map((metric) => [metric.id]),
  };
}
