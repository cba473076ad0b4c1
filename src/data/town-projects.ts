import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Dataset, Project } from './types';
import type { TownProperties } from '../geo/types';

export type TownFeature = Feature<Point, TownProperties>;

export interface TownProjects {
  town: TownProperties;
  results: Project[];
  plans: Project[];
}

/** The township-level units of data/gaoping.topojson, as points, in the file's order. */
export function towns(geo: Topology): TownFeature[] {
  return (feature(geo, geo.objects.towns as GeometryCollection<TownProperties>) as FeatureCollection<Point, TownProperties>).features;
}

/** Projects by town, in the order of the town codes: the map, its list, its panel and its downloads. */
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

export interface AreaProjects {
  /** The area as the report names it (临江新区). */
  name: string;
  /** Every unit the area's projects are shown at, in first-seen order. */
  codes: string[];
  projects: Project[];
}

/**
 * Projects tied to one named area that spans several units (临江新区): the town list gives them
 * once under the area, with a pointer from each unit, instead of repeating them under every unit.
 * The map's counts and the downloads still count them at each unit.
 */
export function areaProjects(dataset: Dataset): AreaProjects[] {
  const byName = new Map<string, AreaProjects>();
  for (const project of dataset.projects) {
    if (project.placeStatus !== 'located' || project.placeNames.length !== 1 || project.codes.length < 2) continue;
    const name = project.placeNames[0]!;
    const area = byName.get(name) ?? { name, codes: [], projects: [] };
    for (const code of project.codes) if (!area.codes.includes(code)) area.codes.push(code);
    area.projects.push(project);
    byName.set(name, area);
  }
  return [...byName.values()];
}
