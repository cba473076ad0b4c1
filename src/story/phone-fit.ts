import type { PageContext } from '../figure/context';
import type { Block, Step } from '../content/types';
import type { ChartModule } from '../charts/types';
import { renderChart } from '../charts/registry';
import { estimateTextWidth } from '../design/text-width';
import { chartWidths } from '../design/tokens';
import { requireChart, chartCopy } from '../figure/figure';
import { townCodes } from '../geo/town-codes';
import { fillCopy, stepFocus } from './fill';

/**
 * On a phone the sticky graphic and the current step's card share one screen: the chart at the
 * top, the card resting just under it (steps.ts), never below the screen's foot. Each chart has a phone form that fits that frame with the
 * card under it, worked out here at build time:
 *
 * - A chart that can draw a group of its rows (`stepsByRows`) and is too long for the frame is
 *   shown in groups, one per step: the step's own rows (the ones its copy names), with as many of
 *   their neighbours as the frame holds, each group a whole chart (title, legend, axis, source).
 *   The groups are prerendered; the page script only swaps which one is shown.
 * - A chart that draws itself to a height (`fitsHeight`: the map) is drawn, at phone width, as
 *   tall as the frame above its longest card on the shortest design phone (`phoneFrameHeight`).
 * - A section whose chart (or group) and card still cannot both fit a screen of some size is shown
 *   stacked there instead (its charts in the flow, each followed by its steps), never cropped or
 *   panned. Media queries written here stack it below the least height that holds both, in CSS:
 *   no script measures anything at start-up. The browser tests check the result.
 */

/** Bands of screen width, each with the width its charts and cards are laid out at (its narrowest). */
const BANDS = [
  { min: 0, max: 374, at: 360, variant: 'narrow' },
  { min: 375, max: 413, at: 375, variant: 'narrow' },
  { min: 414, max: 699, at: 414, variant: 'narrow' },
  { min: 700, max: 959, at: 700, variant: 'wide' },
] as const;
type Band = (typeof BANDS)[number];

/**
 * The phones each chart's phone form is designed for (width × height in CSS px): a group holds as
 * many rows as the shortest of them allows.
 */
export const DESIGN_PHONES: ReadonlyArray<readonly [number, number]> = [
  [360, 640],
  [375, 667],
  [414, 896],
];

/** Page furniture, in CSS px (style.css): top bar, graphic padding, side gutters, card padding and border. */
const BAR = 44;
/**
 * The graphic's top padding, and room for type that runs wider than its estimate (measured in
 * Chromium at 375×667: the estimates run 30–60 px taller than the page, never shorter).
 */
const GRAPHIC_PADDING = 8 + 8;
const GUTTER = 16;
/** Card padding, border, and its distance from the screen's foot (sticky bottom; its margin does not count). */
const CARD_CHROME = 2 * 12 + 2 + 12;
const CARD_TEXT = 15;
const CARD_LINE = 23.25;
const CARD_MAX = 416;
const TITLE = { size: 17, line: 24 };
const SUBTITLE = { size: 14, line: 20 };
/** The phone chart is drawn no wider than this (style.css), so a wide phone does not make it taller. */
const PHONE_CHART_MAX = 420;
/** Below this height every section is stacked (WCAG 1.4.10: zoomed and landscape screens). */
const SHORT_SCREEN = 560;

const lines = (text: string, size: number, width: number) =>
  Math.max(1, Math.ceil(estimateTextWidth(text, size) / width));

const columnWidth = (band: Band) => band.at - 2 * GUTTER;
const chartWidth = (band: Band) =>
  band.variant === 'wide'
    ? Math.min(columnWidth(band), chartWidths.wide)
    : Math.min(columnWidth(band), PHONE_CHART_MAX);
/** Rendered pixels per SVG unit in a band. */
const scale = (band: Band) => chartWidth(band) / chartWidths[band.variant];
const bandAt = (width: number): Band => BANDS.find((band) => width >= band.min && width <= band.max) ?? BANDS[0];

/** The screen height a step needs besides its chart's SVG: bar, padding, title, subtitle, card. */
function furniture(ctx: PageContext, chart: ChartModule, step: Step, band: Band): number {
  const copy = chartCopy(ctx, chart);
  const column = columnWidth(band);
  const cardWidth = Math.min(column, CARD_MAX) - 2 * 16 - 6;
  const card =
    lines(fillCopy(step.text, ctx.inputs.dataset, ctx.content.lang), CARD_TEXT, cardWidth) * CARD_LINE + CARD_CHROME;
  return (
    BAR +
    GRAPHIC_PADDING +
    lines(copy.title, TITLE.size, column) * TITLE.line +
    lines(copy.subtitle, SUBTITLE.size, column) * SUBTITLE.line +
    card
  );
}

/** Heights and groups are worked out once per set of inputs (a build renders each page's language once). */
const memo = new WeakMap<object, Map<string, unknown>>();
function remembered<T>(ctx: PageContext, key: string, work: () => T): T {
  let known = memo.get(ctx.inputs);
  if (!known) memo.set(ctx.inputs, (known = new Map()));
  if (!known.has(key)) known.set(key, work());
  return known.get(key) as T;
}

/**
 * The height of a chart's SVG (in its own units) at a variant, whole or one group of rows. A chart
 * that draws groups gives every row the same height, so a group's height depends on its size only.
 */
function svgHeight(
  ctx: PageContext,
  chart: ChartModule,
  variant: Band['variant'],
  rows: string[] | null,
  maxHeight: number | undefined,
): number {
  const fitted = variant === 'narrow' ? maxHeight : undefined;
  return remembered(
    ctx,
    `height|${chart.id}|${ctx.content.lang}|${variant}|${rows?.length ?? '*'}|${fitted ?? '-'}`,
    () => {
      const copy = chartCopy(ctx, chart);
      const svg = renderChart(chart, ctx.inputs, {
        width: chartWidths[variant],
        lang: ctx.content.lang,
        document: ctx.document,
        text: ctx.content.chartText,
        title: copy.title,
        ...(rows ? { rows } : {}),
        ...(fitted ? { maxHeight: fitted } : {}),
      });
      return Number(svg.getAttribute('height'));
    },
  );
}

/**
 * The phone frame's height for a chart that draws itself to a height (`fitsHeight`: the map), in
 * its narrow SVG's units: what is left of the shortest design phone under the bar, the title, the
 * subtitle and the longest card of its steps. Undefined for the other charts (they are grouped).
 */
export function phoneFrameHeight(
  ctx: PageContext,
  block: Extract<Block, { type: 'scrolly' }>,
  chartId: string,
): number | undefined {
  const chart = requireChart(ctx, chartId);
  if (!chart.fitsHeight) return undefined;
  return remembered(ctx, `frame|${ctx.content.lang}|${block.id}|${chartId}|${JSON.stringify(block.steps)}`, () =>
    Math.floor(
      Math.min(
        ...DESIGN_PHONES.flatMap(([width, height]) => {
          const band = bandAt(width);
          return block.steps
            .filter((step) => step.chart === chartId)
            .map((step) => (height - furniture(ctx, chart, step, band)) / scale(band));
        }),
      ),
    ),
  );
}

/** The least screen height at which a step's chart (or its group) and its card share the screen. */
function stepHeight(
  ctx: PageContext,
  block: Extract<Block, { type: 'scrolly' }>,
  step: Step,
  rows: string[] | null,
  band: Band,
): number {
  const chart = requireChart(ctx, step.chart);
  const drawn = svgHeight(ctx, chart, band.variant, rows, phoneFrameHeight(ctx, block, step.chart));
  return Math.ceil(furniture(ctx, chart, step, band) + drawn * scale(band));
}

const fitsDesignPhones = (
  ctx: PageContext,
  block: Extract<Block, { type: 'scrolly' }>,
  step: Step,
  rows: string[] | null,
) => DESIGN_PHONES.every(([width, height]) => stepHeight(ctx, block, step, rows, bandAt(width)) <= height);

/**
 * The run of `size` neighbouring rows that holds a step's rows, centred on them, or null if they
 * lie further apart than that.
 */
function windowAround(keys: string[], focus: string[], size: number): string[] | null {
  const at = focus.map((key) => keys.indexOf(key));
  const first = Math.min(...at);
  const last = Math.max(...at);
  if (last - first + 1 > size) return null;
  const start = Math.max(0, Math.min(keys.length - size, first - Math.floor((size - (last - first + 1)) / 2)));
  return keys.slice(start, start + size);
}

/**
 * The rows one step shows on a phone: null for the whole chart (it fits, or cannot be grouped);
 * otherwise the largest run of rows around the step's own that fits the design phones, or, when
 * none does, the step's own rows alone (the section is then stacked on the phones too short).
 */
function stepRows(ctx: PageContext, block: Extract<Block, { type: 'scrolly' }>, step: Step): string[] | null {
  const chart = requireChart(ctx, step.chart);
  if (!chart.stepsByRows || fitsDesignPhones(ctx, block, step, null)) return null;
  const keys = chart.keys(ctx.inputs);
  const named = new Set(stepFocus(step, ctx.inputs.dataset, keys, townCodes(ctx.inputs.geo)));
  const focus = keys.filter((key) => named.has(key));
  for (let size = keys.length - 1; size >= Math.max(1, focus.length); size--) {
    const rows = focus.length > 0 ? windowAround(keys, focus, size) : keys.slice(0, size);
    if (rows && fitsDesignPhones(ctx, block, step, rows)) return rows;
  }
  return focus.length > 0 ? focus : keys.slice(0, 1);
}

/** Per step of a scrolling section, the rows its phone form shows (null: the whole chart). Worked out once per language. */
export function stepGroups(ctx: PageContext, block: Extract<Block, { type: 'scrolly' }>): Array<string[] | null> {
  return remembered(ctx, `groups|${ctx.content.lang}|${block.id}|${JSON.stringify(block.steps)}`, () =>
    block.steps.map((step) => stepRows(ctx, block, step)),
  );
}

export interface SectionFit {
  sectionId: string;
  /** Per band of widths, the least screen height that shows chart and card together. */
  bands: Array<{ min: number; max: number; height: number }>;
}

export function sectionFits(ctx: PageContext): SectionFit[] {
  return ctx.content.blocks.flatMap((block) => {
    if (block.type !== 'scrolly') return [];
    const groups = stepGroups(ctx, block);
    // Wide bands (tablets) draw the whole wide chart; phones draw each step's group.
    const bands = BANDS.map((band) => ({
      min: band.min,
      max: band.max,
      height: Math.max(
        ...block.steps.map((step, index) =>
          stepHeight(ctx, block, step, band.variant === 'wide' ? null : groups[index]!, band),
        ),
      ),
    }));
    return [{ sectionId: `section-${block.id}`, bands }];
  });
}

/**
 * The media queries that stack each section on screens too short for it, and every section on short
 * screens. `layoutFor(scope)` is the static layout's rules under a selector (written flat, not nested).
 */
export function phoneFitCss(fits: SectionFit[], layoutFor: (scope: string) => string): string {
  const rules = fits.flatMap((fit) =>
    fit.bands.map(
      (band) =>
        `@media (min-width:${band.min}px) and (max-width:${band.max}px) and (max-height:${band.height - 1}px){${layoutFor(`#${fit.sectionId}`)}}`,
    ),
  );
  return [`@media (max-height:${SHORT_SCREEN - 1}px){${layoutFor('html')}}`, ...rules].join('');
}
