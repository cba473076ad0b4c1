import * as Plot from '@observablehq/plot';
import type { ChartModule } from './types';
import type { ComparablePair, Dataset } from '../data/types';
import { comparablePairs, targetChange } from '../data/derive';
import { formatDigits, formatFigure } from '../data/format';
import { palette } from '../design/tokens';
import {
  plotFrame,
  finishSvg,
  SHIFT_COLOURS,
  tagWith,
  drawingId,
  rowsInGroup,
  extentWithZero,
  rowNames,
  rowRules,
  niceTicks,
  yearKey,
} from './plot-kit';
import { describePair, joinSentences, pairTable } from './describe';
import { metricRows } from '../data/rows';

/** The headline growth indicators for which the report gives both a 2024 result and a 2025 target. */
function headlinePairs(dataset: Dataset): ComparablePair[] {
  return comparablePairs(dataset).filter((m) => m.sector === 'headline' && m.unit === '%');
}

export const headlineTargets: ChartModule = {
  id: 'headline-targets',
  stepsByRows: true,
  keys: ({ dataset }) => headlinePairs(dataset).map((m) => m.id),
  rows: ({ dataset }) =>
    metricRows(
      dataset,
      headlinePairs(dataset).map((m) => m.id),
    ),
  describe({ dataset }, lang, text) {
    return joinSentences(
      headlinePairs(dataset).map((m) => describePair(m, lang, text)),
      text,
    );
  },
  table({ dataset }, lang, text) {
    return pairTable(headlinePairs(dataset), lang, text);
  },
  render({ dataset }, options) {
    const { width, lang, document, text, title } = options;
    const all = headlinePairs(dataset);
    const rows = rowsInGroup(all, (m) => m.id, options.rows).map((metric) => {
      const change = targetChange(metric);
      const up = metric.target2025.value >= metric.actual2024.value;
      return {
        id: metric.id,
        label: metric.label[lang],
        actual: metric.actual2024.value,
        target: metric.target2025.value,
        actualText: `${formatDigits(metric.actual2024.value, lang)}%`,
        targetText: formatFigure(metric.target2025, metric, lang),
        colour: SHIFT_COLOURS[change.shift],
        up,
      };
    });
    // Phones: rows as tight as the label above each arrow allows, so the chart and a step card share a screen.
    const rowHeight = width < 400 ? 50 : 64;
    const key = (i: number) => rows[i]!.id;
    // A group of rows keeps the whole chart's scale, so an arrow means the same in every step.
    const domain = extentWithZero(all.flatMap((m) => [m.actual2024.value, m.target2025.value]));
    const ticks = niceTicks(domain, width < 400 ? 4 : 8);
    const svg = Plot.plot({
      ...plotFrame(document, width, rows.length * rowHeight + 56, 44, 28),
      x: {
        domain,
        inset: 76,
        ticks,
        tickFormat: (d: number) => `${formatDigits(d, lang)}%`,
        label: null,
      },
      // Each band holds its arrow and values; the name sits above the band (rowNames), clear of the rules.
      y: { domain: rows.map((r) => r.label), axis: null, paddingInner: 0.55, paddingOuter: 0.3 },
      marks: [
        ...rowRules(
          rows.map((r) => r.label),
          ticks,
          { stroke: palette.muted },
        ),
        ...yearKey(text, { actual: 0, target: width / 2 - 8 }),
        rowNames(rows, key),
        Plot.link(rows, {
          x1: 'actual',
          x2: 'target',
          y1: 'label',
          y2: 'label',
          stroke: 'colour',
          strokeWidth: 3,
          markerEnd: 'arrow',
          render: tagWith(key),
        }),
        Plot.dot(rows, {
          x: 'actual',
          y: 'label',
          r: 6,
          fill: palette.actual2024,
          stroke: palette.background,
          strokeWidth: 1.5,
          render: tagWith(key, { label: (i) => `${rows[i]!.label} 2024: ${rows[i]!.actualText}` }),
        }),
        Plot.dot(rows, {
          x: 'target',
          y: 'label',
          r: 7,
          symbol: 'diamond',
          fill: 'colour',
          stroke: palette.background,
          strokeWidth: 1.5,
          render: tagWith(key, { label: (i) => `${rows[i]!.label} 2025: ${rows[i]!.targetText}` }),
        }),
        // Plot anchors text per mark, not per datum: one mark per side, so each value label sits
        // on the outer side of its own dot (2024 behind the arrow, 2025 ahead of it).
        ...valueLabels(
          rows.filter((r) => r.up),
          'actualText',
          'actual',
          'end',
          palette.actual2024,
          400,
        ),
        ...valueLabels(
          rows.filter((r) => !r.up),
          'actualText',
          'actual',
          'start',
          palette.actual2024,
          400,
        ),
        ...valueLabels(
          rows.filter((r) => r.up),
          'targetText',
          'target',
          'start',
          'colour',
          700,
        ),
        ...valueLabels(
          rows.filter((r) => !r.up),
          'targetText',
          'target',
          'end',
          'colour',
          700,
        ),
      ],
    }) as SVGSVGElement;
    return finishSvg(svg, {
      label: title,
      source: text.source,
      document,
      idPrefix: drawingId('headline-targets', options),
    });
  },
};

interface HeadlineRow {
  id: string;
  label: string;
  actualText: string;
  targetText: string;
  actual: number;
  target: number;
  colour: string;
}

/** A value label mark for some rows, set off its dot on one side. */
function valueLabels(
  rows: HeadlineRow[],
  text: 'actualText' | 'targetText',
  x: 'actual' | 'target',
  anchor: 'start' | 'end',
  fill: string,
  fontWeight: number,
) {
  if (rows.length === 0) return [];
  return [
    Plot.text(rows, {
      x,
      y: 'label',
      text,
      fill,
      fontWeight,
      textAnchor: anchor,
      dx: anchor === 'start' ? 11 : -11,
      render: tagWith((i) => rows[i]!.id),
    }),
  ];
}
