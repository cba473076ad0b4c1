import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, MultiLineString, Polygon, MultiPolygon } from 'geojson';
import type { ChartModule, ChartOptions } from './types';
import type { Dataset, Lang } from '../data/types';
import type { AreaProperties, TownProperties } from '../geo/types';
import type { ChartText } from '../content/types';
import { palette, chartFontSize, fontStack } from '../design/tokens';
import { rovingTabStops } from './plot-kit';
import { estimateTextWidth } from '../design/text-width';
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
import { fitMapFrame } from './map/projection';
import { neighbourLabelSpot, riverLabelPoint } from './map/context-labels';
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
  { width, lang, document, text, title }: ChartOptions,
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

  // On wide screens the map and its legend fit a 1280×800 window with the figure's title.
  const map = fitMapFrame(district, width, width >= 500 ? 560 : Infinity);
  const { projection, path } = map;
  const mapHeight = map.height;
  const height = mapHeight + legendHeight(width);

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
        d: path(area) ?? '',
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
  // Obstacles for labels: every town dot, then each label as it is placed.
  const frame: Box = { x: 2, y: 2, width: width - 4, height: mapHeight - 4 };
  const obstacles: Box[] = townMarks.map((m) => ({ x: m.x - m.r, y: m.y - m.r, width: 2 * m.r, height: 2 * m.r }));

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
    let box = { x, y: riverLabelAt[1] - 8, width: w, height: 16 };
    for (let step = 0; step < 8 && obstacles.some((other) => overlaps(other, box)); step++)
      box = { ...box, y: box.y + 12 };
    obstacles.push(box);
    contextLabels.appendChild(
      s(
        document,
        'text',
        {
          x: round(x),
          y: round(box.y + 8),
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
    const spot = neighbourLabelSpot(area, district, projection, frame, estimateTextWidth(label, 12), 16, obstacles);
    if (!spot) continue;
    obstacles.push(spot);
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
  const placed = placeLabels(
    townMarks.map((m) => {
      const label = labelText(m.town.properties);
      const size = labelSize(m.town.properties.code);
      return {
        key: m.town.properties.code,
        x: m.x,
        y: m.y,
        radius: m.r,
        // Chromium's box for a CJK-capable font's line is about 1.55 em tall, not 1 em.
        width: estimateTextWidth(label, size) + 2 * PADDING,
        height: Math.ceil(size * 1.55),
        priority: CALLOUT_TOWNS.includes(m.town.properties.code) ? 2 : m.count > 0 ? 1 : 0,
      };
    }),
    obstacles,
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
        // The line ends on the label's edge that faces the dot.
        const { box } = label;
        const [lx, ly] =
          label.anchor === 'middle'
            ? [box.x + box.width / 2, box.y > m.y ? box.y : box.y + box.height]
            : [label.anchor === 'start' ? box.x : box.x + box.width, label.y];
        group.appendChild(
          s(document, 'line', {
            x1: m.x,
            y1: m.y,
            x2: round(lx),
            y2: round(ly),
            stroke: palette.muted,
            'stroke-width': 0.8,
          }),
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

  root.appendChild(
    legend(document, {
      width,
      top: mapHeight,
      text,
      lang,
      kmPixels: map.kmToPixels([106.2, 30.8], 1).r,
      maxCount: Math.max(...townMarks.map((m) => m.count)),
    }),
  );
  rovingTabStops(root);
  return root;
}

/** The dot's radius for a unit's own project count (0: a hollow dot). */
const dotRadius = (count: number) => (count > 0 ? round(3.5 + 2.4 * Math.sqrt(count)) : 3);

/** The counts the size key shows: one, the largest any unit has, and one between (1, 3, 5 for a largest of 5). */
export function sizeKeySteps(max: number): number[] {
  return [...new Set([1, Math.round((1 + max) / 2), max])].filter((n) => n >= 1 && n <= Math.max(1, max));
}

interface LegendOptions {
  width: number;
  top: number;
  text: ChartText;
  lang: Lang;
  kmPixels: number;
  maxCount: number;
}

/** Legend rows (y of each row's centre) and the legend's height, for narrow and wide charts. */
const LEGEND_LAYOUT = {
  narrow: { scale: 14, sizeText: 38, sizeDots: 60, ring: 84, attribution: 108, height: 136 },
  wide: { scale: 14, sizeText: 14, sizeDots: 38, ring: 38, attribution: 66, height: 84 },
};
const legendHeight = (width: number) => LEGEND_LAYOUT[width < 400 ? 'narrow' : 'wide'].height;

function legend(document: Document, { width, top, text, lang, kmPixels, maxCount }: LegendOptions): SVGElement {
  const group = s(document, 'g', {
    class: 'map-legend',
    transform: `translate(0,${top})`,
    fill: palette.muted,
    'font-size': 12,
  });
  const narrow = width < 400;
  const rows = LEGEND_LAYOUT[narrow ? 'narrow' : 'wide'];
  // Scale bar: the largest of 10/5/2 km that fits a quarter of the width.
  const km = [10, 5, 2].find((k) => k * kmPixels <= width / 4) ?? 1;
  const barWidth = Math.round(km * kmPixels);
  group.appendChild(
    s(
      document,
      'g',
      { transform: `translate(10,${rows.scale})`, 'aria-hidden': 'true' },
      s(document, 'rect', { y: -2, width: barWidth, height: 4, fill: palette.ink }),
      s(
        document,
        'text',
        { x: barWidth + 6, y: 1, 'dominant-baseline': 'middle', fill: palette.ink },
        `${formatDigits(km, lang)} ${text.mapKilometres}`,
      ),
    ),
  );
  // The size key: the caption, then a dot of each step's size with its count.
  // Wide: right of the ring's caption, which shares the key's second row.
  const sizeX = narrow
    ? 10
    : Math.max(Math.round(width / 2), Math.round(30 + estimateTextWidth(text.mapUncertaintyLegend, 12) + 24));
  const sizeKey = s(
    document,
    'g',
    { transform: `translate(${sizeX},0)`, 'aria-hidden': 'true', class: 'map-size-key' },
    s(document, 'text', { y: rows.sizeText + 1, 'dominant-baseline': 'middle' }, text.mapProjectsLegend),
  );
  let x = 0;
  for (const count of sizeKeySteps(maxCount)) {
    const r = dotRadius(count);
    const label = formatDigits(count, lang);
    sizeKey.appendChild(
      s(document, 'circle', {
        cx: round(x + r),
        cy: rows.sizeDots,
        r,
        fill: palette.accent,
        stroke: palette.background,
        'stroke-width': 1.5,
      }),
    );
    sizeKey.appendChild(
      s(
        document,
        'text',
        { x: round(x + 2 * r + 4), y: rows.sizeDots + 1, 'dominant-baseline': 'middle', fill: palette.ink },
        label,
      ),
    );
    x += 2 * r + 4 + estimateTextWidth(label, 12) + 14;
  }
  group.appendChild(sizeKey);
  group.appendChild(
    s(
      document,
      'g',
      { transform: `translate(10,${rows.ring})`, 'aria-hidden': 'true' },
      s(document, 'circle', {
        cx: 7,
        cy: 0,
        r: 7,
        fill: palette.accent,
        'fill-opacity': 0.07,
        stroke: palette.accent,
        'stroke-opacity': 0.5,
        'stroke-dasharray': '2 3',
      }),
      s(document, 'text', { x: 20, y: 1, 'dominant-baseline': 'middle' }, text.mapUncertaintyLegend),
    ),
  );
  // Below the legend's last line (its text ends about 8 px under its centre), never on it.
  const attribution = s(document, 'text', { x: 0, y: rows.attribution, class: 'chart-source' });
  // Two lines on phones: the attribution is longer than a narrow chart is wide.
  const parts = narrow ? text.mapAttribution.split(/(?<=[；;])\s*/) : [text.mapAttribution];
  parts.forEach((part, i) => attribution.appendChild(s(document, 'tspan', { x: 0, dy: i === 0 ? 0 : 15 }, part)));
  group.appendChild(attribution);
  return group;
}
