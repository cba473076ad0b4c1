import { parseHTML } from 'linkedom';
import type { Topology } from 'topojson-specification';
import type { Dataset, Lang, Metric } from '../data/types';
import type { StoryContent } from '../content/types';
import { chartById } from '../charts/registry';
import { directionCounts, metricById, pairResult, targetChange, type Direction } from '../data/derive';
import { formatDigits, formatFigure, formatSignedChange } from '../data/format';
import { projectsByTown } from '../data/town-projects';
import { fillTemplate } from '../content/template';
import { fillCopy } from '../story/fill';
import { isComparablePair } from '../data/types';
import { svg, toXml } from '../dom/html';
import { IMAGE_FONT_FAMILY } from './fonts';
import { framed, SHARE_HEIGHT, SHARE_WIDTH, THEME_COLOURS, type FramedImage, type ImageTheme } from './share-images';
import { wrapText } from '../charts/wrap-text';
import { palettes } from '../design/tokens';
import { drawable, levelRows, missingTargetText } from '../data/levels';
import { CONTEXT_COLUMNS } from '../data/context-rows';
import { figureText, placeLabel } from '../data/level-format';
import { estimateTextWidth } from '../design/text-width';

/**
 * Share cards designed as headlines (1200×630): one computed finding in large type, at most a few
 * rows of the chart's data as text and bars, and the source. Nothing is a shrunken chart, so the
 * card reads in a feed at about 500 px wide: no text is set smaller than MIN_CARD_TEXT.
 */

/** The width a feed shows a card at, and the smallest text it must still show there. */
export const FEED_WIDTH = 500;
export const MIN_FEED_TEXT = 12;
/** The smallest font size on a card, in card pixels: 12 px at 500 px wide, rounded up. */
const MIN_CARD_TEXT = Math.ceil((MIN_FEED_TEXT * SHARE_WIDTH) / FEED_WIDTH) + 1;
export const FINDING_SIZE = { max: 60, min: 48 } as const;
export const MAX_CARD_ROWS = 4;

interface CardRow {
  label: string;
  value: string;
  /** The change or count beside the value, coloured by direction. */
  note?: string;
  colour: 'raised' | 'held' | 'lowered' | 'actual2024' | 'accent';
  /** Bar length, 0–1 of the widest row; absent draws no bar. */
  share?: number;
}

export interface HeadlineCard {
  kicker: string;
  finding: string;
  rows: CardRow[];
  source: string;
}

const SHIFT_COLOUR: Record<string, CardRow['colour']> = { raised: 'raised', held: 'held', lowered: 'lowered' };

function pairRow(metric: Metric, lang: Lang): CardRow {
  const result = pairResult(metric);
  const value = `${formatFigure(metric.actual2024!, metric, lang)} → ${formatFigure(metric.target2025!, metric, lang)}`;
  const change = isComparablePair(metric) ? targetChange(metric) : undefined;
  return {
    label: metric.label[lang],
    value,
    note: change ? formatSignedChange(change.change, change.measure, lang, change.decimals) : undefined,
    colour: SHIFT_COLOUR[result.direction ?? ''] ?? 'actual2024',
  };
}

/** The card of one chart: its finding is computed from the rows the chart draws (its data.csv). */
export function chartCard(chartId: string, dataset: Dataset, geo: Topology, content: StoryContent): HeadlineCard {
  const chart = chartById(chartId);
  if (!chart) throw new Error(`no registered chart "${chartId}"`);
  const { lang, share, chartText } = content;
  const kicker = content.charts[chartId]!.title;
  const { columns, rows } = chart.rows({ dataset, geo });
  // A chart whose data are the context table (places beside Gaoping) states the levels' targets.
  if (CONTEXT_COLUMNS.every((column) => columns.includes(column))) return levelsCard(dataset, content, kicker);
  const metrics = (rows as Array<{ id: string; actual_2024?: unknown; town_code?: unknown }>)
    .filter((row) => 'actual_2024' in row)
    .map((row) => metricById(dataset, row.id));
  if (metrics.length === 0) return townCard(dataset, geo, content, kicker);
  const compared = metrics
    .filter(isComparablePair)
    .map(targetChange)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  if (compared.length === 1) {
    const [only] = compared;
    const metric = only!.metric;
    const largest = Math.max(Math.abs(metric.actual2024.value), Math.abs(metric.target2025.value)) || 1;
    return {
      kicker,
      finding: fillTemplate(share.cardSingle, {
        label: metric.label[lang],
        shift: only!.change < 0 ? share.cardBelow : share.cardAbove,
        change: formatSignedChange(Math.abs(only!.change), only!.measure, lang, only!.decimals).replace(/^\+/, ''),
      }),
      rows: [
        {
          label: chartText.actual2024,
          value: formatFigure(metric.actual2024, metric, lang),
          colour: 'actual2024',
          share: Math.abs(metric.actual2024.value) / largest,
        },
        {
          label: chartText.target2025,
          value: formatFigure(metric.target2025, metric, lang),
          colour: SHIFT_COLOUR[only!.shift]!,
          share: Math.abs(metric.target2025.value) / largest,
        },
      ],
      source: chartText.source,
    };
  }
  const count = (shift: string) => formatDigits(compared.filter((c) => c.shift === shift).length, lang);
  return {
    kicker,
    finding: fillTemplate(share.cardPairs, {
      total: formatDigits(compared.length, lang),
      raised: count('raised'),
      held: count('held'),
      lowered: count('lowered'),
    }),
    // The largest moves, up and down: what the chart's eye goes to first.
    rows: compared.slice(0, MAX_CARD_ROWS).map((change) => pairRow(change.metric, lang)),
    source: chartText.source,
  };
}

/** A levels card states the headline indicator's 2025 targets side by side. */
const LEVELS_CARD_INDICATOR = 'gdp-growth';

function levelsCard(dataset: Dataset, content: StoryContent, kicker: string): HeadlineCard {
  const { lang, share, chartText } = content;
  const row = levelRows(dataset).find((r) => r.indicator.id === LEVELS_CARD_INDICATOR);
  if (!row) throw new Error(`the context has no "${LEVELS_CARD_INDICATOR}" indicator for the levels share card`);
  const targets = row.cells.map((cell) => ({
    place: cell.place,
    figure: cell.target2025,
    missing: missingTargetText(cell, chartText),
  }));
  const drawnValues = targets
    .map((t) => t.figure)
    .filter(drawable)
    .map((figure) => figure.value);
  const most = Math.max(...drawnValues, 1);
  const textOf = (place: string) => {
    const target = targets.find((t) => t.place === place)?.figure;
    const cell = targets.find((t) => t.place === place)!;
    return target ? figureText(target, lang, chartText) : cell.missing;
  };
  return {
    kicker,
    finding: fillTemplate(share.cardLevels, {
      gaoping: textOf('gaoping'),
      sichuan: textOf('sichuan'),
      china: textOf('china'),
    }),
    rows: targets.slice(0, MAX_CARD_ROWS).map(({ place, figure, missing }) => ({
      label: placeLabel(place, chartText),
      value: figure ? figureText(figure, lang, chartText) : missing,
      colour: place === 'gaoping' ? ('accent' as const) : ('actual2024' as const),
      ...(drawable(figure) ? { share: figure.value / most } : {}),
    })),
    source: chartText.levelsSource,
  };
}

function townCard(dataset: Dataset, geo: Topology, content: StoryContent, kicker: string): HeadlineCard {
  const { lang, share, chartText } = content;
  const entries = projectsByTown(dataset, geo)
    .map((entry) => ({ entry, count: new Set([...entry.results, ...entry.plans].map((p) => p.id)).size }))
    .filter((item) => item.count > 0)
    .sort((a, b) => b.count - a.count);
  const projects = new Set(entries.flatMap((item) => [...item.entry.results, ...item.entry.plans].map((p) => p.id)))
    .size;
  const most = entries[0]?.count ?? 1;
  return {
    kicker,
    finding: fillTemplate(share.cardTowns, {
      towns: formatDigits(entries.length, lang),
      projects: formatDigits(projects, lang),
    }),
    rows: entries.slice(0, MAX_CARD_ROWS).map(({ entry, count }) => ({
      label: entry.town.name[lang],
      value: fillTemplate(share.cardTownCount, { count: formatDigits(count, lang) }),
      colour: 'accent' as const,
      share: count / most,
    })),
    source: chartText.source,
  };
}

/** The story's card: the lede's finding, and the raised / held / lowered counts as bars. */
export function storyCard(dataset: Dataset, content: StoryContent): HeadlineCard {
  const { lang, share, chartText } = content;
  const counts = directionCounts(dataset);
  const most = Math.max(counts.raised, counts.held, counts.lowered) || 1;
  const row = (direction: Extract<Direction, 'raised' | 'held' | 'lowered'>): CardRow => ({
    label: chartText[direction],
    value: fillTemplate(share.cardCount, { count: formatDigits(counts[direction], lang) }),
    colour: direction,
    share: counts[direction] / most,
  });
  return {
    kicker: content.meta.title,
    finding: fillCopy(share.storyFinding, dataset, lang),
    rows: [row('raised'), row('held'), row('lowered')],
    source: chartText.source,
  };
}

/** The finding's size: the largest from FINDING_SIZE that keeps it to three lines. */
function findingLines(finding: string, width: number): { size: number; lines: string[] } {
  for (let size: number = FINDING_SIZE.max; size >= FINDING_SIZE.min; size -= 4) {
    const lines = wrapText(finding, size, width);
    if (lines.length <= 2 || (lines.length === 3 && size === FINDING_SIZE.min)) return { size, lines };
  }
  throw new Error(`share card finding "${finding}" needs more than three lines at ${FINDING_SIZE.min} px`);
}

/** The card as SVG markup (see headlineCardRoot). */
export function headlineCardSvg(card: HeadlineCard, theme: ImageTheme = 'light'): string {
  return toXml(headlineCardRoot(card, theme)).replace(/^<\?xml[^>]*\?>\s*/, '');
}

/** The card as an image to render: its markup and its text (for the font subset). */
export function headlineCardImage(card: HeadlineCard, theme: ImageTheme = 'light'): FramedImage {
  return framed(headlineCardRoot(card, theme), SHARE_WIDTH, SHARE_HEIGHT);
}

/** The card's root <svg>, built as nodes (src/dom/html.ts): every text is set as text. */
function headlineCardRoot(card: HeadlineCard, theme: ImageTheme): SVGElement {
  const { document } = parseHTML('<!doctype html><html><body></body></html>') as unknown as { document: Document };
  const colours = THEME_COLOURS[theme];
  const ink = palettes[theme];
  const pad = 48;
  const inner = SHARE_WIDTH - 2 * pad;
  const small = MIN_CARD_TEXT + 1;
  const text = (content: string, x: number, y: number, size: number, attrs: Record<string, string | number> = {}) =>
    svg(
      document,
      'text',
      { x, y: y.toFixed(1), 'font-size': size, 'font-family': IMAGE_FONT_FAMILY, ...attrs },
      content,
    );
  const root = svg(
    document,
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: SHARE_WIDTH,
      height: SHARE_HEIGHT,
      viewBox: `0 0 ${SHARE_WIDTH} ${SHARE_HEIGHT}`,
      'font-family': IMAGE_FONT_FAMILY,
    },
    svg(document, 'rect', { width: '100%', height: '100%', fill: colours.background }),
    svg(document, 'rect', { x: 0, y: 0, width: SHARE_WIDTH, height: 10, fill: colours.accent }),
  );
  let y = pad + 4;
  // The kicker (the chart's title) on one line, cut with an ellipsis if it must be.
  let kicker = card.kicker;
  while (estimateTextWidth(kicker, small) > inner && kicker.length > 4)
    kicker = `${[...kicker].slice(0, -2).join('')}…`;
  root.appendChild(text(kicker, pad, y + small, small, { fill: colours.muted }));
  y += small + 20;
  const finding = findingLines(card.finding, inner);
  const findingLineHeight = Math.round(finding.size * 1.2);
  finding.lines.forEach((line, i) =>
    root.appendChild(
      text(line, pad, y + finding.size + i * findingLineHeight, finding.size, {
        'font-weight': 700,
        fill: colours.ink,
        class: 'card-finding',
      }),
    ),
  );
  y += finding.lines.length * findingLineHeight + 28;
  const footerTop = SHARE_HEIGHT - pad + 6;
  const rowGap = 14;
  const lineHeight = Math.round(small * 1.25);
  const markerSize = 22;
  const labelX = pad + markerSize + 14;
  // Bars share one baseline and one scale: they start after the longest label, end before the longest value.
  const noteOf = (row: CardRow) => (row.note ? estimateTextWidth(row.note, small) + 24 : 0);
  const barStart = labelX + Math.max(...card.rows.map((row) => estimateTextWidth(row.label, small))) + 20;
  const barStop =
    SHARE_WIDTH - pad - Math.max(...card.rows.map((row) => estimateTextWidth(row.value, small) + noteOf(row))) - 16;
  for (const row of card.rows) {
    // Right-aligned: the note (change or count) in the row's colour, the values before it.
    const noteWidth = noteOf(row);
    const valueWidth = estimateTextWidth(row.value, small) + noteWidth;
    const oneLine = estimateTextWidth(row.label, small) + valueWidth + 40 <= inner - (labelX - pad);
    const height = (oneLine ? 1 : 2) * lineHeight;
    if (y + height > footerTop - small - 18) break;
    const colour = ink[row.colour];
    root.appendChild(
      svg(document, 'rect', {
        x: pad,
        y: (y + (lineHeight - markerSize) / 2 + 4).toFixed(1),
        width: markerSize,
        height: markerSize,
        rx: 4,
        fill: colour,
      }),
    );
    root.appendChild(text(row.label, labelX, y + small, small, { 'font-weight': 700, fill: colours.ink }));
    const valueY = oneLine ? y + small : y + lineHeight + small;
    if (row.share !== undefined) {
      // A bar from the label's end to the value, as long as its share of the largest row.
      const barX = oneLine && barStop - barStart > 120 ? barStart : labelX;
      const barEnd = barX === barStart ? barStop : SHARE_WIDTH - pad - valueWidth - 16;
      const barWidth = Math.max(4, (barEnd - barX) * row.share);
      root.appendChild(
        svg(document, 'rect', {
          x: barX.toFixed(1),
          y: (valueY - small * 0.75).toFixed(1),
          width: barWidth.toFixed(1),
          height: Math.round(small * 0.8),
          fill: colour,
          opacity: 0.85,
        }),
      );
    }
    if (row.note)
      root.appendChild(
        text(row.note, SHARE_WIDTH - pad, valueY, small, { 'text-anchor': 'end', 'font-weight': 700, fill: colour }),
      );
    root.appendChild(
      text(row.value, SHARE_WIDTH - pad - noteWidth, valueY, small, {
        'text-anchor': 'end',
        'font-weight': row.note ? 400 : 700,
        fill: row.note ? colours.ink : colour,
      }),
    );
    y += height + rowGap;
  }
  root.appendChild(text(card.source, pad, footerTop, small, { fill: colours.muted }));
  return root;
}
