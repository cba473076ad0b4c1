import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Dataset, Project } from './types';
import type { TownProperties } from '../geo/types';

export type TownFeature = Feature<Point, TownProperties>;

export interface TownProjects {
  town: TownProperties;
  /** Projects the report ties to this unit itself (not through an area that spans several units). */
  results: Project[];
  plans: Project[];
  /** Projects of a multi-unit area (临江新区) that reaches into this unit: counted apart, never as the unit's own. */
  areas: Array<{ name: string; projects: Project[] }>;
}

/** The township-level units of data/gaoping.topojson, as points, in the file's order. */
export function towns(geo: Topology): TownFeature[] {
  return (
    feature(geo, geo.objects.towns as GeometryCollection<TownProperties>) as FeatureCollection<Point, TownProperties>
  ).features;
}

/**
 * Projects by town, in the order of the town codes: the map, its list, its panel and its downloads.
 * An area-wide project (临江新区) is not the unit's own: it is kept under `areas`, so that a count of
 * a unit's projects never counts one area-wide item once in each of its units.
 */
export function projectsByTown(dataset: Dataset, geo: Topology): TownProjects[] {
  const areas = areaProjects(dataset);
  const inArea = new Set(areas.flatMap((area) => area.projects));
  return towns(geo).map((town) => {
    const code = town.properties.code;
    const own = dataset.projects.filter((p) => p.codes.includes(code) && !inArea.has(p));
    return {
      town: town.properties,
      results: own.filter((p) => p.year === 2024),
      plans: own.filter((p) => p.year === 2025),
      areas: areas
        .filter((area) => area.codes.includes(code))
        .map((area) => ({ name: area.name, projects: area.projects })),
    };
  });
}

/** The unit's own projects, both years: what a dot's size and a unit's count mean. */
export function ownProjectCount(entry: TownProjects): number {
  return entry.results.length + entry.plans.length;
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
