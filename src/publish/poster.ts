import QRCode from 'qrcode';
import type { Dataset } from '../data/types';
import type { StoryContent } from '../content/types';
import { fillCopy } from '../story/fill';
import { palette } from '../design/tokens';
import { svg as svgEl, type Attrs } from '../dom/html';
import { framed, imageFrame, nestChart, setImageSize, textLines, wrapText, type FramedImage, type PreparedChart } from './share-images';

/**
 * The WeChat poster: WeChat's own share card needs its JS-SDK and a signed server, which a static
 * site does not have, so readers get a tall image to save and post instead: the story's findings
 * (filled from the dataset), its 2024 key numbers, the headline chart and a QR code of the story.
 */
export const POSTER_WIDTH = 1080;

/** The QR code of a URL as a group: a white square and one path of the dark modules, with a four-module quiet zone. */
export function qrCode(document: Document, url: string, x: number, y: number, size: number): SVGElement {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quiet = 4;
  const cell = size / (count + 2 * quiet);
  const cells: string[] = [];
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.modules.get(row, col)) cells.push(`M${col + quiet} ${row + quiet}h1v1h-1z`);
    }
  }
  return svgEl(document, 'g', { transform: `translate(${x} ${y})` },
    svgEl(document, 'rect', { width: size, height: size, fill: '#ffffff' }),
    svgEl(document, 'path', { transform: `scale(${cell})`, d: cells.join(''), fill: '#000000', 'shape-rendering': 'crispEdges' }));
}

export interface PosterInput {
  dataset: Dataset;
  content: StoryContent;
  chart: PreparedChart;
  storyUrl: string;
}

/** The poster as SVG, 1080 px wide and as tall as its content. */
export function posterSvg({ dataset, content, chart, storyUrl }: PosterInput): FramedImage {
  const { lang } = content;
  const pad = 72;
  const inner = POSTER_WIDTH - 2 * pad;
  // As tall as its content: the height is set once everything is placed.
  const { document, root } = imageFrame(POSTER_WIDTH, 0, palette.background);
  root.append(svgEl(document, 'rect', { width: POSTER_WIDTH, height: 12, fill: palette.accent }));
  let y = 12 + pad;
  const text = (lines: string[], size: number, lineHeight: number, attrs: Attrs, x = pad) => {
    root.append(...textLines(document, lines, x, y + size, size, lineHeight, attrs));
    y += lines.length * lineHeight;
  };
  const hero = content.blocks.find((block) => block.type === 'hero');
  const kpis = content.blocks.find((block) => block.type === 'kpis');
  if (hero?.type === 'hero') text(wrapText(hero.kicker, 28, inner), 28, 38, { fill: palette.muted });
  y += 12;
  text(wrapText(content.meta.title, 60, inner), 60, 76, { 'font-weight': 700, fill: palette.ink });
  y += 36;
  text([content.share.posterFindingsHeading], 34, 46, { 'font-weight': 700, fill: palette.accent });
  y += 8;
  for (const finding of content.share.posterFindings) {
    const lines = wrapText(fillCopy(finding, dataset, lang), 30, inner - 36);
    root.append(svgEl(document, 'circle', { cx: pad + 8, cy: y + 20, r: 7, fill: palette.accent }));
    text(lines, 30, 44, { fill: palette.ink }, pad + 36);
    y += 14;
  }
  if (kpis?.type === 'kpis') {
    y += 24;
    text([content.share.posterKpiHeading], 34, 46, { 'font-weight': 700, fill: palette.accent });
    y += 12;
    const columnWidth = inner / 2;
    for (let i = 0; i < kpis.items.length; i += 2) {
      const rowTop = y;
      let rowBottom = y;
      for (const [column, item] of kpis.items.slice(i, i + 2).entries()) {
        y = rowTop;
        const x = pad + column * columnWidth;
        text(wrapText(fillCopy(item.value, dataset, lang), 52, columnWidth - 24), 52, 62, { 'font-weight': 700, fill: palette.ink }, x);
        text(wrapText(fillCopy(item.caption, dataset, lang), 26, columnWidth - 24), 26, 34, { fill: palette.muted }, x);
        rowBottom = Math.max(rowBottom, y);
      }
      y = rowBottom + 28;
    }
  }
  y += 12;
  const scale = inner / chart.width;
  root.append(nestChart(document, chart, 'light', { x: pad, y, width: inner, height: chart.height * scale }));
  y += chart.height * scale + 8;
  text(wrapText(chart.source, 22, inner), 22, 30, { fill: palette.muted });
  y += 32;
  root.append(svgEl(document, 'line', { x1: pad, x2: POSTER_WIDTH - pad, y1: y, y2: y, stroke: palette.faint, 'stroke-width': 2 }));
  y += 32;
  const qrSize = 240;
  const qrTop = y;
  root.append(qrCode(document, storyUrl, pad, qrTop, qrSize));
  const textX = pad + qrSize + 32;
  const textWidth = inner - qrSize - 32;
  y = qrTop + 24;
  text(wrapText(content.share.posterScan, 32, textWidth), 32, 44, { 'font-weight': 700, fill: palette.ink }, textX);
  y += 8;
  text(wrapText(storyUrl, 22, textWidth), 22, 30, { fill: palette.accent }, textX);
  y += 8;
  text(wrapText(content.share.credit, 22, textWidth), 22, 30, { fill: palette.muted }, textX);
  y = Math.max(y, qrTop + qrSize) + pad;
  const height = Math.round(y);
  setImageSize(root, POSTER_WIDTH, height);
  return framed(root, POSTER_WIDTH, height);
}
