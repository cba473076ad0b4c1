import QRCode from 'qrcode';
import type { Dataset } from '../data/types';
import type { StoryContent } from '../content/types';
import { fillCopy } from '../story/fill';
import { palette } from '../design/tokens';
import { IMAGE_FONT_FAMILY } from './fonts';
import { wrapText, type PreparedChart } from './share-images';

/**
 * The WeChat poster: WeChat's own share card needs its JS-SDK and a signed server, which a static
 * site does not have, so readers get a tall image to save and post instead: the story's findings
 * (filled from the dataset), its 2024 key numbers, the headline chart and a QR code of the story.
 */
export const POSTER_WIDTH = 1080;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The QR code of a URL as SVG rects of dark modules, with a four-module quiet zone. */
export function qrSvg(url: string, x: number, y: number, size: number): string {
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
  return `<g transform="translate(${x} ${y})"><rect width="${size}" height="${size}" fill="#ffffff"/>` +
    `<path transform="scale(${cell})" d="${cells.join('')}" fill="#000000" shape-rendering="crispEdges"/></g>`;
}

export interface PosterInput {
  dataset: Dataset;
  content: StoryContent;
  chart: PreparedChart;
  storyUrl: string;
}

/** The poster as SVG, 1080 px wide and as tall as its content. */
export function posterSvg({ dataset, content, chart, storyUrl }: PosterInput): { svg: string; width: number; height: number } {
  const { lang } = content;
  const pad = 72;
  const inner = POSTER_WIDTH - 2 * pad;
  const parts: string[] = [];
  let y = 12 + pad;
  const text = (lines: string[], size: number, lineHeight: number, attrs: string, x = pad) => {
    lines.forEach((line, i) => parts.push(`<text x="${x}" y="${(y + size + i * lineHeight).toFixed(1)}" font-family="${IMAGE_FONT_FAMILY}" font-size="${size}" ${attrs}>${escapeXml(line)}</text>`));
    y += lines.length * lineHeight;
  };
  const hero = content.blocks.find((block) => block.type === 'hero');
  const kpis = content.blocks.find((block) => block.type === 'kpis');
  if (hero?.type === 'hero') text(wrapText(hero.kicker, 28, inner), 28, 38, `fill="${palette.muted}"`);
  y += 12;
  text(wrapText(content.meta.title, 60, inner), 60, 76, `font-weight="700" fill="${palette.ink}"`);
  y += 36;
  text([content.share.posterFindingsHeading], 34, 46, `font-weight="700" fill="${palette.accent}"`);
  y += 8;
  for (const finding of content.share.posterFindings) {
    const lines = wrapText(fillCopy(finding, dataset, lang), 30, inner - 36);
    parts.push(`<circle cx="${pad + 8}" cy="${y + 20}" r="7" fill="${palette.accent}"/>`);
    text(lines, 30, 44, `fill="${palette.ink}"`, pad + 36);
    y += 14;
  }
  if (kpis?.type === 'kpis') {
    y += 24;
    text([content.share.posterKpiHeading], 34, 46, `font-weight="700" fill="${palette.accent}"`);
    y += 12;
    const columnWidth = inner / 2;
    for (let i = 0; i < kpis.items.length; i += 2) {
      const rowTop = y;
      let rowBottom = y;
      for (const [column, item] of kpis.items.slice(i, i + 2).entries()) {
        y = rowTop;
        const x = pad + column * columnWidth;
        text(wrapText(fillCopy(item.value, dataset, lang), 52, columnWidth - 24), 52, 62, `font-weight="700" fill="${palette.ink}"`, x);
        text(wrapText(fillCopy(item.caption, dataset, lang), 26, columnWidth - 24), 26, 34, `fill="${palette.muted}"`, x);
        rowBottom = Math.max(rowBottom, y);
      }
      y = rowBottom + 28;
    }
  }
  y += 12;
  const scale = inner / chart.width;
  parts.push(chart.markup.light.replace(/^<svg\b([^>]*)>/, (_whole, attrs: string) =>
    `<svg${attrs.replace(/\s(x|y|width|height|style|class|role|aria-label)="[^"]*"/g, '')} x="${pad}" y="${y}" width="${inner}" height="${(chart.height * scale).toFixed(2)}" color="${palette.ink}">`));
  y += chart.height * scale + 8;
  text(wrapText(chart.source, 22, inner), 22, 30, `fill="${palette.muted}"`);
  y += 32;
  parts.push(`<line x1="${pad}" x2="${POSTER_WIDTH - pad}" y1="${y}" y2="${y}" stroke="${palette.faint}" stroke-width="2"/>`);
  y += 32;
  const qrSize = 240;
  const qrTop = y;
  parts.push(qrSvg(storyUrl, pad, qrTop, qrSize));
  const textX = pad + qrSize + 32;
  const textWidth = inner - qrSize - 32;
  y = qrTop + 24;
  text(wrapText(content.share.posterScan, 32, textWidth), 32, 44, `font-weight="700" fill="${palette.ink}"`, textX);
  y += 8;
  text(wrapText(storyUrl, 22, textWidth), 22, 30, `fill="${palette.accent}"`, textX);
  y += 8;
  text(wrapText(content.share.credit, 22, textWidth), 22, 30, `fill="${palette.muted}"`, textX);
  y = Math.max(y, qrTop + qrSize) + pad;
  const height = Math.round(y);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${POSTER_WIDTH}" height="${height}" viewBox="0 0 ${POSTER_WIDTH} ${height}" font-family="${IMAGE_FONT_FAMILY}">` +
    `<rect width="100%" height="100%" fill="${palette.background}"/><rect width="${POSTER_WIDTH}" height="12" fill="${palette.accent}"/>${parts.join('')}</svg>`;
  return { svg, width: POSTER_WIDTH, height };
}
