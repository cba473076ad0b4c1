import { describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { charts, renderChart } from '../../src/charts/registry';
import { chartWidths } from '../../src/design/tokens';
import { LANGS } from '../../src/content/types';
import { contentByLang } from '../../src/content';
import { estimateTextWidth } from '../../src/design/text-width';
import { newDocument } from '../../src/site/html-document';
import { posterSvg } from '../../src/publish/poster';
import { preparedChart } from '../../src/publish/build-images';
import { storyCard } from '../../src/publish/headline-card';
import { dataset, inputs } from '../support/render';

/**
 * No rule, gridline or axis line runs through a row's name (audit item 15: the zero line and the
 * grid showed between the words of long names). Every registered chart that names rows, in both
 * languages, at each width it is drawn, whole and as a phone step's group of rows; and the poster.
 * A name's box is estimated as the charts lay text out (design/text-width.ts, the estimate wrap-text.ts
 * breaks lines with; a wrapped name's lines are its tspans), a line's ends are read from the SVG.
 */

/** Charts that name no rows in their drawing: the squares of the tally, the FDI bars (years), the map (towns, its own test). */
const NO_ROW_NAMES = new Set(['target-tally', 'fdi-annotated', 'town-map']);

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}
interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  what: string;
}

/** The sum of an element's and its ancestors' translate() transforms (Plot uses no other kind). */
function offset(element: Element): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const match = node.getAttribute('transform')?.match(/translate\(\s*([-\d.e]+)[\s,]+([-\d.e]+)\s*\)/);
    if (match) {
      x += Number(match[1]);
      y += Number(match[2]);
    }
  }
  return { x, y };
}

/** An inherited presentation value: the element's attribute, its ancestors', the root's style. */
function inherited(element: Element, attribute: string): string | undefined {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = node.getAttribute('style')?.match(new RegExp(`${attribute}:\\s*([^;]+)`));
    if (style) return style[1]!.trim();
    const value = node.getAttribute(attribute);
    if (value !== null) return value;
  }
  return undefined;
}

/** A length in px or em (of the font size), as Plot writes x, y, dx and dy. */
const length = (value: string | null, fontSize: number) =>
  value === null ? 0 : value.endsWith('em') ? parseFloat(value) * fontSize : parseFloat(value);

/** The box a text is drawn in: its lines (tspans, or the text), each as wide as the estimate says. */
function textBox(element: Element): Box {
  const fontSize = parseFloat(inherited(element, 'font-size') ?? '13');
  const bold = Number(inherited(element, 'font-weight') ?? 400) >= 600;
  const anchor = inherited(element, 'text-anchor') ?? 'start';
  const tspans = Array.from(element.querySelectorAll('tspan'));
  const lines = tspans.length > 0 ? tspans.map((t) => t.textContent ?? '') : [element.textContent ?? ''];
  const width = Math.max(...lines.map((line) => estimateTextWidth(line, fontSize) * (bold ? 1.1 : 1)));
  const at = offset(element);
  const x = at.x + length(element.getAttribute('x'), fontSize) + length(element.getAttribute('dx'), fontSize);
  const firstBaseline =
    at.y +
    length(element.getAttribute('y'), fontSize) +
    length(element.getAttribute('dy'), fontSize) +
    (tspans[0] ? length(tspans[0].getAttribute('y'), fontSize) + length(tspans[0].getAttribute('dy'), fontSize) : 0);
  const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
  // Glyphs reach about 0.85 em above the baseline (CJK ideographs) and 0.2 em below it.
  return {
    text: lines.join(' '),
    left,
    right: left + width,
    top: firstBaseline - 0.85 * fontSize,
    bottom: firstBaseline + (lines.length - 1) * 1.2 * fontSize + 0.2 * fontSize,
  };
}

/** Every straight line drawn: <line>s (rules, grids, separators) and axis paths (M…L…, h, v). */
function segments(svg: Element): Segment[] {
  const found: Segment[] = [];
  for (const line of Array.from(svg.querySelectorAll('line'))) {
    const at = offset(line);
    const n = (name: string) => Number(line.getAttribute(name) ?? 0);
    found.push({
      x1: at.x + n('x1'),
      y1: at.y + n('y1'),
      x2: at.x + n('x2'),
      y2: at.y + n('y2'),
      what: line.parentElement?.getAttribute('aria-label') ?? 'line',
    });
  }
  for (const path of Array.from(svg.querySelectorAll('g[aria-label*="axis"] path'))) {
    const at = offset(path);
    const points = Array.from((path.getAttribute('d') ?? '').matchAll(/[ML]\s*([-\d.e]+)[\s,]+([-\d.e]+)/g)).map(
      (m) => ({ x: at.x + Number(m[1]), y: at.y + Number(m[2]) }),
    );
    for (let i = 1; i < points.length; i++)
      found.push({
        ...{ x1: points[i - 1]!.x, y1: points[i - 1]!.y, x2: points[i]!.x, y2: points[i]!.y },
        what: 'axis',
      });
  }
  return found;
}

/** Whether a segment passes through a box (Liang–Barsky clipping). */
function crosses(s: Segment, box: Box): boolean {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, s.x1 - box.left],
    [dx, box.right - s.x1],
    [-dy, s.y1 - box.top],
    [dy, box.bottom - s.y1],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** The names of rows a drawing holds and the lines that cross them, as readable strings. */
function crossings(svg: Element, names: Set<string>): { named: number; crossed: string[] } {
  const boxes = Array.from(svg.querySelectorAll('text'))
    .filter((text) => names.has((text.textContent ?? '').trim()))
    .map(textBox);
  const lines = segments(svg);
  const crossed = boxes.flatMap((box) =>
    lines
      .filter((line) => crosses(line, box))
      .map((line) => `"${box.text}" crossed by ${line.what} at x ${line.x1.toFixed(1)}–${line.x2.toFixed(1)}`),
  );
  return { named: boxes.length, crossed };
}

describe('no rule, gridline or axis crosses a row name', () => {
  for (const chart of charts.filter((c) => !NO_ROW_NAMES.has(c.id))) {
    for (const lang of LANGS) {
      const content = contentByLang[lang];
      const names = new Set(chart.table(inputs, lang, content.chartText).rows.map((row) => row[0]!));
      const keys = chart.keys(inputs);
      // Whole, and (charts drawn in groups on a phone) a group from the middle of the rows.
      const drawings: Array<readonly string[] | undefined> = [
        undefined,
        ...(chart.stepsByRows && keys.length > 2 ? [keys.slice(1, Math.min(keys.length, 4))] : []),
      ];
      for (const width of Object.values(chartWidths)) {
        for (const rows of drawings) {
          it(`${chart.id} ${lang} ${width}${rows ? ` rows ${rows.join(',')}` : ''}`, () => {
            const svg = renderChart(chart, inputs, {
              width,
              lang,
              document: newDocument(),
              text: content.chartText,
              title: content.charts[chart.id]!.title,
              ...(rows ? { rows } : {}),
            });
            const { named, crossed } = crossings(svg, names);
            expect(named, 'the drawing names its rows').toBeGreaterThan(0);
            expect(crossed).toEqual([]);
          });
        }
      }
    }
  }

  for (const lang of LANGS) {
    it(`the poster (${lang})`, async () => {
      const content = contentByLang[lang];
      const poster = await posterSvg({
        dataset,
        content,
        chart: preparedChart(
          charts.find((c) => c.id === 'headline-targets')!,
          dataset,
          inputs.geo,
          content,
        ),
        storyUrl: 'https://example.org/graphics/gaoping/',
      });
      const svg = new DOMParser().parseFromString(poster.svg, 'image/svg+xml').documentElement as unknown as Element;
      const names = new Set(storyCard(dataset, content).rows.map((row) => row.label));
      const { named, crossed } = crossings(svg, names);
      expect(named).toBe(names.size);
      expect(crossed).toEqual([]);
    });
  }

  it('sees a line through a name (the check itself)', () => {
    const svg = new DOMParser().parseFromString(
      '<svg xmlns="http://www.w3.org/2000/svg" style="font-size:13px"><g aria-label="rule"><line x1="60" x2="60" y1="0" y2="100"/></g>' +
        '<text transform="translate(8,50)" y="0.32em" font-weight="600">General public budget revenue growth</text></svg>',
      'image/svg+xml',
    ).documentElement as unknown as Element;
    expect(crossings(svg, new Set(['General public budget revenue growth'])).crossed).toHaveLength(1);
  });
});
