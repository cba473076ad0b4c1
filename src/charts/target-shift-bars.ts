import * as Plot from '@observablehq/plot';
import type { ChartModule } from './types';
import type { Dataset } from '../data/types';
import { targetChanges, type TargetChange } from '../data/derive';
import { formatDigits, formatSignedChange } from '../data/format';
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
} from './plot-kit';
import { describeChange, joinSentences } from './describe';
import { formatFigure } from '../data/format';
import { metricRows } from '../data/rows';

/**
 * Every comparable pair, classified as raised, held or lowered and sorted by the size of the
 * change. Rates and levels cannot share an axis, so each measure is its own chart.
 */
export function targetShiftBars(id: string, measure: TargetChange['measure']): ChartModule {
  const changes = (dataset: Dataset) => targetChanges(dataset).filter((c) => c.measure === measure);
  return {
    id,
    stepsByRows: true,
    keys: ({ dataset }) => changes(dataset).map((c) => c.metric.id),
    rows: ({ dataset }) =>
      metricRows(
        dataset,
        changes(dataset).map((c) => c.metric.id),
      ),
    describe({ dataset }, lang, text) {
      return joinSentences(
        changes(dataset).map((c) => describeChange(c, lang, text)),
        text,
      );
    },
    table({ dataset }, lang, text) {
      return {
        columns: [text.columnMetric, text.columnActual, text.columnTarget, text.columnChange, text.columnShift],
        rows: changes(dataset).map((c) => [
          c.metric.label[lang],
          formatFigure(c.metric.actual2024, c.metric, lang),
          formatFigure(c.metric.target2025, c.metric, lang),
          formatSignedChange(c.change, c.measure, lang, c.decimals),
          text[c.shift],
        ]),
        rowKeys: changes(dataset).map((c) => [c.metric.id]),
      };
    },
    render({ dataset }, options) {
      const { width, lang, document, text, title } = options;
      const all = changes(dataset);
      const rows = rowsInGroup(all, (c) => c.metric.id, options.rows).map((c) => ({
        id: c.metric.id,
        label: c.metric.label[lang],
        change: c.change,
        shift: c.shift,
        colour: SHIFT_COLOURS[c.shift],
        changeText: c.shift === 'held' ? text.held : formatSignedChange(c.change, c.measure, lang, c.decimals),
        name: describeChange(c, lang, text),
      }));
      const key = (i: number) => rows[i]!.id;
      const moved = rows.filter((r) => r.shift !== 'held');
      const held = rows.filter((r) => r.shift === 'held');
      // Wide: the whole list fits a 1280×800 window with its title.
      // Phone rows stay 44 px: tighter, a row's change label runs into the next row's name.
      const rowHeight = width < 400 ? 44 : 48;
      // A group of rows keeps the whole chart's scale, so a bar means the same in every step.
      const domain = extentWithZero(all.map((c) => c.change));
      const ticks = niceTicks(domain, width < 400 ? 3 : 6);
      const svg = Plot.plot({
        ...plotFrame(document, width, rows.length * rowHeight + 60, 40, 24),
        x: {
          domain,
          inset: 92,
          ticks,
          label: null,
          tickFormat: (d: number) => formatDigits(d, lang) + (measure === '%' ? '%' : ''),
        },
        y: { domain: rows.map((r) => r.label), axis: null, paddingInner: 0.55, paddingOuter: 0.25, align: 1 },
        marks: [
          // Grid and zero line across the bars' bands only: the names above the bands stay clear.
          ...rowRules(
            rows.map((r) => r.label),
            ticks,
            { stroke: palette.ink },
          ),
          rowNames(rows, key),
          // A held target has no bar (zero width is no focus stop); its dot is the mark instead.
          ...(moved.length > 0
            ? [
                Plot.barX(moved, {
                  x: 'change',
                  y: 'label',
                  fill: 'colour',
                  render: tagWith((i) => moved[i]!.id, { label: (i) => moved[i]!.name }),
                }),
              ]
            : []),
          ...(held.length > 0
            ? [
                Plot.dot(held, {
                  x: 0,
                  y: 'label',
                  r: 5,
                  fill: SHIFT_COLOURS.held,
                  render: tagWith((i) => held[i]!.id, { label: (i) => held[i]!.name }),
                }),
              ]
            : []),
          // The change label sits beyond its bar's end: one mark per direction, not patched after.
          ...changeLabels(
            rows.filter((r) => r.change < 0),
            'end',
          ),
          ...changeLabels(
            rows.filter((r) => r.change >= 0),
            'start',
          ),
        ],
      }) as SVGSVGElement;
      return finishSvg(svg, { label: title, source: text.source, document, idPrefix: drawingId(id, options) });
    },
  };
}

function changeLabels(
  rows: Array<{ id: string; label: string; change: number; changeText: string; colour: string }>,
  anchor: 'start' | 'end',
) {
  if (rows.length === 0) return [];
  return [
    Plot.text(rows, {
      x: 'change',
      y: 'label',
      text: 'changeText',
      fill: 'colour',
      fontWeight: 700,
      textAnchor: anchor,
      dx: anchor === 'start' ? 8 : -6,
      render: tagWith((i) => rows[i]!.id),
    }),
  ];
}
