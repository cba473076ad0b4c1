import { renderAsync } from '@resvg/resvg-js';
import type { ImageTheme } from '../routes/routes';
export type { ImageTheme };
import { palettes } from '../design/tokens';
import { applyTheme } from '../design/theme';
import { IMAGE_FONT_FAMILY } from './fonts';
import { svg as svgEl, SVG_NS, toXml, type Attrs } from '../dom/html';
import { newDocument } from '../dom/document-node';
import { wrapText } from '../charts/wrap-text';

/**
 * Build-time images of the charts: share cards (1200×630, for og:image), print images (1× and 2×,
 * light and dark) and the frame they share. Everything here turns a chart's own SVG, the same one
 * the story and the embeds show, into a framed SVG built as nodes (the chart nested as a node) and
 * serialised by the one serializer; `renderPng` rasterises it with resvg.
 */

export const SHARE_WIDTH = 1200;
export const SHARE_HEIGHT = 630;

export const IMAGE_THEMES: readonly ImageTheme[] = ['light', 'dark'];

/** The frame's colours: the design tokens of each theme, as the pages use them. */
export const THEME_COLOURS: Record<
  ImageTheme,
  { background: string; ink: string; muted: string; rule: string; accent: string }
> = Object.fromEntries(
  IMAGE_THEMES.map((theme) => [
    theme,
    {
      background: palettes[theme].background,
      ink: palettes[theme].ink,
      muted: palettes[theme].muted,
      rule: palettes[theme].faint,
      accent: palettes[theme].accent,
    },
  ]),
) as Record<ImageTheme, { background: string; ink: string; muted: string; rule: string; accent: string }>;

export interface PreparedChart {
  /** The chart's <svg> element in each theme, ready to nest: every text names the image font. */
  svg: Record<ImageTheme, SVGSVGElement>;
  width: number;
  height: number;
  /** The chart's own source line(s), lifted out so the frame can set them. */
  source: string;
}

/**
 * Readies a freshly rendered chart SVG (it is changed in place) for resvg: the image font on every
 * text element and on the root, no CSS font stacks, no <style> (resvg ignores Plot's :where rules
 * anyway), and the source line taken out for the frame.
 */
export function prepareChart(svg: SVGSVGElement): PreparedChart {
  const sources = Array.from(svg.querySelectorAll('.chart-source'));
  const source = sources
    .map((element) => (element.textContent ?? '').trim())
    .filter(Boolean)
    .join(' ');
  for (const element of sources) element.remove();
  for (const element of Array.from(svg.querySelectorAll('style, title'))) element.remove();
  for (const element of [svg, ...Array.from(svg.querySelectorAll('*'))]) {
    const style = element.getAttribute('style');
    if (style && /font-family/i.test(style)) {
      element.setAttribute('style', style.replace(/font-family\s*:\s*("[^"]*"|'[^']*'|[^;"'])*;?/gi, ''));
    }
    if (element.hasAttribute('font-family') || element === svg || /^(text|tspan)$/i.test(element.tagName)) {
      element.setAttribute('font-family', IMAGE_FONT_FAMILY);
    }
  }
  svg.setAttribute('xmlns', SVG_NS);
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  if (!(width > 0 && height > 0)) throw new Error('chart SVG has no width and height');
  // Dark: the same recolouring the pages and the PNG button apply (src/design/theme.ts).
  const dark = svg.cloneNode(true) as SVGSVGElement;
  applyTheme(dark, 'dark');
  return { svg: { light: svg, dark }, width, height, source };
}

/** Characters that may not start a line in Chinese (closing punctuation). */

/** A framed image: its SVG as XML for resvg, its text (for the font subset) and its size. */
export interface FramedImage {
  svg: string;
  text: string;
  width: number;
  height: number;
}

/** An image's root <svg> in a document of its own, on its background, in the image font. */
function imageFrame(width: number, height: number, background: string): { document: Document; root: SVGElement } {
  const document = newDocument();
  const root = svgEl(
    document,
    'svg',
    { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': IMAGE_FONT_FAMILY },
    svgEl(document, 'rect', { width: '100%', height: '100%', fill: background }),
  );
  return { document, root };
}

/** Sets an image's size once its content is placed (images as tall as their content). */
function setImageSize(root: SVGElement, width: number, height: number): void {
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
}

/** The frame serialised by the one serializer (XML: resvg is an XML parser), with its text for the font subset. */
export function framed(root: SVGElement, width: number, height: number): FramedImage {
  return { svg: toXml(root), text: root.textContent ?? '', width, height };
}

/** Lines of text, one <text> each, `lineHeight` apart from a first baseline at y. */
function textLines(
  document: Document,
  lines: string[],
  x: number,
  y: number,
  fontSize: number,
  lineHeight: number,
  attrs: Attrs,
): SVGElement[] {
  return lines.map((line, i) =>
    svgEl(
      document,
      'text',
      { x, y: (y + i * lineHeight).toFixed(1), 'font-family': IMAGE_FONT_FAMILY, 'font-size': fontSize, ...attrs },
      line,
    ),
  );
}

/** The chart's <svg>, imported as a node into the frame's document and placed in a box. */
function nestChart(
  document: Document,
  chart: PreparedChart,
  theme: ImageTheme,
  place: { x: number; y: number; width: number; height: number; align?: boolean },
): SVGElement {
  const nested = document.importNode(chart.svg[theme], true) as SVGElement;
  for (const name of ['x', 'y', 'width', 'height', 'style', 'class', 'role', 'aria-label'])
    nested.removeAttribute(name);
  nested.setAttribute('x', place.x.toFixed(2));
  nested.setAttribute('y', place.y.toFixed(2));
  nested.setAttribute('width', place.width.toFixed(2));
  nested.setAttribute('height', place.height.toFixed(2));
  nested.setAttribute('color', palettes[theme].ink);
  if (place.align) nested.setAttribute('preserveAspectRatio', 'xMidYMin meet');
  return nested;
}

/** The chart scaled to fit a box and centred in it. */
function fitChart(
  document: Document,
  chart: PreparedChart,
  box: { x: number; y: number; width: number; height: number },
  theme: ImageTheme,
): SVGElement {
  const scale = Math.min(box.width / chart.width, box.height / chart.height);
  const width = chart.width * scale;
  return nestChart(document, chart, theme, {
    x: box.x + (box.width - width) / 2,
    y: box.y,
    width,
    height: chart.height * scale,
    align: true,
  });
}

export interface FrameText {
  title: string;
  subtitle?: string;
  /** Defaults to the chart's own source line. */
  source?: string;
  credit?: string;
}

/** A 1200×630 card: title, the chart as large as fits, the source line. For og:image and twitter:image. */
export function shareCardSvg(chart: PreparedChart, text: FrameText, theme: ImageTheme = 'light'): FramedImage {
  const colours = THEME_COLOURS[theme];
  const pad = 48;
  const inner = SHARE_WIDTH - 2 * pad;
  let titleSize = 44;
  let titleLines = wrapText(text.title, titleSize, inner);
  while (titleLines.length > 2 && titleSize > 28) {
    titleSize -= 4;
    titleLines = wrapText(text.title, titleSize, inner);
  }
  const titleLineHeight = Math.round(titleSize * 1.25);
  const sourceSize = 20;
  const footer = [text.source ?? chart.source, text.credit].filter(Boolean).join(' · ');
  const sourceLines = wrapText(footer, sourceSize, inner);
  const sourceLineHeight = 26;
  const titleTop = pad + titleSize;
  const chartTop = pad + titleLines.length * titleLineHeight + 16;
  const footerTop = SHARE_HEIGHT - pad + 8 - (sourceLines.length - 1) * sourceLineHeight;
  const chartBox = { x: pad, y: chartTop, width: inner, height: footerTop - sourceSize - 16 - chartTop };
  if (chartBox.height < 200)
    throw new Error(`title "${text.title}" leaves too little room for the chart on the share card`);
  const { document, root } = imageFrame(SHARE_WIDTH, SHARE_HEIGHT, colours.background);
  root.append(
    svgEl(document, 'rect', { x: 0, y: 0, width: SHARE_WIDTH, height: 8, fill: colours.accent }),
    ...textLines(document, titleLines, pad, titleTop, titleSize, titleLineHeight, {
      'font-weight': 700,
      fill: colours.ink,
    }),
    fitChart(document, chart, chartBox, theme),
    ...textLines(document, sourceLines, pad, footerTop, sourceSize, sourceLineHeight, { fill: colours.muted }),
  );
  return framed(root, SHARE_WIDTH, SHARE_HEIGHT);
}

/** A print/newsletter image: title, subtitle, the chart at its own size, source and credit, with a margin. */
export function printImageSvg(chart: PreparedChart, text: FrameText, theme: ImageTheme): FramedImage {
  const colours = THEME_COLOURS[theme];
  const margin = 32;
  const width = Math.round(chart.width + 2 * margin);
  const inner = chart.width;
  const titleSize = 22;
  const subtitleSize = 15;
  const smallSize = 12;
  const titleLines = wrapText(text.title, titleSize, inner);
  const subtitleLines = text.subtitle ? wrapText(text.subtitle, subtitleSize, inner) : [];
  const sourceLines = wrapText(text.source ?? chart.source, smallSize, inner);
  const creditLines = text.credit ? wrapText(text.credit, smallSize, inner) : [];
  let y = margin;
  // As tall as its content: the height is set once everything is placed.
  const { document, root } = imageFrame(width, 0, colours.background);
  const parts: SVGElement[] = [];
  parts.push(
    ...textLines(document, titleLines, margin, y + titleSize, titleSize, 30, { 'font-weight': 700, fill: colours.ink }),
  );
  y += titleLines.length * 30;
  if (subtitleLines.length) {
    parts.push(
      ...textLines(document, subtitleLines, margin, y + 4 + subtitleSize, subtitleSize, 21, { fill: colours.muted }),
    );
    y += 4 + subtitleLines.length * 21;
  }
  y += 16;
  parts.push(
    nestChart(document, chart, theme, { x: margin, y, width: chart.width, height: chart.height, align: true }),
  );
  y += chart.height + 8;
  parts.push(svgEl(document, 'line', { x1: margin, x2: width - margin, y1: y, y2: y, stroke: colours.rule }));
  y += 6;
  parts.push(...textLines(document, sourceLines, margin, y + smallSize, smallSize, 17, { fill: colours.muted }));
  y += sourceLines.length * 17;
  parts.push(...textLines(document, creditLines, margin, y + smallSize, smallSize, 17, { fill: colours.muted }));
  y += creditLines.length * 17;
  const height = Math.round(y + margin);
  root.append(...parts);
  setImageSize(root, width, height);
  return framed(root, width, height);
}

/** Rasterises a framed SVG with only the given font files (no system fonts: nothing to fall back on). */
export async function renderPng(
  svg: string,
  fontFiles: string[],
  zoom = 1,
): Promise<{ png: Buffer; width: number; height: number }> {
  const image = await renderAsync(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles,
      defaultFontFamily: IMAGE_FONT_FAMILY,
      sansSerifFamily: IMAGE_FONT_FAMILY,
    },
    fitTo: zoom === 1 ? { mode: 'original' } : { mode: 'zoom', value: zoom },
    logLevel: 'off',
  });
  return { png: image.asPng(), width: image.width, height: image.height };
}
