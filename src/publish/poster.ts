import QRCode from 'qrcode';
import { DOMParser, parseHTML } from 'linkedom';
import type { Dataset } from '../data/types';
import type { StoryContent } from '../content/types';
import { fillCopy } from '../story/fill';
import { palette } from '../design/tokens';
import { svg } from '../dom/html';
import { IMAGE_FONT_FAMILY } from './fonts';
import { framed, type FramedImage, type PreparedChart } from './share-images';
import { wrapText } from '../charts/wrap-text';
import { storyCard } from './headline-card';
import { estimateTextWidth } from '../design/text-width';

/**
 * The WeChat poster: WeChat's own share card needs its JS-SDK and a signed server, which a static
 * site does not have, so readers get a tall image to save and post instead. It leads with the
 * story's finding (the same computed sentence as the story's share card and the lede's counts),
 * draws those counts as bars, then the supporting findings, the 2024 key numbers and a QR code of
 * the story. Built as nodes (src/dom/html.ts); every text is set as text.
 */
export const POSTER_WIDTH = 1080;
/** A phone shows the poster about this wide (CSS px), and no text on it may read smaller than MIN_PHONE_TEXT. */
export const PHONE_WIDTH = 375;
export const MIN_PHONE_TEXT = 12;
/** The smallest font size on the poster, in poster pixels: 12 px at a phone's 375 px, rounded up. */
const MIN_POSTER_TEXT = Math.ceil((MIN_PHONE_TEXT * POSTER_WIDTH) / PHONE_WIDTH) + 1;

/** Modules of white around the code, as the QR standard asks. */
const QUIET_ZONE = 4;

/**
 * The QR code of a URL as qrcode draws it in SVG (its own path, with the quiet zone), brought into
 * the poster through the one svg() builder: placed at x, y and scaled to size × size.
 */
async function qrCode(document: Document, url: string, x: number, y: number, size: number): Promise<SVGElement> {
  const markup = await QRCode.toString(url, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: QUIET_ZONE,
    color: { dark: '#000000', light: '#ffffff' },
  });
  const drawn = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement as unknown as Element;
  const modules = Number(drawn.getAttribute('viewBox')?.split(' ')[2]);
  const paths: Element[] = Array.from(drawn.querySelectorAll('path'));
  if (!(modules > 0) || paths.length === 0) throw new Error(`qrcode drew no code for ${url}`);
  // A group, not a nested <svg>: the poster's images nest no documents (a chart would bring its small text).
  return svg(
    document,
    'g',
    { transform: `translate(${x} ${y}) scale(${size / modules})`, 'shape-rendering': 'crispEdges' },
    ...paths.map((path) =>
      svg(
        document,
        'path',
        Object.fromEntries(Array.from(path.attributes, (attribute) => [attribute.name, attribute.value])),
      ),
    ),
  );
}

export interface PosterInput {
  dataset: Dataset;
  content: StoryContent;
  /** The story's first chart; its source line is the poster's. */
  chart: PreparedChart;
  storyUrl: string;
}

/** The poster as SVG, 1080 px wide and as tall as its content. */
export async function posterSvg({
  dataset,
  content,
  chart,
  storyUrl,
}: PosterInput): Promise<FramedImage & { finding: string }> {
  const { document } = parseHTML('<!doctype html><html><body></body></html>') as unknown as { document: Document };
  const { lang } = content;
  const pad = 72;
  const inner = POSTER_WIDTH - 2 * pad;
  const body = MIN_POSTER_TEXT + 1;
  const nodes: SVGElement[] = [];
  let y = 12 + pad;
  const text = (lines: string[], size: number, lineHeight: number, attrs: Record<string, string | number>, x = pad) => {
    lines.forEach((line, i) =>
      nodes.push(
        svg(
          document,
          'text',
          {
            x,
            y: (y + size + i * lineHeight).toFixed(1),
            'font-family': IMAGE_FONT_FAMILY,
            'font-size': size,
            ...attrs,
          },
          line,
        ),
      ),
    );
    y += lines.length * lineHeight;
  };
  const hero = content.blocks.find((block) => block.type === 'hero');
  const kpis = content.blocks.find((block) => block.type === 'kpis');
  if (hero?.type === 'hero')
    text(wrapText(hero.kicker, body, inner), body, Math.round(body * 1.35), { fill: palette.muted });
  y += 12;
  text(wrapText(content.meta.title, 52, inner), 52, 66, { 'font-weight': 700, fill: palette.ink });
  y += 32;
  // The finding, as the story's share card states it, and its three counts as bars.
  const card = storyCard(dataset, content);
  text(wrapText(card.finding, 64, inner), 64, 80, { 'font-weight': 700, fill: palette.ink, class: 'poster-finding' });
  y += 28;
  const labelWidth = Math.max(...card.rows.map((row) => estimateTextWidth(row.label, body))) + 24;
  const valueWidth = Math.max(...card.rows.map((row) => estimateTextWidth(row.value, body))) + 24;
  for (const row of card.rows) {
    const colour = palette[row.colour];
    text([row.label], body, 0, { 'font-weight': 700, fill: palette.ink });
    const barWidth = Math.max(6, (inner - labelWidth - valueWidth) * (row.share ?? 0));
    nodes.push(
      svg(document, 'rect', { x: pad + labelWidth, y: y + 8, width: barWidth.toFixed(1), height: body, fill: colour }),
    );
    nodes.push(
      svg(
        document,
        'text',
        {
          x: POSTER_WIDTH - pad,
          y: y + body,
          'text-anchor': 'end',
          'font-family': IMAGE_FONT_FAMILY,
          'font-size': body,
          'font-weight': 700,
          fill: colour,
        },
        row.value,
      ),
    );
    y += body + 26;
  }
  y += 24;
  text([content.share.posterFindingsHeading], 40, 52, { 'font-weight': 700, fill: palette.accent });
  y += 8;
  for (const finding of content.share.posterFindings) {
    nodes.push(svg(document, 'circle', { cx: pad + 8, cy: y + 24, r: 8, fill: palette.accent }));
    text(
      wrapText(fillCopy(finding, dataset, lang), body, inner - 36),
      body,
      Math.round(body * 1.4),
      { fill: palette.ink },
      pad + 36,
    );
    y += 14;
  }
  if (kpis?.type === 'kpis') {
    y += 24;
    text([content.share.posterKpiHeading], 40, 52, { 'font-weight': 700, fill: palette.accent });
    y += 12;
    const columnWidth = inner / 2;
    for (let i = 0; i < kpis.items.length; i += 2) {
      const rowTop = y;
      let rowBottom = y;
      for (const [column, item] of kpis.items.slice(i, i + 2).entries()) {
        y = rowTop;
        const x = pad + column * columnWidth;
        text(
          wrapText(fillCopy(item.value, dataset, lang), 56, columnWidth - 24),
          56,
          66,
          { 'font-weight': 700, fill: palette.ink },
          x,
        );
        text(
          wrapText(fillCopy(item.caption, dataset, lang), body, columnWidth - 24),
          body,
          Math.round(body * 1.3),
          { fill: palette.muted },
          x,
        );
        rowBottom = Math.max(rowBottom, y);
      }
      y = rowBottom + 28;
    }
  }
  text(wrapText(chart.source, body, inner), body, Math.round(body * 1.3), { fill: palette.muted });
  y += 32;
  nodes.push(
    svg(document, 'line', { x1: pad, x2: POSTER_WIDTH - pad, y1: y, y2: y, stroke: palette.faint, 'stroke-width': 2 }),
  );
  y += 32;
  const qrSize = 280;
  const qrTop = y;
  nodes.push(await qrCode(document, storyUrl, pad, qrTop, qrSize));
  const textX = pad + qrSize + 32;
  const textWidth = inner - qrSize - 32;
  y = qrTop + 16;
  text(
    wrapText(content.share.posterScan, body, textWidth),
    body,
    Math.round(body * 1.3),
    { 'font-weight': 700, fill: palette.ink },
    textX,
  );
  y += 8;
  text(wrapText(storyUrl, body, textWidth), body, Math.round(body * 1.3), { fill: palette.accent }, textX);
  y += 8;
  text(wrapText(content.share.credit, body, textWidth), body, Math.round(body * 1.3), { fill: palette.muted }, textX);
  y = Math.max(y, qrTop + qrSize) + pad;
  const height = Math.round(y);
  const root = svg(
    document,
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: POSTER_WIDTH,
      height,
      viewBox: `0 0 ${POSTER_WIDTH} ${height}`,
      'font-family': IMAGE_FONT_FAMILY,
    },
    svg(document, 'rect', { width: '100%', height: '100%', fill: palette.background }),
    svg(document, 'rect', { width: POSTER_WIDTH, height: 12, fill: palette.accent }),
    ...nodes,
  );
  return { ...framed(root, POSTER_WIDTH, height), finding: card.finding };
}
