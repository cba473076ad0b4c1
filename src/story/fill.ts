import type { Dataset, Lang, Metric } from '../data/types';
import { isComparablePair } from '../data/types';
import { comparablePairs, directionCounts, impliedPlan2024, metricById, pairStateCounts, tallyByKind, targetChange, targetShareOfActual, type PairKind } from '../data/derive';
import { formatDigits, formatFigure, formatGrowth, formatSignedChange, formatValue } from '../data/format';
import { requireContext } from '../data/levels';
import { BAND_RATE_POINTS, BAND_SHARE } from '../data/scorecard';
import { growthPhrase } from '../charts/describe';
import { formatDate } from '../data/citation';

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
      : field === 'planLastYear' ? planField(dataset, metricById(dataset, subject), lang)
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
    const value = placeholderValue(match[1]!, match[2]!, dataset, lang);
    const inline = match[2] === 'label' && lang === 'en' && !/(^|[.:!?]\s*)$/.test(template.slice(0, match.index));
    parts.push({ text: inline ? lowerInitial(value) : value, figure: match[2] !== 'label' });
    last = match.index! + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last), figure: false });
  return parts;
}

/**
 * An English label inside a sentence loses its sentence capital ("for general public budget
 * revenue growth"); an acronym or a name in capitals keeps it (GDP, Linjiang New Area).
 */
export function lowerInitial(label: string): string {
  return /^[A-Z][a-z]/.test(label) && !/^[A-Z][a-z]+ [A-Z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/** {source.date}: 2025年2月19日 / 19 February 2025. */
function sourceField(dataset: Dataset, field: string, lang: Lang): string {
  if (field !== 'date') throw new Error(`unknown field "{source.${field}}" in copy`);
  return formatDate(dataset.source.date, lang);
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
  // The same per-pair fields metrics.csv carries (direction, change, compared_on), counted.
  const directions = directionCounts(dataset);
  const counts: Record<string, number> = {
    pairs: pairStateCounts(dataset).pairs,
    comparable: directions.comparable,
    notComparable: directions['not-comparable'],
    differentScope: directions['different-scope'],
    scopeUnclear: directions['scope-unclear'],
    differentOrUnclearScope: directions['different-scope'] + directions['scope-unclear'],
    floors: directions.floors,
    records: dataset.records.length,
    raised: directions.raised,
    held: directions.held,
    lowered: directions.lowered,
    metrics: dataset.metrics.length,
    artefacts: dataset.source.notes.length,
    ...kindCounts(dataset),
  };
  const count = counts[field];
  if (count === undefined) throw new Error(`unknown count "{count.${field}}" in copy`);
  return formatDigits(count, lang);
}

/** {count.growth}, {count.growthRaised}, {count.volumesLowered}…: the finding by kind of indicator. */
function kindCounts(dataset: Dataset): Record<string, number> {
  const names: Record<PairKind, string> = { growth: 'growth', share: 'shares', volume: 'volumes' };
  const counts: Record<string, number> = {};
  for (const name of Object.values(names)) for (const suffix of ['', 'Raised', 'Held', 'Lowered']) counts[name + suffix] = 0;
  for (const tally of tallyByKind(dataset)) {
    const name = names[tally.kind];
    counts[name] = tally.changes.length;
    counts[`${name}Raised`] = tally.raised;
    counts[`${name}Held`] = tally.held;
    counts[`${name}Lowered`] = tally.lowered;
  }
  return counts;
}

/** {metric.planLastYear}: 2024's plan worked back from the result and its margin over plan, 约232亿元 / about 23.2 billion yuan. */
function planField(dataset: Dataset, metric: Metric, lang: Lang): string {
  const plan = impliedPlan2024(dataset, metric);
  if (plan === undefined || !metric.actual2024) throw new Error(`copy asks for {${metric.id}.planLastYear} but the ledger has no ${metric.id}-over-plan-2024 record`);
  return `${lang === 'zh' ? '约' : 'about '}${formatValue(plan, metric.actual2024.unit, lang)}`;
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
