import type { Lang } from '../data/types';

/** Words the charts draw; one set per language, from the content files. */
export interface ChartText {
  actual2024: string;
  target2025: string;
  raised: string;
  held: string;
  lowered: string;
  notComparable: string;
  source: string;
  /** "{label}: {actual} → {target}" style sentence for descriptions; placeholders filled in code. */
  pairSentence: string;
  changeSentence: string;
  notComparableSentence: string;
  listSeparator: string;
  sentenceEnd: string;
  columnMetric: string;
  columnActual: string;
  columnTarget: string;
  columnChange: string;
  columnShift: string;
  columnNote: string;
  rateChanges: string;
  levelChanges: string;
  fdiAnnotation: string;
  mapTownName: string;
  mapProjectsLegend: string;
  mapUncertaintyLegend: string;
  mapAttribution: string;
  mapKilometres: string;
  mapDescription: string;
  mapTownSummary: string;
  mapDistrictWide: string;
  columnTown: string;
  columnKind: string;
  columnResults: string;
  columnPlans: string;
  columnUncertainty: string;
}

export interface ChartCopy {
  title: string;
  subtitle: string;
}

export interface KpiItem {
  /** "{metric-id.field}" template for the big number. */
  value: string;
  caption: string;
}

export interface Step {
  chart: string;
  /** Metric ids to highlight; empty or absent shows the chart plain. */
  focus?: string[];
  text: string;
}

export type Block =
  | { type: 'hero'; kicker: string; title: string; dek: string; byline: string }
  | { type: 'kpis'; heading: string; items: KpiItem[] }
  | { type: 'text'; heading?: string; paragraphs: string[] }
  | { type: 'scrolly'; id: string; heading: string; steps: Step[] }
  | { type: 'chart'; chart: string; text?: string }
  | { type: 'caveats'; heading: string; intro: string }
  | { type: 'townList'; heading: string; intro: string }
  | { type: 'methods'; heading: string; paragraphs: string[] };

export interface PageText {
  skipToContent: string;
  showAllCharts: string;
  scrollingStory: string;
  dataTable: string;
  description: string;
  languageSwitch: string;
  languageSwitchHref: string;
  downloadData: string;
  stepLabel: string;
  mapPanelClose: string;
  mapResults: string;
  mapPlans: string;
  mapPosition: string;
  mapMergedFrom: string;
  mapNoProjects: string;
  confidenceLow: string;
  confidenceMedium: string;
  embedReadStory: string;
  embedDataCsv: string;
  embedDataJson: string;
  embedSvg: string;
  embedPng: string;
}

export interface DeskText {
  title: string; intro: string; language: string; theme: string; themeLight: string; themeDark: string; themeAuto: string;
  titleBlock: string; titleOn: string; titleOff: string; embedCode: string; copy: string; copied: string;
  preview: string; open: string; manifest: string; dataPage: string; storyLink: string; copyFallback: string;
}

export interface DataPageText {
  title: string; intro: string; downloads: string; filesJson: string; filesCsv: string; filesSchema: string; filesTopo: string;
  fields: string; columns: string; projectColumns: string; source: string; licences: string; version: string; cite: string;
  citeText: string; artefact: string; columnName: string; columnMeaning: string; licenceLines: string[];
}

/** Share images, the WeChat poster and print-image links. */
export interface ShareText {
  projectName: string; credit: string; posterFindingsHeading: string;
  /** Sentences with {count.*} / {metric.field} placeholders, filled from the dataset. */
  posterFindings: string[];
  posterKpiHeading: string; posterScan: string; posterLink: string;
  printImages: string; printLight: string; printDark: string; shareImage: string;
}

/** The "cite this" box and the dataset's licence. */
export interface CiteText {
  heading: string; copy: string; copied: string; copyFallback: string;
  /** Who issued the report; the citation credits it first. */
  reportAuthor: string;
  /** {reportAuthor} {reportTitle} {reportDate} {reportVenue} {projectName} {version} {released} {url} {licence} */
  template: string;
  licenceHeading: string; licenceScope: string; licenceExcludes: string[];
}

export interface StoryContent {
  lang: Lang;
  meta: { title: string; description: string };
  page: PageText;
  chartText: ChartText;
  charts: Record<string, ChartCopy>;
  blocks: Block[];
  desk: DeskText;
  dataPage: DataPageText;
  /** One line per CSV column, keyed by column name. */
  columnDocs: Record<string, string>;
  notFound: { title: string; text: string; home: string };
  share: ShareText;
  cite: CiteText;
}
