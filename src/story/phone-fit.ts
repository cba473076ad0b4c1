import type { PageContext } from '../figure/context';
import { renderChart } from '../charts/registry';
import { estimateTextWidth } from '../design/text-width';
import { chartWidths } from '../design/tokens';
import { requireChart, chartCopy } from '../figure/figure';
import { fillCopy } from './fill';

/**
 * On a phone the sticky graphic and the current step's card share one screen: the chart at the
 * top, the card resting at the bottom. A section whose tallest chart and longest card cannot both
 * fit a screen of some size is shown stacked there instead (its charts in the flow, each followed
 * by its steps), never cropped or panned. This works out, per section and per band of screen
 * widths, the shortest screen that holds both, and writes media queries that stack the section
 * below it, in CSS: no script measures anything at start-up. The browser tests check the result.
 */

/** Bands of screen width, each with the width its charts and cards are laid out at (its narrowest). */
const BANDS = [
  { min: 0, max: 374, at: 360, variant: 'narrow' },
  { min: 375, max: 413, at: 375, variant: 'narrow' },
  { min: 414, max: 699, at: 414, variant: 'narrow' },
  { min: 700, max: 959, at: 700, variant: 'wide' },
] as const;

/** Page furniture, in CSS px (style.css): top bar, graphic padding, side gutters, card padding and border. */
const BAR = 44;
/** The graphic's top padding, and room for type that runs wider than its estimate. */
const GRAPHIC_PADDING = 8 + 24;
const GUTTER = 16;
const CARD_CHROME = 2 * 12 + 2 + 12 + 12;
const CARD_TEXT = 15;
const CARD_LINE = 23.25;
const CARD_MAX = 416;
const TITLE = { size: 17, line: 24 };
const SUBTITLE = { size: 14, line: 20 };
/** The phone chart is drawn no wider than this (style.css), so a wide phone does not make it taller. */
export const PHONE_CHART_MAX = 420;
/** Below this height every section is stacked (WCAG 1.4.10: zoomed and landscape screens). */
export const SHORT_SCREEN = 560;

const lines = (text: string, size: number, width: number) => Math.max(1, Math.ceil(estimateTextWidth(text, size) / width));

export interface SectionFit {
  sectionId: string;
  /** Per band of widths, the least screen height that shows chart and card together. */
  bands: Array<{ min: number; max: number; height: number }>;
}

export function sectionFits(ctx: PageContext): SectionFit[] {
  const { content, inputs, document } = ctx;
  return content.blocks.flatMap((block) => {
    if (block.type !== 'scrolly') return [];
    const chartIds = [...new Set(block.steps.map((step) => step.chart))];
    const bands = BANDS.map((band) => {
      const columnWidth = band.at - 2 * GUTTER;
      const chartWidth = band.variant === 'wide' ? Math.min(columnWidth, chartWidths.wide) : Math.min(columnWidth, PHONE_CHART_MAX);
      const graphic = Math.max(...chartIds.map((chartId) => {
        const chart = requireChart(ctx, chartId);
        const copy = chartCopy(ctx, chart);
        const svg = renderChart(chart, inputs, { width: chartWidths[band.variant], lang: content.lang, document, text: content.chartText, title: copy.title });
        const svgHeight = Number(svg.getAttribute('height')) * (chartWidth / chartWidths[band.variant]);
        return lines(copy.title, TITLE.size, columnWidth) * TITLE.line + lines(copy.subtitle, SUBTITLE.size, columnWidth) * SUBTITLE.line + svgHeight;
      }));
      const cardWidth = Math.min(columnWidth, CARD_MAX) - 2 * 16 - 6;
      const card = Math.max(...block.steps.map((step) => lines(fillCopy(step.text, inputs.dataset, content.lang), CARD_TEXT, cardWidth) * CARD_LINE + CARD_CHROME));
      return { min: band.min, max: band.max, height: Math.ceil(BAR + GRAPHIC_PADDING + graphic + card) };
    });
    return [{ sectionId: `section-${block.id}`, bands }];
  });
}

/**
 * The media queries that stack each section on screens too short for it, and every section on short
 * screens. `layoutFor(scope)` is the static layout's rules under a selector (written flat, not nested).
 */
export function phoneFitCss(fits: SectionFit[], layoutFor: (scope: string) => string): string {
  const rules = fits.flatMap((fit) => fit.bands.map((band) =>
    `@media (min-width:${band.min}px) and (max-width:${band.max}px) and (max-height:${band.height - 1}px){${layoutFor(`#${fit.sectionId}`)}}`));
  return [`@media (max-height:${SHORT_SCREEN - 1}px){${layoutFor('html')}}`, ...rules].join('');
}
