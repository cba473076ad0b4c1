import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

const EARTH_RADIUS_KM = 6371;

export interface MapFrame {
  projection: GeoProjection;
  /** Path generator at whole-pixel precision: the map is most of a page's bytes otherwise. */
  path: ReturnType<typeof geoPath>;
  /**
   * A coarser one for the neighbours' land, which only frames the district: whole pixels, points
   * closer than 2 px to the last one kept are left out (a narrow drawing shows more of that land).
   */
  coarsePath(object: Parameters<ReturnType<typeof geoPath>>[0]): string;
  /** Height of the map area (the legend goes below it). */
  height: number;
  /** A point and a distance in km, in pixels at that point. */
  kmToPixels(lonLat: [number, number], km: number): { x: number; y: number; r: number };
}

/**
 * North-up Web Mercator fitted to the district's width, with a padding, clipped to the frame. The
 * district is drawn centred in the frame's first `drawingWidth` pixels (all of it by default): a
 * narrower drawing leaves the frame's right-hand side to the map's key (`start` puts it at the left).
 */
export function fitMapFrame(
  district: Feature<Polygon | MultiPolygon>,
  width: number,
  maxHeight = Infinity,
  pad = 10,
  drawingWidth = width,
  align: 'centre' | 'start' = 'centre',
  /** 'start': room left of the drawing beyond its padding (for labels of towns on its west edge). */
  inset = 0,
): MapFrame {
  let projection = geoMercator().fitWidth(drawingWidth - 2 * pad, district);
  // A tall district would make a tall map; past maxHeight, fit the height and centre it instead.
  if (geoPath(projection).bounds(district)[1][1] - geoPath(projection).bounds(district)[0][1] > maxHeight - 2 * pad) {
    projection = geoMercator().fitHeight(maxHeight - 2 * pad, district);
  }
  const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(district);
  const height = Math.ceil(y1 - y0) + 2 * pad;
  // 'start': a drawing narrower than its room (fitted to the height) sits at the left, its padding from the edge.
  const left =
    align === 'start' ? Math.min(pad + inset, (drawingWidth - (x1 - x0)) / 2) : (drawingWidth - (x1 - x0)) / 2;
  projection.translate([projection.translate()[0] + left - x0, projection.translate()[1] + pad - y0]);
  projection.clipExtent([
    [-4, -4],
    [width + 4, height + 4],
  ]);
  return {
    projection,
    path: geoPath(projection).digits(0),
    coarsePath(object) {
      const context = new CoarsePath(2);
      geoPath(projection, context)(object);
      return context.toString();
    },
    height,
    kmToPixels(lonLat, km) {
      const [x, y] = projection(lonLat)!;
      const [, yNorth] = projection([lonLat[0], lonLat[1] + (km / EARTH_RADIUS_KM) * (180 / Math.PI)])!;
      return { x, y, r: Math.abs(y - yNorth) };
    },
  };
}

/** A path context (d3-geo's interface) that writes whole pixels and drops points within `gap` px of the last one kept. */
class CoarsePath {
  private parts: string[] = [];
  private last: [number, number] | undefined;
  constructor(private readonly gap: number) {}
  moveTo(x: number, y: number): void {
    this.last = [Math.round(x), Math.round(y)];
    this.parts.push(`M${this.last[0]},${this.last[1]}`);
  }
  lineTo(x: number, y: number): void {
    const point: [number, number] = [Math.round(x), Math.round(y)];
    if (this.last && Math.hypot(point[0] - this.last[0], point[1] - this.last[1]) < this.gap) return;
    this.last = point;
    this.parts.push(`L${point[0]},${point[1]}`);
  }
  closePath(): void {
    this.parts.push('Z');
  }
  arc(): void {}
  beginPath(): void {}
  toString(): string {
    return this.parts.join('');
  }
}
