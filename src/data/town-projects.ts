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
