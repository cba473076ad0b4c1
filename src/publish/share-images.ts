import { renderAsync } from '@resvg/resvg-js';
import { palettes } from '../design/tokens';
import { applyTheme } from '../design/theme';
import type { Lang } from '../data/types';
import { IMAGE_FONT_FAMILY } from './fonts';
import { toXml } from '../dom/html';

/**
 * Build-time images of the charts: share cards (1200×630, for og:image), print images (1× and 2×,
 * light and dark) and the frame they share. Everything here turns a chart's own SVG, the same one
 * the story and the embeds show, into a framed SVG string; `renderPng` rasterises it with resvg.
 */

export const SHARE_WIDTH = 1200;
export const SHARE_HEIGHT = 630;

export type ImageTheme = 'light' | 'dark';
export const IMAGE_THEMES: readonly ImageTheme[] = ['light', 'dark'];

/** The frame's colours: the design tokens of each theme, as the pages use them. */
export const THEME_COLOURS: Record<ImageTheme, { background: string; ink: string; muted: string; rule: string; accent: string }> =
  Object.fromEntries(IMAGE_THEMES.map((theme) => [theme, {
    background: palettes[theme].background, ink: palettes[theme].ink, muted: palettes[theme].muted, rule: palettes[theme].faint, accent: palettes[theme].accent,
  }])) as Record<ImageTheme, { background: string; ink: string; muted: string; rule: string; accent: string }>;

export interface PreparedChart {
  /** The chart's <svg> element in each theme, ready to nest: every text names the image font. */
  markup: Record<ImageTheme, string>;
  width: number;
  height: number;
  /** The chart's own source line(s), lifted out so the frame can set them. */
  source: string;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Readies a freshly rendered chart SVG (it is changed in place) for resvg: the image font on every
 * text element and on the root, no CSS font stacks, no <style> (resvg ignores Plot's :where rules
 * anyway), and the source line taken out for the frame.
 */
export function prepareChart(svg: SVGSVGElement): PreparedChart {
  const sources = Array.from(svg.querySelectorAll('.chart-source'));
  const source = sources.map((element) => (element.textContent ?? '').trim()).filter(Boolean).join(' ');
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
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  if (!(width > 0 && height > 0)) throw new Error('chart SVG has no width and height');
  // XML, not HTML, serialization: resvg is an XML parser ("<" and "&" in attributes must be escaped).
  const serialize = (element: Element) => toXml(element).replace(/^<\?xml[^>]*\?>\s*/, '').trim();
  // Dark: the same recolouring the pages and the PNG button apply (src/design/theme.ts).
  const dark = svg.cloneNode(true) as SVGSVGElement;
  applyTheme(dark, 'dark');
  return { markup: { light: serialize(svg), dark: serialize(dark) }, width, height, source };
}

/** Rough advance of a string in em: CJK and full-width forms are square, Latin about half. Errs wide. */
export function estimateWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code >= 0x2e80 || (code >= 0x2000 && code <= 0x206f && character !== ' ')) em += code >= 0x2000 && code <= 0x206f ? 0.7 : 1;
    else if (character === ' ') em += 0.3;
    else if (/[A-Z0-9%@&MW]/.test(character)) em += 0.66;
    else if (/[il.,:;'|!]/.test(character)) em += 0.3;
    else em += 0.56;
  }
  return em * fontSize;
}

/** Characters that may not start a line in Chinese (closing punctuation). */
const NO_LINE_START = /^[，。、；：？！）》」』”’…%·]/;

/** Breaks text into lines no wider than maxWidth: between words in English, between characters in Chinese. */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const tokens = text.match(/[A-Za-z0-9.,:;'’%()\-–+−/&]+\s*|\s+|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line + token;
    if (line !== '' && estimateWidth(candidate.trimEnd(), fontSize) > maxWidth && !NO_LINE_START.test(token)) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line = candidate;
    }
    // A single Latin word wider than the line: break it by character. (A line kept long so that
    // it does not start with closing punctuation is not cut: that would start the next with it.)
    const oneToken = line === token.trimStart();
    while (oneToken && estimateWidth(line.trimEnd(), fontSize) > maxWidth && line.length > 1 && [...line].length > 1) {
      const chars = [...line];
      let cut = chars.length - 1;
      while (cut > 1 && estimateWidth(chars.slice(0, cut).join(''), fontSize) > maxWidth) cut--;
      lines.push(chars.slice(0, cut).join(''));
      line = chars.slice(cut).join('');
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

function textLines(lines: string[], x: number, y: number, fontSize: number, lineHeight: number, attrs: string): string {
  return lines.map((line, i) =>
    `<text x="${x}" y="${(y + i * lineHeight).toFixed(1)}" font-family="${IMAGE_FONT_FAMILY}" font-size="${fontSize}" ${attrs}>${escapeXml(line)}</text>`).join('');
}

/** The chart nested into a box, scaled to fit and centred, in the theme's colours. */
function nestChart(chart: PreparedChart, box: { x: number; y: number; width: number; height: number }, theme: ImageTheme): string {
  const scale = Math.min(box.width / chart.width, box.height / chart.height);
  const width = chart.width * scale;
  const height = chart.height * scale;
  const x = box.x + (box.width - width) / 2;
  const y = box.y;
  return chart.markup[theme].replace(/^<svg\b([^>]*)>/, (_whole, attrs: string) => {
    const kept = attrs.replace(/\s(x|y|width|height|style|class|role|aria-label)="[^"]*"/g, '');
    return `<svg${kept} x="${x.toFixed(2)}" y="${y.toFixed(2)}" width="${width.toFixed(2)}" height="${height.toFixed(2)}" color="${palettes[theme].ink}" preserveAspectRatio="xMidYMin meet">`;
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
export function shareCardSvg(chart: PreparedChart, text: FrameText, theme: ImageTheme = 'light'): string {
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
  if (chartBox.height < 200) throw new Error(`title "${text.title}" leaves too little room for the chart on the share card`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_WIDTH}" height="${SHARE_HEIGHT}" viewBox="0 0 ${SHARE_WIDTH} ${SHARE_HEIGHT}" font-family="${IMAGE_FONT_FAMILY}">` +
    `<rect width="100%" height="100%" fill="${colours.background}"/>` +
    `<rect x="0" y="0" width="${SHARE_WIDTH}" height="8" fill="${colours.accent}"/>` +
    textLines(titleLines, pad, titleTop, titleSize, titleLineHeight, `font-weight="700" fill="${colours.ink}"`) +
    nestChart(chart, chartBox, theme) +
    textLines(sourceLines, pad, footerTop, sourceSize, sourceLineHeight, `fill="${colours.muted}"`) +
    '</svg>';
}

/** A print/newsletter image: title, subtitle, the chart at its own size, source and credit, with a margin. */
export function printImageSvg(chart: PreparedChart, text: FrameText, theme: ImageTheme): { svg: string; width: number; height: number } {
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
  const parts: string[] = [];
  parts.push(textLines(titleLines, margin, y + titleSize, titleSize, 30, `font-weight="700" fill="${colours.ink}"`));
  y += titleLines.length * 30;
  if (subtitleLines.length) {
    parts.push(textLines(subtitleLines, margin, y + 4 + subtitleSize, subtitleSize, 21, `fill="${colours.muted}"`));
    y += 4 + subtitleLines.length * 21;
  }
  y += 16;
  parts.push(nestChart(chart, { x: margin, y, width: chart.width, height: chart.height }, theme));
  y += chart.height + 8;
  parts.push(`<line x1="${margin}" x2="${width - margin}" y1="${y}" y2="${y}" stroke="${colours.rule}"/>`);
  y += 6;
  parts.push(textLines(sourceLines, margin, y + smallSize, smallSize, 17, `fill="${colours.muted}"`));
  y += sourceLines.length * 17;
  parts.push(textLines(creditLines, margin, y + smallSize, smallSize, 17, `fill="${colours.muted}"`));
  y += creditLines.length * 17;
  const height = Math.round(y + margin);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${IMAGE_FONT_FAMILY}">` +
    `<rect width="100%" height="100%" fill="${colours.background}"/>${parts.join('')}</svg>`;
  return { svg, width, height };
}

/** Rasterises a framed SVG with only the given font files (no system fonts: nothing to fall back on). */
export async function renderPng(svg: string, fontFiles: string[], zoom = 1): Promise<{ png: Buffer; width: number; height: number }> {
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: IMAGE_FONT_FAMILY, sansSerifFamily: IMAGE_FONT_FAMILY },
    fitTo: zoom === 1 ? { mode: 'original' } : { mode: 'zoom', value: zoom },
    logLevel: 'off',
  });
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Where the images live, relative to the site root. */
export const imagePaths = {
  storyShare: (lang: Lang) => `share/story-${lang}.png`,
  chartShare: (chartId: string, lang: Lang) => `share/${chartId}-${lang}.png`,
  print: (chartId: string, lang: Lang, theme: ImageTheme, scale: 1 | 2) => `${lang === 'en' ? 'en/' : ''}embed/${chartId}/${chartId}-${theme}${scale === 2 ? '@2x' : ''}.png`,
  poster: (lang: Lang) => `share/poster-${lang}.png`,
};
