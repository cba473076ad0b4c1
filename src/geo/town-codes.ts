import type { Topology, GeometryCollection } from 'topojson-specification';

export function townCodes(topology: Topology): Set<string> {
  const towns = topology.objects.towns as GeometryCollection | undefined;
  return new Set((towns?.geometries ?? []).map((g) => String((g.properties as { code?: string } | undefined)?.code)));
}
