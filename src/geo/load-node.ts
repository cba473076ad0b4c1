import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Topology } from 'topojson-specification';

export const DEFAULT_TOPOLOGY_PATH = fileURLToPath(new URL('../../data/gaoping.topojson', import.meta.url));

/** The map data (build time only). GEO_FILE lets tests build from a copy. */
export function loadTopology(path = process.env.GEO_FILE ?? DEFAULT_TOPOLOGY_PATH): Topology {
  return JSON.parse(readFileSync(path, 'utf8')) as Topology;
}
