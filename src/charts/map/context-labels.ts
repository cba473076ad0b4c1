import { geoContains, type GeoProjection } from 'd3-geo';
import type { Feature, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { overlaps, type Box } from '../label-placement';

type Area = Feature<Polygon | MultiPolygon>;

/**
 * Point-in-area in screen space, for a grid search: each scanline's crossings are found once and
 * reused, and the even-odd rule over every ring (holes included) decides inside or outside.
 */
function screenContains(area: Area, projection: GeoProjection): (x: number, y: number) => boolean {
  const polygons = area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
  const rings = polygons
    .flat()
    .map((ring) =>
      ring.map((point) => projection(point as [number, number])).filter((p): p is [number, number] => p !== null),
    );
  const crossingsAt = new Map<number, number[]>();
  const crossings = (y: number): number[] => {
    let xs = crossingsAt.get(y);
    if (xs) return xs;
    xs = [];
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
      }
    }
    xs.sort((a, b) => a - b);
    crossingsAt.set(y, xs);
    return xs;
  };
  return (x, y) => {
    let inside = false;
    for (const crossing of crossings(y)) {
      if (crossing > x) break;
      inside = !inside;
    }
    return inside;
  };
}

const probePoints = ({ x, y, width, height }: Box): Array<[number, number]> => [
  [x, y],
  [x + width, y],
  [x, y + height],
  [x + width, y + height],
  [x + width / 2, y + height / 2],
];

/**
 * A spot for a neighbour's name: the first cell of a coarse grid over the frame whose whole label
 * box lies in that neighbour (and so outside the district), clear of everything placed so far.
 * The grid search runs in screen space; the spot found is confirmed on the sphere with geoContains.
 */
export function neighbourLabelSpot(
  area: Area,
  district: Area,
  projection: GeoProjection,
  frame: Box,
  width: number,
  height: number,
  taken: Box[],
): Box | undefined {
  const inArea = screenContains(area, projection);
  const inDistrict = screenContains(district, projection);
  const onSphere = (x: number, y: number, feature: Area) => {
    const lonLat = projection.invert?.([x, y]);
    return lonLat ? geoContains(feature, lonLat) : false;
  };
  const step = 10;
  for (let y = frame.y + 6; y + height < frame.y + frame.height - 6; y += step) {
    for (let x = frame.x + 6; x + width < frame.x + frame.width - 6; x += step) {
      const box = { x, y, width, height };
      const points = probePoints(box);
      if (!points.every(([px, py]) => inArea(px, py) && !inDistrict(px, py))) continue;
      if (taken.some((other) => overlaps(other, box))) continue;
      if (!points.every(([px, py]) => onSphere(px, py, area) && !onSphere(px, py, district))) continue;
      return box;
    }
  }
  return undefined;
}

/** Where to write the river's name: beside the river's longest line, a third of the way along. */
export function riverLabelPoint(river: MultiLineString, projection: GeoProjection): [number, number] | undefined {
  const longest = [...river.coordinates].sort((a, b) => b.length - a.length)[0];
  if (!longest || longest.length === 0) return undefined;
  const at = longest[Math.floor(longest.length / 3)] as [number, number];
  return projection(at) ?? undefined;
}

/**
 * A test of boxes on the map against an area (the district), for one projection: true when the box
 * lies wholly outside it, no point of a 4-px grid over the box inside the area and none of its
 * outline's points in the box (a thin spit of land between grid points).
 */
export function areaTest(area: Area, projection: GeoProjection): (box: Box) => boolean {
  const inArea = screenContains(area, projection);
  const polygons = area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
  const outline = polygons
    .flat(2)
    .map((point) => projection(point as [number, number]))
    .filter((p): p is [number, number] => p !== null);
  return (box) => {
    for (let y = box.y; y <= box.y + box.height; y += 4)
      for (let x = box.x; x <= box.x + box.width; x += 4) if (inArea(x, y)) return false;
    return outline.every(([x, y]) => x < box.x || x > box.x + box.width || y < box.y || y > box.y + box.height);
  };
}
