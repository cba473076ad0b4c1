import type { Dataset, Lang } from '../data/types';
import type { ChartText } from '../story/content-types';
import type { Topology } from 'topojson-specification';

export interface ChartOptions {
  width: number;
  lang: Lang;
  /** The document to build elements in: linkedom at build time, window.document in a browser. */
  document: Document;
  text: ChartText;
  /** The chart's title in this language, used as the SVG's accessible name. */
  title: string;
  /** data/gaoping.topojson, for charts that draw the map. */
  geo?: Topology;
}

export interface ChartTable {
  columns: string[];
  rows: string[][];
}

/** One row of a chart's downloadable data: what the chart shows, with units and quotes. */
export interface ChartDatum {
  id: string;
  label: string;
  unit: string;
  actual2024: number | null;
  actual2024Quote: string | null;
  target2025: number | null;
  target2025Qualifier: string | null;
  target2025Quote: string | null;
  comparable: boolean | null;
}

export interface ChartModule {
  /** kebab-case; also the embed slug and the copy key. */
  id: string;
  /** The metric ids this chart draws, in drawing order. */
  metricIds(dataset: Dataset): string[];
  /** The data-key values its marks carry (metric ids, or town codes for the map): what a step can highlight. */
  dataKeys(dataset: Dataset, geo?: Topology): string[];
  render(dataset: Dataset, options: ChartOptions): SVGSVGElement;
  /** A text description generated from the data, for screen readers and the figure caption. */
  describe(dataset: Dataset, lang: Lang, text: ChartText, geo?: Topology): string;
  table(dataset: Dataset, lang: Lang, text: ChartText, geo?: Topology): ChartTable;
}
