import gcoord from 'gcoord';
import { topology } from 'topojson-server';
import { presimplify, simplify, quantile } from 'topojson-simplify';
import { meshArcs, quantize } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, Point as GeoPoint, Position } from 'geojson';
import type { Topology, GeometryCollection, Transform } from 'topojson-specification';
import type { PlacesFile, AreaProperties, TownProperties } from './types';

type SimplifiableTopology = Parameters<typeof presimplify>[0];

function quantizePosition(position: Position, transform: Transform): [number, number] {
  return [
    Math.round((position[0]! - transform.translate[0]) / transform.scale[0]),
    Math.round((position[1]! - transform.translate[1]) / transform.scale[1]),
  ];
}

const GAOPING_CODE = '511303';
/** The district's river neighbours: the shared border with these two runs along the Jialing. */
const RIVER_NEIGHBOUR_CODES = ['511302', '511304'];

const COUNTY_NAMES_EN: Record<string, string> = {
  '511302': 'Shunqing District',
  '511303': 'Gaoping District',
  '511304': 'Jialing District',
  '511321': 'Nanbu County',
  '511322': 'Yingshan County',
  '511323': "Peng'an County",
  '511324': 'Yilong County',
  '511325': 'Xichong County',
  '511381': 'Langzhong City',
};

/** GCJ-02 (the Chinese offset datum, as AMap publishes) to WGS84, vertex by vertex. */
function toWgs84(position: Position): Position {
  const [lon, lat] = gcoord.transform([position[0]!, position[1]!], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return [Number(lon.toFixed(6)), Number(lat.toFixed(6))];
}

function mapGeometry(geometry: Geometry, map: (p: Position) => Position): Geometry {
  switch (geometry.type) {
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(map)) };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(map))),
      };
    default:
      throw new Error(`unexpected boundary geometry ${geometry.type}`);
  }
}

/** The AMap export repeats vertices; repeated points would cut arcs where none is needed. */
function dropRepeats(ring: Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
}

function cleanGeometry(geometry: Geometry): Geometry {
  switch (geometry.type) {
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map(dropRepeats) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map(dropRepeats)) };
    default:
      return geometry;
  }
}

export interface GeoBuildOptions {
  /** Keep this share of vertices, by simplification weight (0–1); lower is smaller. */
  keepQuantile: number;
  quantization: number;
}

/**
 * The whole geo build as one pure function: Nanchong county polygons (GCJ-02) and the curated
 * town file in, one TopoJSON out. Layers share arcs, so the river and borders line up exactly.
 */
export function buildGaopingTopology(
  nanchong: FeatureCollection,
  places: PlacesFile,
  options: GeoBuildOptions,
): Topology {
  const counties = nanchong.features.map((feature) => {
    const code = String(feature.id);
    const zh = String((feature.properties as { name: string }).name);
    const en = COUNTY_NAMES_EN[code];
    if (!en) throw new Error(`no English name for county ${code} ${zh}`);
    return {
      type: 'Feature',
      id: code,
      properties: { name: { zh, en } } satisfies AreaProperties,
      geometry: cleanGeometry(mapGeometry(feature.geometry, toWgs84)),
    } as Feature;
  });
  const district = counties.filter((f) => f.id === GAOPING_CODE);
  if (district.length !== 1) throw new Error(`expected one ${GAOPING_CODE} polygon, found ${district.length}`);
  const neighbours = counties
    .filter((f) => f.id !== GAOPING_CODE)
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const towns = [...places.towns]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(
      (town) =>
        ({
          type: 'Feature',
          id: town.code,
          properties: {
            code: town.code,
            name: town.name,
            kind: town.kind,
            mergedFrom: town.mergedFrom,
            uncertaintyKm: town.uncertaintyKm,
            confidence: town.confidence,
          } satisfies TownProperties,
          geometry: { type: 'Point', coordinates: [town.seat.lon, town.seat.lat] },
        }) as Feature,
    );

  let topo: SimplifiableTopology = topology(
    {
      district: { type: 'FeatureCollection', features: district },
      neighbours: { type: 'FeatureCollection', features: neighbours },
    } as Record<string, FeatureCollection>,
    options.quantization,
  ) as unknown as SimplifiableTopology;
  topo = presimplify(topo);
  topo = simplify(topo, quantile(topo, options.keepQuantile));
  // presimplify stores each vertex's weight as a third coordinate; the output needs only x, y.
  topo.arcs = topo.arcs.map((arc) => arc.map((point) => [point[0]!, point[1]!]));
  topo = quantize(topo, options.quantization) as SimplifiableTopology;
  // Points join after simplification: topojson-simplify only dequantizes arcs, not points.
  const transform = (topo as unknown as Topology).transform!;
  topo.objects.towns = {
    type: 'GeometryCollection',
    geometries: towns.map((town) => ({
      type: 'Point',
      id: town.id,
      properties: town.properties,
      coordinates: quantizePosition((town.geometry as GeoPoint).coordinates, transform),
    })),
  } as GeometryCollection;

  const areas: GeometryCollection = {
    type: 'GeometryCollection',
    geometries: [
      ...(topo.objects.district as GeometryCollection).geometries,
      ...(topo.objects.neighbours as GeometryCollection).geometries,
    ],
  };
  const river = meshArcs(
    topo as unknown as Topology,
    areas,
    (a, b) =>
      a !== b &&
      [a.id, b.id].includes(GAOPING_CODE) &&
      [a.id, b.id].some((id) => RIVER_NEIGHBOUR_CODES.includes(String(id))),
  );
  topo.objects.river = {
    type: 'GeometryCollection',
    geometries: [{ ...river, id: 'jialing', properties: { name: { zh: '嘉陵江', en: 'Jialing River' } } }],
  } as GeometryCollection;
  // A fixed key order keeps the file byte-identical between runs.
  const { district: d, neighbours: n, river: r, towns: t } = topo.objects;
  topo.objects = { district: d!, neighbours: n!, river: r!, towns: t! };
  return topo as unknown as Topology;
}
