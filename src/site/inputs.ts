import { contextPaths, loadSourceText } from '../data/context-node';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ChartInputs } from '../charts/types';
import { contentByLang, CONTENT_FILES } from '../content';
import type { Lang, StoryContent } from '../content/types';
import { DEFAULT_DATASET_PATH, DEFAULT_EXCLUSIONS_PATH, DEFAULT_REPORT_PATH, loadDataset } from '../data/load-node';
import { loadReportText } from '../data/report-node';
import { DatasetError } from '../data/validate';
import { DEFAULT_TOPOLOGY_PATH, loadTopology } from '../geo/load-node';
import type { AnnotatedReport } from '../report/report-page';
import { findCrossFileProblems } from './check-inputs';
import { annotateReport } from './provenance-pages';

/** The files a site is built from. Each has a default in data/; tests point them at copies. */
export interface SiteInputFiles {
  dataset: string;
  topology: string;
  report: string;
  exclusions: string;
  schema: string;
}

/** Everything the site is rendered from, each file checked, then checked against the others. */
export interface SiteInputs {
  inputs: ChartInputs;
  content: Record<Lang, StoryContent>;
  annotated: AnnotatedReport;
  /** The data files as they are, for the /data/ downloads. */
  raw: {
    metricsJson: string;
    schemaJson: string;
    exclusionsJson: string;
    topojson: string;
    contextJson: string;
    sourcesJson: string;
  };
  /** Each context source's stored text, by source id. */
  sourceTexts: Map<string, string>;
  files: SiteInputFiles;
}

export const DEFAULT_INPUT_FILES: SiteInputFiles = {
  dataset: DEFAULT_DATASET_PATH,
  topology: DEFAULT_TOPOLOGY_PATH,
  report: DEFAULT_REPORT_PATH,
  exclusions: DEFAULT_EXCLUSIONS_PATH,
  schema: resolve(DEFAULT_DATASET_PATH, '../metrics.schema.json'),
};

/**
 * The input files a build reads: the defaults, or METRICS_FILE, GEO_FILE, REPORT_FILE and
 * LEDGER_EXCLUSIONS_FILE (read here, once, and nowhere else in the site's build).
 */
export function inputFilesFromEnv(env: NodeJS.ProcessEnv = process.env): SiteInputFiles {
  const fromEnv = (name: string, fallback: string) => (env[name] ? resolve(process.cwd(), env[name]!) : fallback);
  return {
    ...DEFAULT_INPUT_FILES,
    dataset: fromEnv('METRICS_FILE', DEFAULT_INPUT_FILES.dataset),
    topology: fromEnv('GEO_FILE', DEFAULT_INPUT_FILES.topology),
    report: fromEnv('REPORT_FILE', DEFAULT_INPUT_FILES.report),
    exclusions: fromEnv('LEDGER_EXCLUSIONS_FILE', DEFAULT_INPUT_FILES.exclusions),
  };
}

const relative = (path: string) => (path.startsWith(process.cwd() + '/') ? path.slice(process.cwd().length + 1) : path);

/**
 * Reads and checks every input: the dataset (with its ledger against the report), the map, the
 * copy, the cross-file references, then locates every quote in the report. A problem throws a
 * DatasetError naming file, record and field.
 */
export function loadSiteInputs(files: SiteInputFiles = inputFilesFromEnv()): SiteInputs {
  const reportText = loadReportText(files.report);
  const dataset = loadDataset(files.dataset, { report: files.report, exclusions: files.exclusions });
  const geo = loadTopology(files.topology);
  const names = { dataset: relative(files.dataset), topology: relative(files.topology), content: CONTENT_FILES };
  const problems = findCrossFileProblems(dataset, geo, contentByLang, names);
  if (problems.length > 0) throw new DatasetError(problems);
  const inputs = { dataset, geo };
  const annotated = annotateReport(inputs, reportText, { dataset: names.dataset, report: relative(files.report) });
  const raw = {
    metricsJson: readFileSync(files.dataset, 'utf8'),
    schemaJson: readFileSync(files.schema, 'utf8'),
    exclusionsJson: readFileSync(files.exclusions, 'utf8'),
    topojson: readFileSync(files.topology, 'utf8'),
    contextJson: readFileSync(contextPaths().context, 'utf8'),
    sourcesJson: readFileSync(contextPaths().sources, 'utf8'),
  };
  const sourceTexts = new Map(
    (dataset.context?.sources ?? []).map((source) => [source.id, loadSourceText(source.file)]),
  );
  return { inputs, content: contentByLang, annotated, raw, sourceTexts, files };
}
