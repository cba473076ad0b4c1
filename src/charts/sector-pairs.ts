import * as Plot from '@observablehq/plot';
import type { ChartModule } from './types';
import type { Dataset, Metric, Sector } from '../data/types';
import { targetChange } from '../data/derive';
import { formatFigure } from '../data/format';
import { chartFontSize, palette } from '../design/tokens';
import { plotFrame, finishSvg, SHIFT_COLOURS, tagWith, drawingId, rowsInGroup, smallFontSize } from './plot-kit';
import { estimateTextWidth } from '../design/text-width';
import { comparabilityTag, describePair, joinSentences, pairTable } from './describe';
import { isComparablePair } from '../data/types';
import { metricRows } from '../data/rows';

type Slot = 'label' | 'actual' | 'target';

/**
 * One sector's 2024/2025 pairs. Each row has its own scale (units differ), so a bar shows the
 * target against that row's 2024 result only. Pairs that measure different things get no bars:
 * their values are written out with the reason, never drawn as comparable.
 */
export function sectorPairs(id: string, sectors: Sector[]): ChartModule {
  const pairs = (dataset: Dataset): Metric[] =>
    dataset.metrics.filter((m) => sectors.includes(m.sector) && m.actual2024 !== null && m.target2025 !== null);
  return {
    id,
    stepsByRows: true,
    keys: ({ dataset }) => pairs(dataset).map((m) => m.id),
    rows: ({ dataset }) =>
      metricRows(
        dataset,
        pairs(dataset).map((m) => m.id),
      ),
    describe({ dataset }, lang, text) {
      return joinSentences(
        pairs(dataset).map((m) => describePair(m, lang, text)),
        text,
      );
    },
    table({ dataset }, lang, text) {
      return pairTable(pairs(dataset), lang, text);
    },
    render({ dataset }, options) {
      const { width, lang, document, text, title } = options;
      const all = pairs(dataset);
      const metrics = rowsInGroup(all, (m) => m.id, options.rows);
      const slotKey = (metric: Metric, slot: Slot) => `${metric.id}|${slot}`;
      const bars: Array<{ id: string; slot: string; share: number; colour: string; value: string; name: string }> = [];
      const labels: Array<{ id: string; slot: string; text: string; colour: string }> = [];
      const years: Array<{ id: string; slot: string; text: string }> = [];
      const writtenOut: Array<{ id: string; slot: string; text: string }> = [];
      for (const metric of metrics) {
        const actual = metric.actual2024!;
        const target = metric.target2025!;
        const comparable = isComparablePair(metric);
        labels.push({
          id: metric.id,
          slot: slotKey(metric, 'label'),
          text: metric.label[lang],
          colour: comparable ? palette.ink : palette.notComparable,
        });
        years.push({ id: metric.id, slot: slotKey(metric, 'actual'), text: '2024' });
        years.push({ id: metric.id, slot: slotKey(metric, 'target'), text: '2025' });
        const actualText = formatFigure(actual, metric, lang);
        const targetText = formatFigure(target, metric, lang);
        if (!comparable) {
          writtenOut.push({ id: metric.id, slot: slotKey(metric, 'actual'), text: actualText });
          writtenOut.push({
            id: metric.id,
            slot: slotKey(metric, 'target'),
            text: `${targetText} · ${comparabilityTag(metric, text)}`,
          });
          continue;
        }
        const largest = Math.max(Math.abs(actual.value), Math.abs(target.value)) || 1;
        const colour = SHIFT_COLOURS[targetChange(metric).shift];
        const name = describePair(metric, lang, text);
        bars.push({
          id: metric.id,
          slot: slotKey(metric, 'actual'),
          share: Math.abs(actual.value) / largest,
          colour: palette.actual2024,
          value: actualText,
          name,
        });
        bars.push({
          id: metric.id,
          slot: slotKey(metric, 'target'),
          share: Math.abs(target.value) / largest,
          colour,
          value: targetText,
          name,
        });
      }
      const domain = metrics.flatMap((m) => (['label', 'actual', 'target'] as Slot[]).map((s) => slotKey(m, s)));
      // A text box is about 1.45 em tall: 21 px keeps neighbouring slots' 13 px text from touching.
      const slotHeight = 21;
      // Room for the longest value label beside its bar (bold runs about a tenth wider), so none is clipped.
      // Measured over every row, so a group of rows (a phone step) lays its bars out as the whole chart does.
      const longestValue = Math.max(
        0,
        ...all
          .filter(isComparablePair)
          .flatMap((m) =>
            [m.actual2024!, m.target2025!].map((v) => estimateTextWidth(formatFigure(v, m, lang), chartFontSize) * 1.1),
          ),
      );
      const valueRoom = Math.min(width * 0.6, Math.max(width < 400 ? 96 : 150, Math.ceil(longestValue) + 10));
      const svg = Plot.plot({
        ...plotFrame(document, width, domain.length * slotHeight + 50, 26, 8),
        x: { domain: [0, 1], range: [48, width - 8 - valueRoom], axis: null },
        y: { domain, axis: null, paddingInner: 0.2, paddingOuter: 0.1 },
        marks: [
          Plot.text([`${text.actual2024}  ·  ${text.target2025}`], {
            frameAnchor: 'top-left',
            dy: -19,
            fill: palette.muted,
            text: (d: string) => d,
          }),
          Plot.text(labels, {
            y: 'slot',
            text: 'text',
            fill: 'colour',
            frameAnchor: 'left',
            textAnchor: 'start',
            fontWeight: 600,
            dy: 2,
            render: tagWith((i) => labels[i]!.id),
          }),
          Plot.text(years, {
            y: 'slot',
            text: 'text',
            frameAnchor: 'left',
            textAnchor: 'start',
            fill: palette.muted,
            fontSize: smallFontSize(width),
            render: tagWith((i) => years[i]!.id),
          }),
          Plot.barX(bars, {
            x: 'share',
            y: 'slot',
            fill: 'colour',
            render: tagWith((i) => bars[i]!.id, { label: (i) => `${bars[i]!.name}` }),
          }),
          Plot.text(bars, {
            x: 'share',
            y: 'slot',
            text: 'value',
            textAnchor: 'start',
            dx: 6,
            fill: 'colour',
            fontWeight: 600,
            render: tagWith((i) => bars[i]!.id),
          }),
          Plot.text(writtenOut, {
            x: 0,
            y: 'slot',
            text: 'text',
            textAnchor: 'start',
            fill: palette.notComparable,
            render: tagWith((i) => writtenOut[i]!.id),
          }),
        ],
      }) as SVGSVGElement;
      return finishSvg(svg, { label: title, source: text.source, document, idPrefix: drawingId(id, options) });
    },
  };
}
