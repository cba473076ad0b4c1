import type { Lang } from '../data/types';

/** Words the charts draw; one set per language, from the content files. */
export interface ChartText {
  actual2024: string;
  target2025: string;
  raised: string;
  held: string;
  lowered: string;
  notComparable: string;
  /** Tag for a pair that is the same indicator with a different scope. */
  differentScope: string;
  /** Separator between a tag or label and what follows: "：" in Chinese, ": " in English. */
  noteSeparator: string;
  source: string;
  /** "{label}: {actual} → {target}" style sentence for descriptions; placeholders filled in code. */
  pairSentence: string;
  changeSentence: string;
  /** Placeholders {actualMeasure} {actual} {targetMeasure} {target}: each value under its own measure. */
  notComparableSentence: string;
  differentScopeSentence: string;
  heldSentence: string;
  /** Appended when both years are stated only as floors (突破千亿, 1000亿元以上). */
  floorsNote: string;
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
  mapUnlocated: string;
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
  title: string; intro: string; downloads: string; filesJson: string; filesCsv: string; filesRecordsCsv: string; filesExclusions: string; filesSchema: string; filesTopo: string;
  fields: string; recordsField: string; columns: string; recordColumns: string; projectColumns: string; source: string; licences: string; version: string; cite: string;
  citeText: string; artefact: string; columnName: string; columnMeaning: string; licenceLines: string[];
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
}
