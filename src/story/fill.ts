import type { Dataset, Lang, Metric } from '../data/types';
import { isComparablePair } from '../data/types';
import { comparablePairs, differentScopePairs, metricById, nonComparablePairs, targetChange, targetShareOfActual } from '../data/derive';
import { formatDigits, formatFigure, formatGrowth, formatSignedChange, formatValue } from '../data/format';
import { requireContext } from '../data/levels';
import { BAND_RATE_POINTS, BAND_SHARE } from '../data/scorecard';
import { growthPhrase } from '../charts/describe';

/**
 * Fills {metric-id.field} and {count.name} in copy from the dataset, so no number is typed twice.
 * An unknown placeholder is a build error, not a blank.
 */
export function fillCopy(template: string, dataset: Dataset, lang: Lang): string {
  return fillParts(template, dataset, lang).map((part) => part.text).join('');
}

const PLACEHOLDER = /\{([a-z0-9-]+)\.([a-zA-Z]+)\}/g;

function placeholderValue(subject: string, field: string, dataset: Dataset, lang: Lang): string {
  return subject === 'count' ? countField(dataset, field, lang)
    : subject === 'source' ? sourceField(dataset, field, lang)
      : subject === 'context' ? contextField(dataset, field, lang)
      : metricField(metricById(dataset, subject), field, lang);
}

/**
 * The same filling, kept in parts: copy text, and each filled value marked as a figure, so a page
 * can keep a number and its unit on one line (1109.9万美元 never breaks after the digits).
 */
export function fillParts(template: string, dataset: Dataset, lang: Lang): Array<{ text: string; figure: boolean }> {
  const parts: Array<{ text: string; figure: boolean }> = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index! > last) parts.push({ text: template.slice(last, match.index), figure: false });
    parts.push({ text: placeholderValue(match[1]!, match[2]!, dataset, lang), figure: match[2] !== 'label' });
    last = match.index! + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last), figure: false });
  return parts;
}

const REPORT_DATE: Record<Lang, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
};

/** {source.date}: 2025年2月19日 / 19 February 2025. */
function sourceField(dataset: Dataset, field: string, lang: Lang): string {
  if (field !== 'date') throw new Error(`unknown field "{source.${field}}" in copy`);
  return REPORT_DATE[lang].format(new Date(`${dataset.source.date}T00:00:00Z`));
}

/** {context.*}: figures about the context beside Gaoping's (issue 19), computed, never typed. */
function contextField(dataset: Dataset, field: string, lang: Lang): string {
  const context = requireContext(dataset);
  const nanchong = context.records.find((r) => r.place === 'nanchong' && r.derived);
  const lead = nanchong?.derived ? dataset.records.find((r) => r.id === nanchong.derived!.from[1]) : undefined;
  const values: Record<string, () => string> = {
    sources: () => formatDigits(context.sources.length - 1, lang),
    records: () => formatDigits(context.records.filter((r) => r.place !== 'gaoping').length, lang),
    nanchongGrowth: () => formatValue(need(nanchong?.value ?? null), '%', lang),
    cityLead: () => formatValue(need(lead?.value ?? null), need(lead?.unit ?? null), lang),
    bandPoints: () => formatValue(BAND_RATE_POINTS, '百分点', lang),
    bandShare: () => `${formatDigits(BAND_SHARE * 100, lang)}%`,
  };
  const value = values[field];
  if (!value) throw new Error(`unknown field "{context.${field}}" in copy`);
  return value();
}

function need<T>(value: T | null): T {
  if (value === null) throw new Error('copy asks for a context figure the data does not have');
  return value;
}

function countField(dataset: Dataset, field: string, lang: Lang): string {
  const changes = comparablePairs(dataset).map(targetChange);
  const counts: Record<string, number> = {
    pairs: dataset.metrics.filter((m) => m.actual2024 && m.target2025).length,
    comparable: changes.length,
    notComparable: nonComparablePairs(dataset).length,
    differentScope: differentScopePairs(dataset).length,
    floors: changes.filter((c) => c.floors).length,
    records: dataset.records.length,
    raised: changes.filter((c) => c.shift === 'raised').length,
    held: changes.filter((c) => c.shift === 'held').length,
    lowered: changes.filter((c) => c.shift === 'lowered').length,
    metrics: dataset.metrics.length,
    artefacts: dataset.source.notes.length,
  };
  const count = counts[field];
  if (count === undefined) throw new Error(`unknown count "{count.${field}}" in copy`);
  return formatDigits(count, lang);
}

function metricField(metric: Metric, field: string, lang: Lang): string {
  const need = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`copy asks for {${metric.id}.${field}} but the metric has no ${what}`);
    return value;
  };
  switch (field) {
    case 'label':
      return metric.label[lang];
    case 'actual':
      return formatFigure(need(metric.actual2024, '2024 result'), metric, lang);
    case 'target':
      return formatFigure(need(metric.target2025, '2025 target'), metric, lang);
    case 'growth':
      return growthPhrase(metric, need(metric.actual2024, '2024 result').value, lang);
    case 'growthVerb':
      return formatGrowth(need(metric.actual2024, '2024 result').value, lang);
    case 'change':
    case 'changeMagnitude':
    case 'targetShare': {
      if (!isComparablePair(metric)) throw new Error(`copy asks for {${metric.id}.${field}} but the metric is not a comparable pair`);
      if (field === 'targetShare') return `${formatDigits(targetShareOfActual(metric), lang)}%`;
      const change = targetChange(metric);
      const value = field === 'change' ? change.change : Math.abs(change.change);
      return formatSignedChange(value, change.measure, lang, change.decimals, 'prose').replace(/^\+/, field === 'change' ? '+' : '');
    }
    default:
      throw new Error(`unknown field "{${metric.id}.${field}}" in copy`);
  }
}

/** "@raised" in a step's focus list stands for every comparable pair with that shift. */
export function resolveFocus(focus: string[] | undefined, dataset: Dataset, townCodes: Set<string> = new Set()): string[] {
  return (focus ?? []).flatMap((token) => {
    if (/^\d{9}$/.test(token)) {
      if (!townCodes.has(token)) throw new Error(`focus names unknown town code "${token}"`);
      return [token];
    }
    if (!token.startsWith('@')) return [metricById(dataset, token).id];
    const shift = token.slice(1);
    if (!['raised', 'held', 'lowered'].includes(shift)) throw new Error(`unknown focus group "${token}"`);
    return comparablePairs(dataset).map(targetChange).filter((c) => c.shift === shift).map((c) => c.metric.id);
  });
}

/** The metric ids a copy text draws figures from: its {metric-id.field} placeholders. */
export function placeholderSubjects(template: string): string[] {
  return [...template.matchAll(/\{([a-z0-9-]+)\.[a-zA-Z]+\}/g)].map((m) => m[1]!).filter((subject) => subject !== 'count' && subject !== 'source' && subject !== 'context');
}

/**
 * What a step highlights: its explicit focus, plus every mark of its chart that its text takes a
 * figure from, so a step that names three rows lights those three.
 */
export function stepFocus(step: { focus?: string[]; text: string }, dataset: Dataset, chartKeys: string[], townCodes: Set<string> = new Set()): string[] {
  const keys = new Set(chartKeys);
  const named = placeholderSubjects(step.text).filter((id) => keys.has(id));
  return [...new Set([...resolveFocus(step.focus, dataset, townCodes), ...named])];
}
