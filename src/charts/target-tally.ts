import type { ChartModule, ChartOptions } from './types';
import type { ChartText } from '../content/types';
import type { Dataset, Lang } from '../data/types';
import { tallyByKind, type KindTally, type PairKind, type Shift } from '../data/derive';
import { formatDigits, formatSignedChange } from '../data/format';
import { chartFontSize, palette } from '../design/tokens';
import { svg } from '../dom/html';
import { fillTemplate } from '../content/template';
import { baseStyle, finishSvg, SHIFT_COLOURS } from './plot-kit';
import { estimateTextWidth } from '../design/text-width';
import { describeChange, joinSentences } from './describe';
import { metricRows } from '../data/rows';
import { formatFigure } from '../data/format';

/**
 * The story's finding as one graphic: every comparable pair is one square, coloured raised, held
 * or lowered, in one row per kind (growth rates, other rates and shares, volumes). The squares
 * are the counts the lede sentence states, so the sentence and the picture cannot disagree.
 */
const KIND_TEXT: Record<PairKind, 'tallyGrowth' | 'tallyShares' | 'tallyVolumes'> = {
  growth: 'tallyGrowth',
  share: 'tallyShares',
  volume: 'tallyVolumes',
};
const SHIFTS: readonly Shift[] = ['raised', 'held', 'lowered'];

const SQUARE = 22;
const GAP = 4;
const PITCH = SQUARE + GAP;
const LINE = 18;
const LEGEND = 24;
const GROUP_GAP = 6;

function groupLine(tally: KindTally, lang: Lang, text: ChartText): string {
  const counts = SHIFTS.filter((shift) => tally[shift] > 0).map((shift) =>
    fillTemplate(text.tallyCount, { n: formatDigits(tally[shift], lang), shift: text[shift] }),
  );
  return fillTemplate(text.tallyLine, {
    name: text[KIND_TEXT[tally.kind]],
    n: formatDigits(tally.changes.length, lang),
    counts: counts.join(text.tallyJoin),
  });
}

/** A small white sign inside each square, so the direction does not rest on colour alone. */
function signPath(shift: Shift, x: number, y: number): string {
  const cx = x + SQUARE / 2;
  const cy = y + SQUARE / 2;
  if (shift === 'raised') return `M${cx - 5},${cy + 3}L${cx},${cy - 4}L${cx + 5},${cy + 3}Z`;
  if (shift === 'lowered') return `M${cx - 5},${cy - 3}L${cx},${cy + 4}L${cx + 5},${cy - 3}Z`;
  return `M${cx - 5},${cy - 1.5}h10v3h-10Z`;
}

function render(dataset: Dataset, { width, lang, document, text, title }: ChartOptions): SVGSVGElement {
  const tallies = tallyByKind(dataset);
  // As many squares as fit a line (the last needs no gap after it)…
  const fit = Math.max(1, Math.floor((width + GAP) / PITCH));
  const root = svg(document, 'svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    width,
    'font-family': baseStyle().fontFamily,
    'font-size': baseStyle().fontSize,
    class: 'tally',
  }) as SVGSVGElement;
  root.setAttribute('style', `background:${palette.background};color:${palette.ink}`);
  // The legend: one swatch and word per direction.
  const legend = svg(document, 'g', { 'aria-hidden': 'true', class: 'tally-legend' });
  let legendX = 0;
  for (const shift of SHIFTS) {
    legend.appendChild(svg(document, 'rect', { x: legendX, y: 4, width: 14, height: 14, fill: SHIFT_COLOURS[shift] }));
    legend.appendChild(svg(document, 'text', { x: legendX + 19, y: 16, fill: palette.ink }, text[shift]));
    legendX += 19 + estimateTextWidth(text[shift], chartFontSize) + 18;
  }
  root.appendChild(legend);
  let y = LEGEND;
  for (const tally of tallies) {
    const group = svg(document, 'g', {
      role: 'group',
      'aria-label': groupLine(tally, lang, text),
      class: 'tally-group',
      'data-kind': tally.kind,
    });
    y += LINE - 4;
    group.appendChild(
      svg(
        document,
        'text',
        { x: 0, y, fill: palette.ink, 'font-weight': 700, 'aria-hidden': 'true' },
        groupLine(tally, lang, text),
      ),
    );
    y += 8;
    // …then the group's lines balanced, so no square is left alone on a line of its own.
    const perRow = Math.ceil(tally.changes.length / Math.ceil(tally.changes.length / fit));
    tally.changes.forEach((change, index) => {
      const x = (index % perRow) * PITCH;
      const top = y + Math.floor(index / perRow) * PITCH;
      const label = `${change.metric.label[lang]}: ${formatFigure(change.metric.actual2024, change.metric, lang)} → ${formatFigure(change.metric.target2025, change.metric, lang)}, ${text[change.shift]}${change.shift === 'held' ? '' : ` ${formatSignedChange(change.change, change.measure, lang, change.decimals)}`}`;
      group.appendChild(
        svg(document, 'rect', {
          x,
          y: top,
          width: SQUARE,
          height: SQUARE,
          rx: 2,
          fill: SHIFT_COLOURS[change.shift],
          'data-key': change.metric.id,
          role: 'img',
          'aria-label': label,
          tabindex: 0,
        }),
      );
      group.appendChild(
        svg(document, 'path', {
          d: signPath(change.shift, x, top),
          fill: palette.onMark,
          'data-key': change.metric.id,
          'aria-hidden': 'true',
        }),
      );
    });
    root.appendChild(group);
    y += Math.ceil(tally.changes.length / perRow) * PITCH + GROUP_GAP;
  }
  const height = y - GROUP_GAP + 4;
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return finishSvg(root, { label: title, source: text.source, document, idPrefix: `target-tally-${lang}-${width}` });
}

export const targetTally: ChartModule = {
  id: 'target-tally',
  keys: ({ dataset }) => tallyByKind(dataset).flatMap((t) => t.changes.map((c) => c.metric.id)),
  rows: ({ dataset }) =>
    metricRows(
      dataset,
      tallyByKind(dataset).flatMap((t) => t.changes.map((c) => c.metric.id)),
    ),
  describe({ dataset }, lang, text) {
    const tallies = tallyByKind(dataset);
    return joinSentences(
      [
        ...tallies.map((t) => groupLine(t, lang, text)),
        ...tallies.flatMap((t) => t.changes.map((c) => describeChange(c, lang, text))),
      ],
      text,
    );
  },
  table({ dataset }, lang, text) {
    const tallies = tallyByKind(dataset);
    return {
      columns: [
        text.columnMetric,
        text.columnKind,
        text.columnActual,
        text.columnTarget,
        text.columnChange,
        text.columnShift,
      ],
      rows: tallies.flatMap((t) =>
        t.changes.map((c) => [
          c.metric.label[lang],
          text[KIND_TEXT[t.kind]],
          formatFigure(c.metric.actual2024, c.metric, lang),
          formatFigure(c.metric.target2025, c.metric, lang),
          formatSignedChange(c.change, c.measure, lang, c.decimals),
          text[c.shift],
        ]),
      ),
      rowKeys: tallies.flatMap((t) => t.changes.map((c) => [c.metric.id])),
    };
  },
  render: ({ dataset }, options) => render(dataset, options),
};
