import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiLineString, Polygon, MultiPolygon } from 'geojson';
import type { ChartModule, ChartOptions } from './types';
import type { Dataset, Lang } from '../data/types';
import type { AreaProperties, TownProperties } from '../geo/types';
import type { ChartText } from '../content/types';
import { palette, chartFontSize, fontStack } from '../design/tokens';
import { rovingTabStops } from './plot-kit';
import { estimateBoldTextWidth, estimateTextWidth } from '../design/text-width';
import { wrapText } from './wrap-text';
import { fillTemplate } from '../content/template';
import { formatDigits } from '../data/format';
import { placeLabels, overlaps, PADDING, type Box } from './label-placement';
import { projectRows } from '../data/rows';
import {
  areaProjects,
  ownProjectCount,
  towns,
  projectsByTown,
  projectsWithStatus,
  type TownProjects,
} from '../data/town-projects';
import { termIn } from '../data/glossary';
import { fitMapFrame, type MapFrame } from './map/projection';
import { areaTest, neighbourLabelSpot, riverLabelPoint } from './map/context-labels';
import { svg as s, SVG_NS } from '../dom/html';

/** Called out on the map: the two towns the report sets status goals for. */
export const CALLOUT_TOWNS = ['511303107', '511303103'];
/** WCAG 2.5.8: every town is a tap target of at least 24×24 CSS px, whatever its dot's size. */
const MIN_TARGET_RADIUS = 12;

function townName(entry: TownProjects, lang: Lang, text: ChartText): string {
  return (
    fillTemplate(text.mapTownName, {
      name: entry.town.name[lang],
      results: formatDigits(entry.results.length, lang),
      plans: formatDigits(entry.plans.length, lang),
    }) + areaSuffix(entry, lang, text)
  );
}

/** 「（另有临江新区3项）」: an area's projects that reach this unit, said apart from the unit's own. */
function areaSuffix(entry: TownProjects, lang: Lang, text: ChartText): string {
  return entry.areas
    .map((area) =>
      fillTemplate(text.mapAreaSuffix, {
        area: termIn(area.name, lang),
        count: formatDigits(area.projects.length, lang),
      }),
    )
    .join('');
}

export const townMap: ChartModule = {
  id: 'town-map',
  companion: 'town-panel',
  fitsHeight: true,
  keys: ({ geo }) => towns(geo).map((t) => t.properties.code),
  rows: ({ dataset, geo }) => projectRows(dataset, geo),
  describe({ dataset, geo }, lang, text) {
    const entries = projectsByTown(dataset, geo).filter((e) => ownProjectCount(e) > 0);
    const list = entries
      .map((e) =>
        fillTemplate(text.mapTownSummary, {
          name: e.town.name[lang],
          results: formatDigits(e.results.length, lang),
          plans: formatDigits(e.plans.length, lang),
        }),
      )
      .join(lang === 'zh' ? '、' : '; ');
    const areas = areaProjects(dataset).map((area) =>
      fillTemplate(text.mapAreaSummary, {
        area: termIn(area.name, lang),
        count: formatDigits(area.projects.length, lang),
        towns: formatDigits(area.codes.length, lang),
      }),
    );
    return [
      fillTemplate(text.mapDescription, {
        towns: formatDigits(towns(geo).length, lang),
        list,
        districtWide: formatDigits(projectsWithStatus(dataset, 'district-wide').length, lang),
        unlocated: formatDigits(projectsWithStatus(dataset, 'unlocated').length, lang),
      }),
      ...areas,
    ]
      .map((sentence) => sentence + text.sentenceEnd)
      .join(lang === 'zh' ? '' : ' ');
  },
  table({ dataset, geo }, lang, text) {
    return {
      columns: [
        text.columnTown,
        text.columnKind,
        text.columnResults,
        text.columnPlans,
        text.columnAreaProjects,
        text.columnUncertainty,
      ],
      rows: projectsByTown(dataset, geo).map((e) => [
        e.town.name[lang],
        e.town.kind,
        formatDigits(e.results.length, lang),
        formatDigits(e.plans.length, lang),
        e.areas
          .map((area) => `${termIn(area.name, lang)} ${formatDigits(area.projects.length, lang)}`)
          .join(lang === 'zh' ? '、' : ', ') || '—',
        `±${formatDigits(e.town.uncertaintyKm, lang, 1)} ${text.mapKilometres}`,
      ]),
      rowKeys: projectsByTown(dataset, geo).map((e) => [e.town.code]),
    };
  },
  render({ dataset, geo }, options) {
    return renderTownMap(dataset, geo, options);
  },
};

const round = (n: number) => Math.round(n * 10) / 10;
type AreaCollection = FeatureCollection<Polygon | MultiPolygon, AreaProperties>;

function renderTownMap(
  dataset: Dataset,
  topology: Topology,
  { width, lang, document, text, title, maxHeight }: ChartOptions,
): SVGSVGElement {
  const district = (
    feature(topology, topology.objects.district as GeometryCollection<AreaProperties>) as AreaCollection
  ).features[0]!;
  const neighbours = (
    feature(topology, topology.objects.neighbours as GeometryCollection<AreaProperties>) as AreaCollection
  ).features;
  const riverGeometry = mesh(topology, topology.objects.river as GeometryCollection) as MultiLineString;
  const riverProperties = (topology.objects.river as GeometryCollection<AreaProperties>).geometries[0]?.properties as
    AreaProperties | undefined;
  const riverName = riverProperties?.name[lang] ?? '';
  const entries = projectsByTown(dataset, topology);

  const attribution = attributionLines(text.mapAttribution, width);
  const { map, key, keyBox } = fitMapAndKey(district, riverGeometry, topology, {
    width,
    maxHeight: (maxHeight ?? (width >= 500 ? WIDE_HEIGHT : Infinity)) - attributionHeight(attribution),
    text,
    lang,
    maxCount: Math.max(...entries.map(ownProjectCount)),
  });
  const { projection, path } = map;
  const mapHeight = map.height;
  const height = mapHeight + attributionHeight(attribution);

  const root = s(document, 'svg', {
    xmlns: SVG_NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'group',
    'aria-label': title,
    'font-family': fontStack,
    'font-size': chartFontSize,
    class: 'town-map',
  }) as SVGSVGElement;
  root.appendChild(s(document, 'rect', { width, height, fill: palette.background, class: 'chart-background' }));
  const clipId = `town-map-${lang}-${width}-clip`;
  root.appendChild(s(document, 'clipPath', { id: clipId }, s(document, 'rect', { width, height: mapHeight })));

  const context = s(document, 'g', { 'aria-hidden': 'true', 'clip-path': `url(#${clipId})` });
  for (const area of neighbours)
    context.appendChild(
      s(document, 'path', {
        d: map.coarsePath(area),
        fill: palette.neighbourFill,
        stroke: palette.neighbourStroke,
        'stroke-width': 0.8,
        class: 'map-neighbour',
      }),
    );
  context.appendChild(
    s(document, 'path', {
      d: path(district) ?? '',
      fill: palette.background,
      stroke: palette.ink,
      'stroke-width': 1.5,
      class: 'map-district',
    }),
  );
  context.appendChild(
    s(document, 'path', {
      d: path(riverGeometry) ?? '',
      fill: 'none',
      stroke: palette.river,
      'stroke-width': 3.5,
      'stroke-linecap': 'round',
      class: 'map-river',
    }),
  );
  root.appendChild(context);

  const townMarks = towns(topology).map((town) => {
    const entry = entries.find((e) => e.town.code === town.properties.code)!;
    // The dot's size is the unit's own projects, as the legend says; area-wide ones are not the unit's.
    const count = ownProjectCount(entry);
    const {
      x,
      y,
      r: halo,
    } = map.kmToPixels(town.geometry.coordinates as [number, number], town.properties.uncertaintyKm);
    return { town, entry, count, x: round(x), y: round(y), halo: round(halo), r: dotRadius(count) };
  });
  // Obstacles for the river's and neighbours' names: the key and every town dot, then each name as
  // it is placed. Town labels keep clear of the key and those names; the placer knows the dots.
  const frame: Box = { x: 2, y: 2, width: width - 4, height: mapHeight - 4 };
  const dotBoxes = townMarks.map((m) => ({ x: m.x - m.r, y: m.y - m.r, width: 2 * m.r, height: 2 * m.r }));
  const contextBoxes: Box[] = [];
  const obstacles = () => [keyBox, ...dotBoxes, ...contextBoxes];

  // River and neighbour labels go down first, as obstacles for the towns; the river's name first of
  // all, beside its line, moved down in steps until it is clear of the town dots.
  const contextLabels = s(document, 'g', {
    'aria-hidden': 'true',
    fill: palette.muted,
    'font-size': 12,
    class: 'map-context-labels',
  });
  const riverLabelAt = riverLabelPoint(riverGeometry, projection);
  if (riverLabelAt) {
    const w = estimateTextWidth(riverName, 12);
    const x = Math.max(frame.x + 2, riverLabelAt[0] - w - 8);
    let box = { x, y: riverLabelAt[1] - CONTEXT_HEIGHT / 2, width: w, height: CONTEXT_HEIGHT };
    for (let step = 0; step < 8 && obstacles().some((other) => overlaps(other, box)); step++)
      box = { ...box, y: box.y + 12 };
    contextBoxes.push(box);
    contextLabels.appendChild(
      s(
        document,
        'text',
        {
          x: round(x),
          y: round(box.y + CONTEXT_HEIGHT / 2),
          'dominant-baseline': 'middle',
          fill: palette.riverLabel,
          'font-style': 'italic',
          class: 'map-river-label',
        },
        riverName,
      ),
    );
  }
  for (const area of neighbours) {
    const label = area.properties.name[lang];
    const spot = neighbourLabelSpot(
      area,
      district,
      projection,
      frame,
      estimateTextWidth(label, 12),
      CONTEXT_HEIGHT,
      obstacles(),
    );
    if (!spot) continue;
    contextBoxes.push(spot);
    contextLabels.appendChild(
      s(
        document,
        'text',
        {
          x: round(spot.x + spot.width / 2),
          y: round(spot.y + spot.height / 2),
          'text-anchor': 'middle',
          'dominant-baseline': 'middle',
        },
        label,
      ),
    );
  }
  root.appendChild(contextLabels);

  const haloLayer = s(document, 'g', { 'aria-hidden': 'true' });
  for (const m of townMarks) {
    haloLayer.appendChild(
      s(document, 'circle', {
        cx: m.x,
        cy: m.y,
        r: m.halo,
        fill: palette.accent,
        'fill-opacity': 0.07,
        stroke: palette.accent,
        'stroke-opacity': 0.35,
        'stroke-dasharray': '2 3',
        'data-key': m.town.properties.code,
        class: 'map-halo',
      }),
    );
  }
  root.appendChild(haloLayer);

  const labelSize = (code: string) => (CALLOUT_TOWNS.includes(code) ? 14 : 12);
  // English map labels drop "Town"/"Subdistrict": the panel and the list give the full name.
  const labelText = (town: TownProperties) =>
    lang === 'zh' ? town.name.zh : town.name.en.replace(/ (Subdistrict|Town|Township)$/, '');
  const { placed } = placeLabels(
    townMarks.map((m) => {
      const label = labelText(m.town.properties);
      const size = labelSize(m.town.properties.code);
      return {
        key: m.town.properties.code,
        x: m.x,
        y: m.y,
        radius: m.r,
        width: townLabelWidth(label, size),
        height: labelHeight(size),
        priority: CALLOUT_TOWNS.includes(m.town.properties.code) ? 2 : m.count > 0 ? 1 : 0,
      };
    }),
    { marks: [keyBox], labels: contextBoxes },
    frame,
  );

  const townLayer = s(document, 'g', { role: 'group', 'aria-label': title });
  for (const m of townMarks) {
    const code = m.town.properties.code;
    const group = s(document, 'g', {
      class: 'map-town',
      'data-key': code,
      'data-town': code,
      tabindex: 0,
      role: 'button',
      'aria-label': townName(m.entry, lang, text),
    });
    group.appendChild(
      s(document, 'circle', {
        cx: m.x,
        cy: m.y,
        r: Math.max(m.r, MIN_TARGET_RADIUS),
        fill: 'transparent',
        class: 'map-hit',
      }),
    );
    group.appendChild(
      s(document, 'circle', {
        cx: m.x,
        cy: m.y,
        r: m.r,
        fill: m.count > 0 ? palette.accent : palette.background,
        stroke: m.count > 0 ? palette.background : palette.muted,
        'stroke-width': 1.5,
        class: 'map-dot',
      }),
    );
    const label = placed.find((p) => p.key === code);
    if (label) {
      const size = labelSize(code);
      if (label.leader) {
        // From the dot's edge to the label's nearest point: under the dot, over the rings.
        const { from, to } = label.leader;
        group.insertBefore(
          s(document, 'line', {
            x1: round(from.x),
            y1: round(from.y),
            x2: round(to.x),
            y2: round(to.y),
            stroke: palette.muted,
            'stroke-width': 0.8,
            class: 'map-leader',
          }),
          group.querySelector('.map-dot'),
        );
      }
      const callout = CALLOUT_TOWNS.includes(code);
      group.appendChild(
        s(
          document,
          'text',
          {
            x: round(label.x),
            y: round(label.y),
            'text-anchor': label.anchor,
            'dominant-baseline': 'middle',
            'font-size': size,
            'font-weight': callout ? 700 : m.count > 0 ? 600 : 400,
            fill: m.count > 0 ? palette.ink : palette.muted,
            stroke: palette.background,
            'stroke-width': 3,
            'paint-order': 'stroke',
            class: 'map-town-label',
          },
          labelText(m.town.properties),
        ),
      );
    }
    townLayer.appendChild(group);
  }
  root.appendChild(townLayer);

  root.append(...legend(document, { key, keyBox, top: mapHeight, attribution, text, lang }));
  rovingTabStops(root);
  return root;
}

/**
 * A town label's box width: its text as drawn bold (labels of towns with projects are bold, and
 * the finder makes the chosen town's label bold), with room on each side.
 */
export const townLabelWidth = (label: string, size: number) => estimateBoldTextWidth(label, size) + 2 * PADDING;
/** A label's box height: Chromium's box for a line of a CJK-capable font is about 1.55 em tall, not 1 em. */
export const labelHeight = (size: number) => Math.ceil(size * 1.55);
/** The river's and neighbours' names (12 px). */
const CONTEXT_HEIGHT = labelHeight(12);

/** The dot's radius for a unit's own project count (0: a hollow dot). */
const dotRadius = (count: number) => (count > 0 ? round(3.5 + 2.4 * Math.sqrt(count)) : 3);

/** The counts the size key shows: one, the largest any unit has, and one between (1, 3, 5 for a largest of 5). */
export function sizeKeySteps(max: number): number[] {
  return [...new Set([1, Math.round((1 + max) / 2), max])].filter((n) => n >= 1 && n <= Math.max(1, max));
}

/** Wide charts: map, key and source within this height, so the map is wider than tall (1440×900 draws it 800 px wide or more). */
const WIDE_HEIGHT = 560;
/**
 * Room left of a drawing fitted to a height, most first: the towns crowd the district's west edge,
 * and their labels (with leader lines) need somewhere to go. The first that leaves the key its corner is used.
 */
const WEST_INSETS = [60, 40, 24, 0];
/** The key's type: its size, and the distance between its lines. */
const KEY_SIZE = 12;
const KEY_LINE = 15;
/**
 * The widths the key's captions may wrap to, widest first: a narrower, taller key may fit a corner
 * that a wide one does not (the key sits in the map's corner or beside the district).
 */
const keyTextWidths = (width: number) => (width < 400 ? [196, 150, 124] : [280]);

/** The source line: one line when it fits the chart's width, else one line per clause. */
function attributionLines(attribution: string, width: number): string[] {
  if (estimateTextWidth(attribution, KEY_SIZE) <= width) return [attribution];
  return attribution.split(/(?<=[；;])\s*/).flatMap((part) => wrapText(part, KEY_SIZE, width));
}
/** Room under the map for the source: its first line's baseline 20 px under the map, 12 px under its last. */
const attributionHeight = (lines: string[]) => 20 + KEY_LINE * (lines.length - 1) + 12;

/** A caption of the key ("Dot size: projects…"): one line if it fits, else broken after its colon, else wrapped. */
function keyCaption(caption: string, width: number): string[] {
  if (estimateTextWidth(caption, KEY_SIZE) <= width) return [caption];
  const parts = caption.split(/(?<=[：:])\s*/);
  if (parts.length === 2 && parts.every((part) => estimateTextWidth(part, KEY_SIZE) <= width)) return parts;
  return wrapText(caption, KEY_SIZE, width);
}

/** The key, laid out in a box of its own: scale bar, size key (caption, then a dot per step), pale ring. */
interface KeyLayout {
  width: number;
  height: number;
  km: number;
  barWidth: number;
  caption: string[];
  ring: string[];
  steps: number[];
  /** The y of each row's centre (the captions' first lines), from the key's top. */
  rows: { scale: number; caption: number; dots: number; ring: number };
}

function keyLayout(
  text: ChartText,
  lang: Lang,
  chartWidth: number,
  textWidth: number,
  kmPixels: number,
  maxCount: number,
): KeyLayout {
  // Scale bar: the largest of 10/5/2 km that fits a quarter of the width (and the key).
  const km = [10, 5, 2].find((k) => k * kmPixels <= Math.min(chartWidth / 4, textWidth - 40)) ?? 1;
  const barWidth = Math.round(km * kmPixels);
  const caption = keyCaption(text.mapProjectsLegend, textWidth);
  const ring = keyCaption(text.mapUncertaintyLegend, textWidth);
  const steps = sizeKeySteps(maxCount);
  const dotsWidth = steps.reduce(
    (sum, count) => sum + 2 * dotRadius(count) + 4 + estimateTextWidth(formatDigits(count, lang), KEY_SIZE) + 14,
    0,
  );
  const largest = dotRadius(Math.max(...steps));
  // Rows 20 px or more apart, centre to centre: a line of 12-px text is about 19 px tall as drawn.
  const scale = 7;
  const captionAt = scale + 21;
  const dots = captionAt + KEY_LINE * (caption.length - 1) + 12 + largest;
  const ringAt = dots + largest + 13;
  const width = Math.ceil(
    Math.max(
      barWidth + 6 + estimateTextWidth(`${formatDigits(km, lang)} ${text.mapKilometres}`, KEY_SIZE),
      ...caption.map((line) => estimateTextWidth(line, KEY_SIZE)),
      dotsWidth - 14,
      20 + Math.max(...ring.map((line) => estimateTextWidth(line, KEY_SIZE))),
    ),
  );
  return {
    width,
    height: ringAt + KEY_LINE * (ring.length - 1) + 10,
    km,
    barWidth,
    caption,
    ring,
    steps,
    rows: { scale, caption: captionAt, dots, ring: ringAt },
  };
}

interface FitOptions {
  width: number;
  /** The most height the map itself may take (the source line goes under it). */
  maxHeight: number;
  text: ChartText;
  lang: Lang;
  maxCount: number;
}

/**
 * The map's frame and where its key goes: in the frame's bottom right-hand corner, on the
 * neighbours' land, clear of the district, its river and every town's dot and ring. The district is
 * drawn as large as the height allows; where the corner is not clear at that size, the drawing
 * narrows (and moves left) until it is, leaving the key a column of its own beside it.
 */
function fitMapAndKey(
  district: Feature<Polygon | MultiPolygon>,
  river: MultiLineString,
  topology: Topology,
  { width, maxHeight, text, lang, maxCount }: FitOptions,
): { map: MapFrame; key: KeyLayout; keyBox: Box } {
  const seats = towns(topology).map((town) => ({
    lonLat: town.geometry.coordinates as [number, number],
    km: town.properties.uncertaintyKm,
  }));
  const natural = fitMapFrame(district, width).height;
  let first: { map: MapFrame; key: KeyLayout; keyBox: Box } | undefined;
  for (let limit = Math.min(maxHeight, natural); limit >= Math.min(maxHeight, natural) / 2; limit -= 4)
    for (const inset of WEST_INSETS) {
      const map = fitMapFrame(district, width, limit, 10, width, 'start', inset);
      const rings = seats.map(({ lonLat, km }) => map.kmToPixels(lonLat, km));
      const riverPoints = river.coordinates
        .flat()
        .map((point) => map.projection(point as [number, number]))
        .filter((p): p is [number, number] => p !== null);
      const outsideDistrict = areaTest(district, map.projection);
      const clear = (box: Box) => {
        const margin = { x: box.x - 3, y: box.y - 3, width: box.width + 6, height: box.height + 6 };
        return (
          rings.every(({ x: cx, y: cy, r }) => {
            const dx = Math.max(margin.x - cx, 0, cx - (margin.x + margin.width));
            const dy = Math.max(margin.y - cy, 0, cy - (margin.y + margin.height));
            // Clear of every dot; over the edge of a pale ring at most (its middle is the dot's place).
            return Math.hypot(dx, dy) > Math.max(r / 2, 12);
          }) &&
          riverPoints.every(([px, py]) => !overlaps({ x: px, y: py, width: 0.01, height: 0.01 }, margin)) &&
          outsideDistrict(margin)
        );
      };
      for (const textWidth of keyTextWidths(width)) {
        const key = keyLayout(text, lang, width, textWidth, map.kmToPixels([106.2, 30.8], 1).r, maxCount);
        const x = width - key.width - 2;
        const bottom = Number.isFinite(maxHeight) ? maxHeight : map.height + key.height + 8;
        // The corner first: from the district's foot upwards, then (a short district) below its foot.
        const lowest = Math.min(bottom, map.height) - key.height - 2;
        const heights = [
          ...Array.from({ length: Math.max(0, Math.floor((lowest - 4) / 4) + 1) }, (_, i) => lowest - 4 * i),
          ...Array.from(
            { length: Math.max(0, Math.floor((bottom - key.height - 2 - lowest) / 4)) },
            (_, i) => lowest + 4 * (i + 1),
          ),
        ];
        for (const y of heights) {
          const keyBox = { x, y, width: key.width, height: key.height };
          first ??= { map, key, keyBox };
          if (clear(keyBox))
            return { map: withHeight(map, width, Math.max(map.height, y + key.height + 2)), key, keyBox };
        }
      }
    }
  // Never reached with this district: the first fit, its key over the corner.
  return first!;
}

/** The frame grown to a height (the key may reach below the district's southernmost point). */
function withHeight(map: MapFrame, width: number, height: number): MapFrame {
  map.projection.clipExtent([
    [-4, -4],
    [width + 4, height + 4],
  ]);
  return { ...map, height };
}

interface LegendOptions {
  key: KeyLayout;
  keyBox: Box;
  /** The map's height: the source line goes under it. */
  top: number;
  attribution: string[];
  text: ChartText;
  lang: Lang;
}

/** Lines of one text, 15 px apart, from its first line's y. */
function lines(document: Document, parts: string[], attributes: Record<string, string | number>): SVGElement {
  const element = s(document, 'text', attributes);
  if (parts.length === 1) element.textContent = parts[0]!;
  else
    parts.forEach((part, i) =>
      element.appendChild(s(document, 'tspan', { x: attributes.x ?? 0, dy: i === 0 ? 0 : KEY_LINE }, part)),
    );
  return element;
}

/** The key (in the map's corner: the finder's zoomed copy leaves it out by its class) and the source line under the map. */
function legend(document: Document, { key, keyBox, top, attribution, text, lang }: LegendOptions): SVGElement[] {
  const { rows } = key;
  const keyGroup = s(document, 'g', {
    class: 'map-legend',
    transform: `translate(${round(keyBox.x)},${round(keyBox.y)})`,
    // The key's box, which labels keep clear of (the tests check it).
    'data-width': key.width,
    'data-height': key.height,
    fill: palette.muted,
    'font-size': KEY_SIZE,
    'aria-hidden': 'true',
  });
  keyGroup.appendChild(s(document, 'rect', { y: rows.scale - 2, width: key.barWidth, height: 4, fill: palette.ink }));
  keyGroup.appendChild(
    s(
      document,
      'text',
      { x: key.barWidth + 6, y: rows.scale + 1, 'dominant-baseline': 'middle', fill: palette.ink },
      `${formatDigits(key.km, lang)} ${text.mapKilometres}`,
    ),
  );
  // The size key: the caption, then a dot of each step's size with its count.
  const sizeKey = s(
    document,
    'g',
    { class: 'map-size-key' },
    lines(document, key.caption, { y: rows.caption + 1, 'dominant-baseline': 'middle' }),
  );
  let x = 0;
  for (const count of key.steps) {
    const r = dotRadius(count);
    const label = formatDigits(count, lang);
    sizeKey.appendChild(
      s(document, 'circle', {
        cx: round(x + r),
        cy: rows.dots,
        r,
        fill: palette.accent,
        stroke: palette.background,
        'stroke-width': 1.5,
        class: 'map-size-dot',
      }),
    );
    sizeKey.appendChild(
      s(
        document,
        'text',
        { x: round(x + 2 * r + 4), y: rows.dots + 1, 'dominant-baseline': 'middle', fill: palette.ink },
        label,
      ),
    );
    x += 2 * r + 4 + estimateTextWidth(label, KEY_SIZE) + 14;
  }
  keyGroup.appendChild(sizeKey);
  keyGroup.appendChild(
    s(document, 'circle', {
      cx: 7,
      cy: rows.ring,
      r: 7,
      fill: palette.accent,
      'fill-opacity': 0.07,
      stroke: palette.accent,
      'stroke-opacity': 0.5,
      'stroke-dasharray': '2 3',
    }),
  );
  keyGroup.appendChild(lines(document, key.ring, { x: 20, y: rows.ring + 1, 'dominant-baseline': 'middle' }));
  // Under the map, never on it.
  const source = lines(document, attribution, { x: 0, y: top + 20, class: 'chart-source' });
  source.setAttribute('fill', palette.muted);
  source.setAttribute('font-size', String(KEY_SIZE));
  return [keyGroup, source];
}
