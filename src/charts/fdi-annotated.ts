import * as Plot from '@observablehq/plot';
import type { ChartModule } from './types';
import type { ComparablePair, Dataset, Figure, Lang } from '../data/types';
import { isComparablePair } from '../data/types';
import { targetChange, targetShareOfActual, metricById } from '../data/derive';
import { formatFigure, formatSignedChange, quoteIn } from '../data/format';
import { chartFontSize, palette } from '../design/tokens';
import { baseStyle, finishSvg, SHIFT_COLOURS, smallFontSize, tagWith } from './plot-kit';
import { estimateTextWidth } from '../design/text-width';
import { fillTemplate } from '../content/template';
import { metricRows } from '../data/rows';
import { describeChange, joinSentences, pairTable } from './describe';

const METRIC_ID = 'foreign-direct-investment';

/** The y band's padding, and how far each bar reaches past its thin band (a thick bar on a thin band). */
const PADDING_INNER = 0.9;
const PADDING_OUTER = 0.35;
const BAR_INSET = 14;
/** Space between a bar's edge and a label beside it, as in the other bar charts (dx 6). */
const LABEL_GAP = 6;

/** Half a bar's thickness: half the band a y band scale gives two rows in this height, plus the inset. */
function barHalfHeight(plotHeight: number): number {
  const step = plotHeight / (2 - PADDING_INNER + 2 * PADDING_OUTER);
  return (step * (1 - PADDING_INNER)) / 2 + BAR_INSET;
}

function fdi(dataset: Dataset): ComparablePair {
  const metric = metricById(dataset, METRIC_ID);
  if (!isComparablePair(metric)) throw new Error(`${METRIC_ID} must be a comparable pair for the annotated chart`);
  return metric;
}

/** Foreign investment that ranked first in the city, then a target whose floor is a fraction of it. */
export const fdiAnnotated: ChartModule = {
  id: 'fdi-annotated',
  keys: () => [METRIC_ID],
  rows: ({ dataset }) => metricRows(dataset, [fdi(dataset).id]),
  describe({ dataset }, lang, text) {
    const metric = fdi(dataset);
    return joinSentences([describeChange(targetChange(metric), lang, text), annotation(metric, lang, text)], text);
  },
  table({ dataset }, lang, text) {
    return pairTable([fdi(dataset)], lang, text);
  },
  render({ dataset }, { width, lang, document, text, title }) {
    const metric = fdi(dataset);
    const change = targetChange(metric);
    const rowsWithoutFit = [
      {
        year: '2024',
        value: metric.actual2024.value,
        label: formatFigure(metric.actual2024, metric, lang),
        colour: palette.actual2024,
        ...quoteLines(metric.actual2024, lang),
      },
      {
        year: '2025',
        value: metric.target2025.value,
        label: formatFigure(metric.target2025, metric, lang),
        colour: SHIFT_COLOURS[change.shift],
        ...quoteLines(metric.target2025, lang),
      },
    ];
    const key = () => METRIC_ID;
    const narrow = width < 400;
    const barRoom = width - 52 - 16 - (narrow ? 4 : 40);
    const rows = rowsWithoutFit.map((row) => ({
      ...row,
      fitsInside: estimateTextWidth(row.label, chartFontSize) + 16 < (row.value / metric.actual2024.value) * barRoom,
    }));
    const height = narrow ? 300 : 270;
    const marginTop = 30;
    const marginBottom = narrow ? 84 : 64;
    const barHalf = barHalfHeight(height - marginTop - marginBottom);
    const quoteSize = smallFontSize(width);
    const svg = Plot.plot({
      document,
      width,
      height,
      marginTop,
      marginLeft: 52,
      marginRight: 16,
      marginBottom,
      style: baseStyle(),
      x: { domain: [0, metric.actual2024.value], axis: null, insetRight: narrow ? 4 : 40 },
      y: {
        domain: ['2024', '2025'],
        label: null,
        tickSize: 0,
        paddingInner: PADDING_INNER,
        paddingOuter: PADDING_OUTER,
      },
      marks: [
        Plot.barX(rows, {
          x: 'value',
          y: 'year',
          fill: 'colour',
          insetTop: -BAR_INSET,
          insetBottom: -BAR_INSET,
          render: tagWith(key, { label: (i) => `${rows[i]!.year}: ${rows[i]!.label}` }),
        }),
        Plot.text(
          rows.filter((r) => r.fitsInside),
          {
            x: 0,
            y: 'year',
            text: 'label',
            textAnchor: 'start',
            dx: LABEL_GAP,
            fill: palette.onMark,
            fontWeight: 700,
            render: tagWith(key),
          },
        ),
        Plot.text(
          rows.filter((r) => !r.fitsInside),
          {
            x: 0,
            y: 'year',
            text: 'label',
            textAnchor: 'start',
            dx: LABEL_GAP,
            // Above the bar, a gap clear of its top edge (its middle is half a line above its bottom).
            dy: -(barHalf + LABEL_GAP + chartFontSize / 2),
            fill: 'colour',
            fontWeight: 700,
            render: tagWith(key),
          },
        ),
        Plot.text(rows, {
          x: 0,
          y: 'year',
          text: 'quote',
          textAnchor: 'start',
          lineAnchor: 'top',
          // Below the bar, the same gap clear of its bottom edge.
          dy: barHalf + LABEL_GAP,
          fill: palette.muted,
          fontSize: quoteSize,
          lineWidth: (width - 100) / quoteSize,
          // The report's own words, on hover, under an English gloss.
          title: 'original',
          render: tagWith(key),
        }),
        Plot.link([{ from: metric.target2025.value, to: metric.actual2024.value }], {
          x1: 'from',
          x2: 'to',
          y1: () => '2025',
          y2: () => '2025',
          stroke: palette.lowered,
          strokeDasharray: '4 3',
          strokeWidth: 1.5,
        }),
        Plot.ruleX([metric.actual2024.value], { stroke: palette.muted, strokeDasharray: '2 3' }),
        Plot.text([formatSignedChange(change.change, change.measure, lang, change.decimals)], {
          x: (metric.target2025.value + metric.actual2024.value) / 2,
          y: () => '2025',
          dy: -12,
          fill: palette.lowered,
          fontWeight: 700,
          text: (d: string) => d,
        }),
        Plot.text([annotation(metric, lang, text)], {
          frameAnchor: 'bottom-left',
          dy: narrow ? 70 : 52,
          fill: palette.ink,
          fontWeight: 600,
          lineWidth: (width - 70) / 13,
          text: (d: string) => d,
        }),
      ],
    }) as SVGSVGElement;
    return finishSvg(svg, { label: title, source: text.source, document, idPrefix: `fdi-annotated-${lang}-${width}` });
  },
};

/**
 * The words under a bar: the report's quote; on the English page its English gloss (the record's
 * `quoteEn`), with the Chinese quote kept as the text's title, the source it translates.
 */
function quoteLines(figure: Figure, lang: Lang): { quote: string; original: string | undefined } {
  const gloss = quoteIn(figure, lang);
  if (lang === 'zh' || gloss === null) return { quote: `“${figure.quote}”`, original: undefined };
  return { quote: `“${gloss}”`, original: `“${figure.quote}”` };
}

function annotation(metric: ComparablePair, lang: 'zh' | 'en', text: { fdiAnnotation: string }): string {
  return fillTemplate(text.fdiAnnotation, {
    share: `${targetShareOfActual(metric)}%`,
    actual: formatFigure(metric.actual2024, metric, lang),
    target: formatFigure(metric.target2025, metric, lang),
  });
}
