import type { Dataset, Lang, Metric } from '../data/types';
import { isComparablePair } from '../data/types';
import {
  comparablePairs,
  directionCounts,
  impliedPlan2024,
  metricById,
  pairStateCounts,
  tallyByKind,
  targetChange,
  targetShareOfActual,
  type PairKind,
} from '../data/derive';
import { formatDigits, formatFigure, formatGrowth, formatSignedChange, formatValue, quoteIn } from '../data/format';
import { requireContext } from '../data/levels';
import { BAND_RATE_POINTS, BAND_SHARE } from '../data/scorecard';
import { growthPhrase } from '../charts/describe';
import { formatDate } from '../data/citation';
import { GAOPING_SOURCE_ID } from '../data/context';
import type { LedgerRecord } from '../data/types';

/**
 * Fills {metric-id.field} and {count.name} in copy from the dataset, so no number is typed twice.
 * An unknown placeholder is a build error, not a blank.
 */
export function fillCopy(template: string, dataset: Dataset, lang: Lang): string {
  return fillParts(template, dataset, lang)
    .map((part) => part.text)
    .join('');
}

const PLACEHOLDER = /\{([a-z0-9-]+)\.([a-zA-Z]+)\}/g;

/**
 * A record a filled figure is taken from: its sentence (in /report/ for Gaoping's ledger, on
 * /sources/<source>/ for a context record), its quote, and its own value as this language writes it.
 */
export interface FigureSource {
  id: string;
  source: string;
  inReport: boolean;
  quote: string;
  /** The quote's English gloss, its figure filled from the record (English edition, records that have one). */
  gloss?: string;
  year: string;
  kind: 'result' | 'target';
  /** The record's own value in this language (6.5%以上 / 6.5% or more), shown beside its quote. */
  value: string;
  /** What the record measures, for a record that is not a year of the figure's metric (2024's margin over plan). */
  measure?: string;
}

/** A piece of filled copy: text, or a figure with the records it is taken from (none for a computed count). */
export interface FilledPart {
  text: string;
  figure: boolean;
  sources: FigureSource[];
}

function placeholderValue(
  subject: string,
  field: string,
  dataset: Dataset,
  lang: Lang,
): { text: string; sources: FigureSource[] } {
  if (subject === 'count') return { text: countField(dataset, field, lang), sources: [] };
  if (subject === 'source') return { text: sourceField(dataset, field, lang), sources: [] };
  if (subject === 'context') return contextField(dataset, field, lang);
  const metric = metricById(dataset, subject);
  if (field === 'planLastYear')
    return { text: planField(dataset, metric, lang), sources: planSources(dataset, metric, lang) };
  return { text: metricField(metric, field, lang), sources: metricSources(metric, field, lang) };
}

function ledgerSource(record: LedgerRecord, value: string, lang: Lang, metric?: Metric): FigureSource {
  const gloss = lang === 'en' ? quoteIn(record, 'en', metric) : null;
  return {
    id: record.id,
    source: GAOPING_SOURCE_ID,
    inReport: true,
    quote: record.quote,
    ...(gloss === null ? {} : { gloss }),
    year: record.year,
    kind: record.kind === 'target' || record.year === '2025' ? 'target' : 'result',
    value,
  };
}

/** The records a metric's figure is read or worked out from: one year's, or both for a change or a share. */
function metricSources(metric: Metric, field: string, lang: Lang): FigureSource[] {
  const year = (figure: Metric['actual2024']) =>
    figure ? [ledgerSource(figure, formatFigure(figure, metric, lang), lang, metric)] : [];
  switch (field) {
    case 'label':
      return [];
    case 'target':
      return year(metric.target2025);
    case 'actual':
    case 'growth':
    case 'growthVerb':
      return year(metric.actual2024);
    default:
      return [...year(metric.actual2024), ...year(metric.target2025)];
  }
}

/** 2024's plan is worked out from the 2024 result and its margin over the plan: both sentences. */
function planSources(dataset: Dataset, metric: Metric, lang: Lang): FigureSource[] {
  const over = dataset.records.find((r) => r.id === `${metric.id}-over-plan-2024`);
  return [
    ...(metric.actual2024
      ? [ledgerSource(metric.actual2024, formatFigure(metric.actual2024, metric, lang), lang, metric)]
      : []),
    ...(over
      ? [{ ...ledgerSource(over, formatValue(over.value, over.unit, lang), lang), measure: over.measure[lang] }]
      : []),
  ];
}

/**
 * The same filling, kept in parts: copy text, and each filled value marked as a figure, so a page
 * can keep a number and its unit on one line (1109.9万美元 never breaks after the digits).
 */
export function fillParts(template: string, dataset: Dataset, lang: Lang): FilledPart[] {
  const parts: FilledPart[] = [];
  const text = (value: string): FilledPart => ({ text: value, figure: false, sources: [] });
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index! > last) parts.push(text(template.slice(last, match.index)));
    const value = placeholderValue(match[1]!, match[2]!, dataset, lang);
    const inline = match[2] === 'label' && lang === 'en' && !/(^|[.:!?]\s*)$/.test(template.slice(0, match.index));
    parts.push({
      text: inline ? lowerInitial(value.text) : value.text,
      figure: match[2] !== 'label',
      sources: value.sources,
    });
    last = match.index! + match[0].length;
  }
  if (last < template.length) parts.push(text(template.slice(last)));
  return parts;
}

/**
 * An English label inside a sentence loses its sentence capital ("for general public budget
 * revenue growth"); an acronym or a name in capitals keeps it (GDP, Linjiang New Area).
 */
export function lowerInitial(label: string): string {
  return /^[A-Z][a-z]/.test(label) && !/^[A-Z][a-z]+ [A-Z]/.test(label)
    ? label[0]!.toLowerCase() + label.slice(1)
    : label;
}

/** {source.date}: 2025年2月19日 / 19 February 2025. */
function sourceField(dataset: Dataset, field: string, lang: Lang): string {
  if (field !== 'date') throw new Error(`unknown field "{source.${field}}" in copy`);
  return formatDate(dataset.source.date, lang);
}

/** {context.*}: figures about the context beside Gaoping's (issue 19), computed, never typed. */
function contextField(dataset: Dataset, field: string, lang: Lang): { text: string; sources: FigureSource[] } {
  const context = requireContext(dataset);
  const nanchong = context.records.find((r) => r.place === 'nanchong' && r.derived);
  const lead = nanchong?.derived ? dataset.records.find((r) => r.id === nanchong.derived!.from[1]) : undefined;
  const computed = (text: () => string) => () => ({ text: text(), sources: [] });
  const values: Record<string, () => { text: string; sources: FigureSource[] }> = {
    sources: computed(() => formatDigits(context.sources.length - 1, lang)),
    records: computed(() => formatDigits(context.records.filter((r) => r.place !== 'gaoping').length, lang)),
    nanchongGrowth: () => {
      const text = formatValue(need(nanchong?.value ?? null), '%', lang);
      // Derived from Gaoping's sentence: the figure opens that sentence on the Nanchong record's source page.
      return {
        text,
        sources: [
          {
            id: nanchong!.id,
            source: nanchong!.source,
            inReport: false,
            quote: nanchong!.quote,
            year: nanchong!.year,
            kind: 'result',
            value: text,
          },
        ],
      };
    },
    cityLead: () => {
      const text = formatValue(need(lead?.value ?? null), need(lead?.unit ?? null), lang);
      return { text, sources: [ledgerSource(lead!, text, lang)] };
    },
    bandPoints: computed(() => formatValue(BAND_RATE_POINTS, '百分点', lang)),
    bandShare: computed(() => `${formatDigits(BAND_SHARE * 100, lang)}%`),
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
  for (const name of Object.values(names))
    for (const suffix of ['', 'Raised', 'Held', 'Lowered']) counts[name + suffix] = 0;
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
  if (plan === undefined || !metric.actual2024)
    throw new Error(
      `copy asks for {${metric.id}.planLastYear} but the ledger has no ${metric.id}-over-plan-2024 record`,
    );
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
      if (!isComparablePair(metric))
        throw new Error(`copy asks for {${metric.id}.${field}} but the metric is not a comparable pair`);
      if (field === 'targetShare') return `${formatDigits(targetShareOfActual(metric), lang)}%`;
      const change = targetChange(metric);
      const value = field === 'change' ? change.change : Math.abs(change.change);
      return formatSignedChange(value, change.measure, lang, change.decimals, 'prose').replace(
        /^\+/,
        field === 'change' ? '+' : '',
      );
    }
    default:
      throw new Error(`unknown field "{${metric.id}.${field}}" in copy`);
  }
}

/** "@raised" in a step's focus list stands for every comparable pair with that shift. */
export function resolveFocus(
  focus: string[] | undefined,
  dataset: Dataset,
  townCodes: Set<string> = new Set(),
): string[] {
  return (focus ?? []).flatMap((token) => {
    if (/^\d{9}$/.test(token)) {
      if (!townCodes.has(token)) throw new Error(`focus names unknown town code "${token}"`);
      return [token];
    }
    if (!token.startsWith('@')) return [metricById(dataset, token).id];
    const shift = token.slice(1);
    if (!['raised', 'held', 'lowered'].includes(shift)) throw new Error(`unknown focus group "${token}"`);
    return comparablePairs(dataset)
      .map(targetChange)
      .filter((c) => c.shift === shift)
      .map((c) => c.metric.id);
  });
}

/** The metric ids a copy text draws figures from: its {metric-id.field} placeholders. */
function placeholderSubjects(template: string): string[] {
  return [...template.matchAll(/\{([a-z0-9-]+)\.[a-zA-Z]+\}/g)]
    .map((m) => m[1]!)
    .filter((subject) => subject !== 'count' && subject !== 'source' && subject !== 'context');
}

/**
 * What a step highlights: its explicit focus, plus every mark of its chart that its text takes a
 * figure from, so a step that names three rows lights those three.
 */
export function stepFocus(
  step: { focus?: string[]; text: string },
  dataset: Dataset,
  chartKeys: string[],
  townCodes: Set<string> = new Set(),
): string[] {
  const keys = new Set(chartKeys);
  const named = placeholderSubjects(step.text).filter((id) => keys.has(id));
  return [...new Set([...resolveFocus(step.focus, dataset, townCodes), ...named])];
}
