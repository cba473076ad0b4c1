import { geoMercator, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiLineString, Point, Polygon, MultiPolygon } from 'geojson';
import type { ChartModule, ChartOptions } from './types';
import type { Dataset, Lang, Project } from '../data/types';
import type { AreaProperties, TownProperties } from '../geo/types';
import type { ChartText } from '../story/content-types';
import { palette, chartFontSize, fontStack } from '../design/tokens';
import { estimateTextWidth, fillTemplate } from './plot-kit';
import { formatDigits } from '../data/format';
import { placeLabels, type Box } from './label-placement';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Called out on the map: the two towns the report sets status goals for. */
export const CALLOUT_TOWNS = ['511303107', '511303103'];
const EARTH_RADIUS_KM = 6371;

type TownFeature = Feature<Point, TownProperties>;
type AreaFeature = Feature<Polygon | MultiPolygon, AreaProperties>;

export interface TownProjects {
  town: TownProperties;
  results: Project[];
  plans: Project[];
}

function requireGeo(geo: Topology | undefined): Topology {
  if (!geo) throw new Error('town-map needs the TopoJSON (options.geo)');
  return geo;
}

export function towns(geo: Topology): TownFeature[] {
  return (feature(geo, geo.objects.towns as GeometryCollection<TownProperties>) as FeatureCollection<Point, TownProperties>).features;
}

/** Projects by town, in the order of the town codes. */
export function projectsByTown(dataset: Dataset, geo: Topology): TownProjects[] {
  return towns(geo).map((town) => {
    const own = dataset.projects.filter((p) => p.codes.includes(town.properties.code));
    return { town: town.properties, results: own.filter((p) => p.year === 2024), plans: own.filter((p) => p.year === 2025) };
  });
}

/** Projects with no township: district-wide ones and those whose place is unlocated. */
export function unplacedProjects(dataset: Dataset): Project[] {
  return dataset.projects.filter((p) => p.placeStatus !== 'located');
}

export function projectsWithStatus(dataset: Dataset, status: Project['placeStatus']): Project[] {
  return dataset.projects.filter((p) => p.placeStatus === status);
}

function townName(entry: TownProjects, lang: Lang, text: ChartText): string {
  return fillTemplate(text.mapTownName, {
    name: entry.town.name[lang],
    results: formatDigits(entry.results.length, lang),
    plans: formatDigits(entry.plans.length, lang),
  });
}

export const townMap: ChartModule = {
  id: 'town-map',
  metricIds: () => [],
  dataKeys: (_dataset, geo) => towns(requireGeo(geo)).map((t) => t.properties.code),
  describe(dataset, lang, text, geo) {
    const entries = projectsByTown(dataset, requireGeo(geo)).filter((e) => e.results.length + e.plans.length > 0);
    const list = entries.map((e) => fillTemplate(text.mapTownSummary, {
      name: e.town.name[lang], results: formatDigits(e.results.length, lang), plans: formatDigits(e.plans.length, lang),
    })).join(lang === 'zh' ? '、' : '; ');
    return fillTemplate(text.mapDescription, {
      towns: formatDigits(towns(requireGeo(geo)).length, lang),
      list,
      districtWide: formatDigits(projectsWithStatus(dataset, 'district-wide').length, lang),
      unlocated: formatDigits(projectsWithStatus(dataset, 'unlocated').length, lang),
    }) + text.sentenceEnd;
  },
  table(dataset, lang, text, geo) {
    return {
      columns: [text.columnTown, text.columnKind, text.columnResults, text.columnPlans, text.columnUncertainty],
      rows: projectsByTown(dataset, requireGeo(geo)).map((e) => [
        e.town.name[lang],
        e.town.kind,
        formatDigits(e.results.length, lang),
        formatDigits(e.plans.length, lang),
        `±${formatDigits(e.town.uncertaintyKm, lang, 1)} ${text.mapKilometres}`,
      ]),
    };
  },
  render(dataset, options) {
    return renderTownMap(dataset, options);
  },
};

function el(document: Document, tag: string, attrs: Record<string, string | number> = {}, text?: string): SVGElement {
  const element = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

const round = (n: number) => Math.round(n * 10) / 10;

function renderTownMap(dataset: Dataset, { width, lang, document, text, title, geo }: ChartOptions): SVGSVGElement {
  const topology = requireGeo(geo);
  const district = (feature(topology, topology.objects.district as GeometryCollection<AreaProperties>) as FeatureCollection<Polygon | MultiPolygon, AreaProperties>).features[0]!;
  const neighbours = (feature(topology, topology.objects.neighbours as GeometryCollection<AreaProperties>) as FeatureCollection<Polygon | MultiPolygon, AreaProperties>).features;
  const riverGeometry = mesh(topology, topology.objects.river as GeometryCollection) as MultiLineString;
  const riverProperties = (topology.objects.river as GeometryCollection<AreaProperties>).geometries[0]?.properties as AreaProperties | undefined;
  const riverName = riverProperties?.name[lang] ?? '';
  const entries = projectsByTown(dataset, topology);
  const townFeatures = towns(topology);

  const pad = 10;
  const legendHeight = width < 400 ? 100 : 60;
  const projection = geoMercator().fitWidth(width - 2 * pad, district);
  const [[, y0], [, y1]] = geoPath(projection).bounds(district);
  const mapHeight = Math.ceil(y1 - y0) + 2 * pad;
  projection.translate([projection.translate()[0] + pad, projection.translate()[1] + pad - y0]);
  // Cut neighbours to the frame and round to whole pixels: most of the page's bytes otherwise.
  projection.clipExtent([[-4, -4], [width + 4, mapHeight + 4]]);
  const path = geoPath(projection).digits(0);
  const height = mapHeight + legendHeight;
  const kmToPixels = (lonLat: [number, number], km: number) => {
    const [x, y] = projection(lonLat)!;
    const [, yNorth] = projection([lonLat[0], lonLat[1] + (km / EARTH_RADIUS_KM) * (180 / Math.PI)])!;
    return { x, y, r: Math.abs(y - yNorth) };
  };

  const svg = el(document, 'svg', {
    xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': title,
    'font-family': fontStack, 'font-size': chartFontSize, class: 'town-map',
  }) as SVGSVGElement;
  svg.appendChild(el(document, 'rect', { width, height, fill: palette.background }));
  const clip = el(document, 'clipPath', { id: `town-map-${lang}-${width}-clip` });
  clip.appendChild(el(document, 'rect', { width, height: mapHeight }));
  svg.appendChild(clip);

  const context = el(document, 'g', { 'aria-hidden': 'true', 'clip-path': `url(#town-map-${lang}-${width}-clip)` });
  for (const area of neighbours) context.appendChild(el(document, 'path', { d: path(area) ?? '', fill: '#f4f4f4', stroke: '#c8c8c8', 'stroke-width': 0.8 }));
  context.appendChild(el(document, 'path', { d: path(district) ?? '', fill: palette.background, stroke: palette.ink, 'stroke-width': 1.5 }));
  context.appendChild(el(document, 'path', { d: path(riverGeometry) ?? '', fill: 'none', stroke: '#5b9bd5', 'stroke-width': 3.5, 'stroke-linecap': 'round', class: 'map-river' }));
  svg.appendChild(context);

  // Obstacles for labels: every town dot, the legend band.
  const townMarks = townFeatures.map((town) => {
    const entry = entries.find((e) => e.town.code === town.properties.code)!;
    const count = entry.results.length + entry.plans.length;
    const { x, y, r: halo } = kmToPixels(town.geometry.coordinates as [number, number], town.properties.uncertaintyKm);
    return { town, entry, count, x: round(x), y: round(y), halo: round(halo), r: count > 0 ? round(3.5 + 2.4 * Math.sqrt(count)) : 3 };
  });
  const frame: Box = { x: 2, y: 2, width: width - 4, height: mapHeight - 4 };
  const obstacles: Box[] = townMarks.map((m) => ({ x: m.x - m.r, y: m.y - m.r, width: 2 * m.r, height: 2 * m.r }));

  // Neighbour and river labels go down first, as obstacles for the towns.
  const contextLabels = el(document, 'g', { 'aria-hidden': 'true', fill: palette.muted, 'font-size': 12 });
  for (const area of neighbours) {
    const label = area.properties.name[lang];
    const spot = labelSpotInside(area, district, projection, frame, estimateTextWidth(label, 12), 16, obstacles);
    if (!spot) continue;
    obstacles.push(spot);
    contextLabels.appendChild(el(document, 'text', { x: round(spot.x + spot.width / 2), y: round(spot.y + spot.height / 2), 'text-anchor': 'middle', 'dominant-baseline': 'middle' }, label));
  }
  const riverLabelAt = riverLabelPoint(riverGeometry, projection);
  if (riverLabelAt) {
    const w = estimateTextWidth(riverName, 12);
    const x = Math.max(frame.x + 2, riverLabelAt[0] - w - 8);
    const box = { x, y: riverLabelAt[1] - 8, width: w, height: 16 };
    obstacles.push(box);
    contextLabels.appendChild(el(document, 'text', { x: round(x), y: round(riverLabelAt[1]), 'dominant-baseline': 'middle', fill: '#2f6fa8', 'font-style': 'italic', class: 'map-river-label' }, riverName));
  }
  svg.appendChild(contextLabels);

  const haloLayer = el(document, 'g', { 'aria-hidden': 'true' });
  for (const m of townMarks) {
    haloLayer.appendChild(el(document, 'circle', {
      cx: m.x, cy: m.y, r: m.halo, fill: palette.accent, 'fill-opacity': 0.07, stroke: palette.accent, 'stroke-opacity': 0.35, 'stroke-dasharray': '2 3',
      'data-key': m.town.properties.code,
    }));
  }
  svg.appendChild(haloLayer);

  const labelSize = (code: string) => (CALLOUT_TOWNS.includes(code) ? 14 : 12);
  // English map labels drop "Town"/"Subdistrict": the panel and the list give the full name.
  const labelText = (town: TownProperties) => (lang === 'zh' ? town.name.zh : town.name.en.replace(/ (Subdistrict|Town|Township)$/, ''));
  const placed = placeLabels(townMarks.map((m) => {
    const label = labelText(m.town.properties);
    const size = labelSize(m.town.properties.code);
    return {
      key: m.town.properties.code, x: m.x, y: m.y, radius: m.r,
      width: estimateTextWidth(label, size) + 4, height: size + 4,
      priority: CALLOUT_TOWNS.includes(m.town.properties.code) ? 2 : m.count > 0 ? 1 : 0,
    };
  }), obstacles, frame);

  const townLayer = el(document, 'g', { role: 'group', 'aria-label': title });
  for (const m of townMarks) {
    const code = m.town.properties.code;
    const group = el(document, 'g', {
      class: 'map-town', 'data-key': code, 'data-town': code, tabindex: 0, role: 'button',
      'aria-label': townName(m.entry, lang, text),
    });
    group.appendChild(el(document, 'circle', {
      cx: m.x, cy: m.y, r: m.r, fill: m.count > 0 ? palette.accent : palette.background,
      stroke: m.count > 0 ? palette.background : palette.muted, 'stroke-width': 1.5,
    }));
    const label = placed.find((p) => p.key === code);
    if (label) {
      const size = labelSize(code);
      if (label.leader) {
        const lx = label.box.x + (label.box.x > m.x ? 0 : label.box.width);
        group.appendChild(el(document, 'line', { x1: m.x, y1: m.y, x2: round(lx), y2: round(label.y), stroke: palette.muted, 'stroke-width': 0.8 }));
      }
      const callout = CALLOUT_TOWNS.includes(code);
      group.appendChild(el(document, 'text', {
        x: round(label.box.x + 2), y: round(label.y), 'dominant-baseline': 'middle', 'font-size': size,
        'font-weight': callout ? 700 : m.count > 0 ? 600 : 400, fill: m.count > 0 ? palette.ink : palette.muted,
        stroke: palette.background, 'stroke-width': 3, 'paint-order': 'stroke', class: 'map-town-label',
      }, labelText(m.town.properties)));
    }
    townLayer.appendChild(group);
  }
  svg.appendChild(townLayer);

  svg.appendChild(legend(document, { width, top: mapHeight, text, lang, kmPixels: kmToPixels([106.2, 30.8], 1).r }));
  return svg;
}

function overlapsBox(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * A spot for a neighbour's name: the first cell of a coarse grid over the frame whose whole label
 * box lies in that neighbour (and so outside the district), clear of everything placed so far.
 */
function labelSpotInside(area: AreaFeature, district: AreaFeature, projection: ReturnType<typeof geoMercator>, frame: Box, width: number, height: number, taken: Box[]): Box | undefined {
  const step = 10;
  for (let y = frame.y + 6; y + height < frame.y + frame.height - 6; y += step) {
    for (let x = frame.x + 6; x + width < frame.x + frame.width - 6; x += step) {
      const box = { x, y, width, height };
      const corners: Array<[number, number]> = [[x, y], [x + width, y], [x, y + height], [x + width, y + height], [x + width / 2, y + height / 2]];
      if (!corners.every(([cx, cy]) => inArea(projection, area, cx, cy) && !inArea(projection, district, cx, cy))) continue;
      if (taken.some((other) => overlapsBox(other, box))) continue;
      return box;
    }
  }
  return undefined;
}

function inArea(projection: ReturnType<typeof geoMercator>, district: AreaFeature, x: number, y: number): boolean {
  const lonLat = projection.invert?.([x, y]);
  if (!lonLat) return false;
  const rings = district.geometry.type === 'Polygon' ? [district.geometry.coordinates] : district.geometry.coordinates;
  return rings.some((polygon) => pointInRing(lonLat, polygon[0] as Array<[number, number]>));
}

function pointInRing([x, y]: [number, number], ring: Array<[number, number]>): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Where to write the river's name: beside the river's longest line, a third of the way along. */
function riverLabelPoint(river: MultiLineString, projection: ReturnType<typeof geoMercator>): [number, number] | undefined {
  const longest = [...river.coordinates].sort((a, b) => b.length - a.length)[0];
  if (!longest || longest.length === 0) return undefined;
  const at = longest[Math.floor(longest.length / 3)] as [number, number];
  return projection(at) ?? undefined;
}

interface LegendOptions { width: number; top: number; text: ChartText; lang: Lang; kmPixels: number }

function legend(document: Document, { width, top, text, lang, kmPixels }: LegendOptions): SVGElement {
  const group = el(document, 'g', { class: 'map-legend', transform: `translate(0,${top})`, fill: palette.muted, 'font-size': 12 });
  const narrow = width < 400;
  // Scale bar: the largest of 10/5/2 km that fits a quarter of the width.
  const km = [10, 5, 2].find((k) => k * kmPixels <= width / 4) ?? 1;
  const barWidth = Math.round(km * kmPixels);
  const bar = el(document, 'g', { transform: 'translate(10,14)', 'aria-hidden': 'true' });
  bar.appendChild(el(document, 'rect', { width: barWidth, height: 4, fill: palette.ink }));
  bar.appendChild(el(document, 'text', { x: barWidth + 6, y: 5, 'dominant-baseline': 'middle', fill: palette.ink }, `${formatDigits(km, lang)} ${text.mapKilometres}`));
  group.appendChild(bar);
  const dots = el(document, 'g', { transform: `translate(${narrow ? 10 : width / 2 - 40},${narrow ? 40 : 14})`, 'aria-hidden': 'true' });
  dots.appendChild(el(document, 'circle', { cx: 5, cy: 2, r: 5, fill: palette.accent }));
  dots.appendChild(el(document, 'text', { x: 16, y: 3, 'dominant-baseline': 'middle' }, text.mapProjectsLegend));
  dots.appendChild(el(document, 'circle', { cx: 5, cy: 22, r: 7, fill: palette.accent, 'fill-opacity': 0.07, stroke: palette.accent, 'stroke-opacity': 0.5, 'stroke-dasharray': '2 3' }));
  dots.appendChild(el(document, 'text', { x: 16, y: 23, 'dominant-baseline': 'middle' }, text.mapUncertaintyLegend));
  group.appendChild(dots);
  const attribution = el(document, 'text', { x: 0, y: narrow ? 76 : 54, class: 'chart-source' });
  // Two lines on phones: the attribution is longer than a narrow chart is wide.
  const parts = narrow ? text.mapAttribution.split(/(?<=[；;])\s*/) : [text.mapAttribution];
  parts.forEach((part, i) => attribution.appendChild(el(document, 'tspan', { x: 0, dy: i === 0 ? 0 : 15 }, part)));
  group.appendChild(attribution);
  return group;
}

