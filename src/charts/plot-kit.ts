import * as Plot from '@observablehq/plot';
import type { RenderFunction } from '@observablehq/plot';
import { chartFontSize, chartWidths, fontStack, palette } from '../design/tokens';
import type { Shift } from '../data/derive';

export const SHIFT_COLOURS: Record<Shift, string> = {
  raised: palette.raised,
  held: palette.held,
  lowered: palette.lowered,
};

/**
 * Small print (source line, years, quotes): 12 px on a phone's chart, 13 px on the wide one, which
 * wide screens draw up to about 1.1× in a window 900 px tall: 14 px or more as read.
 */
export function smallFontSize(width: number): number {
  return width >= chartWidths.wide ? 13 : 12;
}

/** Shared Plot options: system CJK fonts, readable size, no web fonts. */
export function baseStyle(): Record<string, string> {
  return { fontFamily: fontStack, fontSize: `${chartFontSize}px`, color: palette.ink, background: palette.background };
}

/** The frame every chart shares: the document to draw in, size, side margins and type. */
export function plotFrame(document: Document, width: number, height: number, marginTop: number, marginBottom: number) {
  return { document, width, height, marginTop, marginBottom, marginLeft: 8, marginRight: 8, style: baseStyle() };
}

/**
 * The ids of one drawing: chart, language and width, and for a group of rows (stepped reveals on a
 * phone) the group's keys, so the whole chart and its groups can share a page without sharing ids.
 */
export function drawingId(chartId: string, options: { lang: string; width: number; rows?: readonly string[] }): string {
  const base = `${chartId}-${options.lang}-${options.width}`;
  if (!options.rows) return base;
  let hash = 0;
  for (const char of options.rows.join(' ')) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `${base}-g${hash.toString(36)}`;
}

/** The rows of a chart to draw: those a group names (in the chart's order), or all of them. */
export function rowsInGroup<T>(all: T[], key: (row: T) => string, group: readonly string[] | undefined): T[] {
  if (!group) return all;
  const wanted = new Set(group);
  const rows = all.filter((row) => wanted.has(key(row)));
  if (rows.length === 0) throw new Error(`invalid rows: none of ${group.join(', ')} is drawn by this chart`);
  return rows;
}

/** The extent of some values and zero: the whole chart's scale, kept when only a group of its rows is drawn. */
export function extentWithZero(values: number[]): [number, number] {
  return [Math.min(0, ...values), Math.max(0, ...values)];
}

interface TagOptions {
  /** Make each element a keyboard stop with this accessible name. */
  label?: (index: number) => string;
}

/**
 * Tick values as d3's linear scale picks them (steps of 1, 2 or 5 × 10^k, about `count` of them),
 * worked out here so that the axis and the row rules (rowRules) are drawn at the same values.
 */
export function niceTicks([start, stop]: [number, number], count: number): number[] {
  if (!(stop > start) || count <= 0) return [start];
  const rough = (stop - start) / count;
  const power = Math.floor(Math.log10(rough));
  const error = rough / 10 ** power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  const step = factor * 10 ** power;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const ticks: number[] = [];
  for (let i = Math.ceil(start / step); i <= Math.floor(stop / step); i++)
    ticks.push(Number((i * step).toFixed(decimals)));
  return ticks;
}

/**
 * The x grid and the zero line of a row chart, drawn across each row's band only (where its marks
 * are), never through the rows' names, which sit above or beside the band: a rule through a
 * name's words reads as a strike-through, and a halo does not hide it between the words. `rows`
 * are the y values that carry marks (rows with only words get no rules); pass the same `ticks`
 * to the x axis.
 */
export function rowRules(rows: readonly string[], ticks: readonly number[], zero: { stroke: string }): Plot.Markish[] {
  const grid = rows.flatMap((y) => ticks.map((x) => ({ x, y })));
  return [
    Plot.ruleX(grid, { x: 'x', y: 'y', stroke: 'currentColor', strokeOpacity: 0.1, ariaLabel: 'x-grid' }),
    Plot.ruleX(
      rows.map((y) => ({ x: 0, y })),
      { x: 'x', y: 'y', stroke: zero.stroke },
    ),
  ];
}

/**
 * Each row's name above its row, from the frame's left edge (rows keyed by `label` on the y scale),
 * clear of the row's band: the band is where the rules run (rowRules), so none crosses the name.
 */
export function rowNames<Row extends { label: string }>(rows: Row[], keys: (index: number) => string): Plot.Text {
  return Plot.text(rows, {
    y: 'label',
    text: 'label',
    frameAnchor: 'left',
    textAnchor: 'start',
    dy: -22,
    fontWeight: 600,
    fill: palette.ink,
    // A halo of the background, for a long name that runs near a neighbouring row's value label.
    stroke: palette.background,
    strokeWidth: 4,
    render: tagWith(keys),
  });
}

/**
 * The key of a chart that sets 2024 results (●) beside 2025 targets (◆): two labels above the
 * plot, each `dx` from the frame's left edge.
 */
export function yearKey(text: { actual2024: string; target2025: string }, dx: { actual: number; target: number }) {
  return [
    Plot.text([text.actual2024], {
      frameAnchor: 'top-left',
      dx: dx.actual,
      dy: -36,
      fill: palette.actual2024,
      fontWeight: 600,
      text: (d: string) => `● ${d}`,
    }),
    Plot.text([text.target2025], {
      frameAnchor: 'top-left',
      dx: dx.target,
      dy: -36,
      fill: palette.ink,
      fontWeight: 600,
      text: (d: string) => `◆ ${d}`,
    }),
  ];
}

/**
 * A render hook that stamps each drawn element with its metric id (data-key), so the page can
 * highlight marks per story step with CSS, and optionally makes it focusable with a name.
 */
export function tagWith(keys: (index: number) => string, options: TagOptions = {}): RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const group = next!(index, scales, values, dimensions, context)!;
    // Plot puts arrow-head <marker>s in the same group as the marks; only the marks map to data.
    const elements = Array.from(group.children).filter(
      (child) => !['title', 'marker', 'defs'].includes(child.tagName.toLowerCase()),
    );
    Array.from(index).forEach((datumIndex, position) => {
      const element = elements[position];
      if (!element) return;
      element.setAttribute('data-key', keys(datumIndex));
      if (options.label) {
        element.setAttribute('tabindex', '0');
        element.setAttribute('role', 'img');
        element.setAttribute('aria-label', options.label(datumIndex));
      }
    });
    return group;
  };
}

/**
 * Make Plot's output pass axe and carry its own source line: labelled groups get role=group,
 * decorative axes are hidden, and a source line is drawn inside the SVG so exports keep it.
 */
export function finishSvg(
  svg: SVGSVGElement,
  options: { label: string; source: string; document: Document; idPrefix: string },
): SVGSVGElement {
  const { document } = options;
  renumberIds(svg, options.idPrefix);
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', options.label);
  svg.removeAttribute('aria-description');
  for (const group of Array.from(svg.querySelectorAll('g[aria-label]'))) {
    if (group.getAttribute('aria-hidden') !== 'true') group.setAttribute('role', 'group');
  }
  for (const group of Array.from(
    svg.querySelectorAll('g[aria-label$="axis tick label"], g[aria-label$="grid"], g[aria-label="rule"]'),
  )) {
    group.setAttribute('aria-hidden', 'true');
    group.removeAttribute('role');
  }
  // Plot writes font-variant as an attribute, which is not an SVG presentation attribute (the
  // HTML checker refuses it); as a style it does what was meant.
  for (const element of Array.from(svg.querySelectorAll('[font-variant]'))) {
    const value = element.getAttribute('font-variant')!;
    element.removeAttribute('font-variant');
    element.setAttribute('style', `${element.getAttribute('style') ?? ''}font-variant-numeric:${value};`);
  }
  rovingTabStops(svg);
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const sourceHeight = 26;
  const source = document.createElementNS('http://www.w3.org/2000/svg', 'text');
  source.setAttribute('x', '0');
  source.setAttribute('y', String(height + sourceHeight - 8));
  source.setAttribute('text-anchor', 'start');
  source.setAttribute('fill', palette.muted);
  source.setAttribute('font-size', String(smallFontSize(width)));
  source.setAttribute('class', 'chart-source');
  source.textContent = options.source;
  svg.appendChild(source);
  svg.setAttribute('height', String(height + sourceHeight));
  svg.setAttribute('viewBox', `0 0 ${width} ${height + sourceHeight}`);
  return svg;
}

/**
 * One tab stop per chart: its first named mark takes Tab, the others are reached with the arrow
 * keys (src/figure/roving.ts moves the stop), so a keyboard reader does not pass through every
 * mark of every chart on the way to the next paragraph. Without the script the first mark is
 * still reachable, and the data table under each chart holds every value.
 */
export function rovingTabStops(svg: Element): void {
  Array.from(svg.querySelectorAll('[tabindex]')).forEach((mark, index) =>
    mark.setAttribute('tabindex', index === 0 ? '0' : '-1'),
  );
}

/**
 * Plot numbers marker and clip ids from a global counter, so the same chart would differ between
 * renders and two charts on a page could share an id. Give them stable, chart-scoped names.
 */
function renumberIds(svg: SVGSVGElement, prefix: string): void {
  const renamed = new Map<string, string>();
  Array.from(svg.querySelectorAll('[id]')).forEach((element, index) => {
    const next = `${prefix}-${index}`;
    renamed.set(element.getAttribute('id')!, next);
    element.setAttribute('id', next);
  });
  if (renamed.size === 0) return;
  for (const element of Array.from(svg.querySelectorAll('*'))) {
    for (const attribute of ['marker-start', 'marker-mid', 'marker-end', 'clip-path', 'mask', 'fill', 'href']) {
      const value = element.getAttribute(attribute);
      const match = value?.match(/#([^)\s]+)/);
      if (value && match && renamed.has(match[1]!))
        element.setAttribute(attribute, value.replace(`#${match[1]}`, `#${renamed.get(match[1]!)}`));
    }
  }
}
