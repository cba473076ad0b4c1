import type { Topology } from 'topojson-specification';
import type { Dataset, Lang } from '../data/types';
import type { ChartText } from '../content/types';
import type { DataRows } from '../data/rows';

/** What every chart draws from: the dataset and the map data (always both, so no chart can lack them). */
export interface ChartInputs {
  dataset: Dataset;
  geo: Topology;
}

/** How to draw: checked once, by the registry's renderChart, before any chart sees it. */
export interface ChartOptions {
  width: number;
  lang: Lang;
  /** The document to build elements in: linkedom at build time, window.document in a browser. */
  document: Document;
  text: ChartText;
  /** The chart's title in this language, used as the SVG's accessible name. */
  title: string;
  /**
   * Draw only these rows (data keys), on the whole chart's scales: one group of a chart too long
   * for a phone's frame, shown for the step that tells about it (stepped reveals). A chart that
   * cannot draw a part of itself (`stepsByRows` unset) ignores it. Unset: every row.
   */
  rows?: readonly string[];
  /**
   * The most height the chart may take, in its own units: its phone form in the story's sticky
   * frame, above the step's card (src/story/phone-fit.ts). A chart that can draw itself smaller to
   * fit (`fitsHeight`) does; the others ignore it. Unset: the chart's own height.
   */
  maxHeight?: number;
}

export interface ChartTable {
  columns: string[];
  rows: string[][];
  /** Per row, the data keys behind it (metric ids, town codes): pages link each row to its sentences from these. */
  rowKeys?: string[][];
  /**
   * Per row, the figures behind it by source document and record (context figures from Sichuan's
   * and China's documents): pages link each to its highlighted sentence on /sources/<id>/.
   */
  rowSources?: Array<
    Array<{ source: string; record: string; year: string; kind: 'result' | 'target'; inReport: boolean }>
  >;
}

/**
 * Extra page furniture a chart asks for beside its figure. Pages render it by kind; they never
 * ask which chart they hold.
 */
export type CompanionKind = 'town-panel';

export interface ChartModule {
  /** kebab-case; also the embed slug, the snapshot name and the copy key. */
  id: string;
  /** The data-key values its marks carry (metric ids, or town codes for the map): what a step can highlight. */
  keys(inputs: ChartInputs): string[];
  render(inputs: ChartInputs, options: ChartOptions): SVGSVGElement;
  /** A text description generated from the data, for screen readers and the figure caption. */
  describe(inputs: ChartInputs, lang: Lang, text: ChartText): string;
  table(inputs: ChartInputs, lang: Lang, text: ChartText): ChartTable;
  /** The rows behind the chart, with units and quotes: its data.csv and data.json. */
  rows(inputs: ChartInputs): DataRows;
  companion?: CompanionKind;
  /**
   * The chart draws a group of its rows when asked (options.rows), with title, legend, axis and
   * source, every row the same height (so a group's height depends on its size only).
   */
  stepsByRows?: boolean;
  /** The chart draws itself no taller than options.maxHeight (the map: a smaller drawing, its key beside it). */
  fitsHeight?: boolean;
}
