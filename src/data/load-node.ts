import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadReportText, DEFAULT_REPORT_PATH } from './report-node';
import { DatasetError, parseRawDataset } from './validate';
import { resolveDataset, type Dataset, type RawDataset } from './types';
import { loadContext, type ContextPaths } from './context-node';
import { checkLedger, coverage, type Coverage, type LedgerExclusions, type LedgerResult } from './ledger';

export const DEFAULT_DATASET_PATH = fileURLToPath(new URL('../../data/metrics.json', import.meta.url));
/** The copy of the report the quotes are checked against. */
export { DEFAULT_REPORT_PATH } from './report-node';
export const DEFAULT_EXCLUSIONS_PATH = fileURLToPath(new URL('../../data/ledger-exclusions.json', import.meta.url));

export interface LedgerPaths {
  report?: string;
  exclusions?: string;
}

export interface CheckedLedger {
  raw: RawDataset;
  ledger: LedgerResult;
  coverage: Coverage;
}

/**
 * Read and validate the dataset (build time only), including the ledger: every quote verbatim and
 * pinned, every value in its quote, every numeric token of the report accounted for.
 * METRICS_FILE, REPORT_FILE and LEDGER_EXCLUSIONS_FILE let tests build from copies.
 */
export function loadDataset(
  path = process.env.METRICS_FILE ?? DEFAULT_DATASET_PATH,
  paths: LedgerPaths & { context?: ContextPaths } = {},
): Dataset {
  const raw = loadCheckedLedger(path, paths).raw;
  // The context (sources, Sichuan's and China's figures) is checked against Gaoping's records.
  return { ...resolveDataset(raw), context: loadContext(raw, paths.context) };
}

export function loadCheckedLedger(
  path = process.env.METRICS_FILE ?? DEFAULT_DATASET_PATH,
  paths: LedgerPaths = {},
): CheckedLedger {
  const file = displayPath(path);
  const raw = parseRawDataset(readFileSync(path, 'utf8'), file);
  const reportPath = paths.report ?? process.env.REPORT_FILE ?? DEFAULT_REPORT_PATH;
  const exclusionsPath = paths.exclusions ?? process.env.LEDGER_EXCLUSIONS_FILE ?? DEFAULT_EXCLUSIONS_PATH;
  const exclusionsFile = displayPath(exclusionsPath);
  let exclusions: LedgerExclusions;
  try {
    exclusions = JSON.parse(readFileSync(exclusionsPath, 'utf8')) as LedgerExclusions;
  } catch (error) {
    throw new DatasetError([
      { file: exclusionsFile, record: 'document', field: '(json)', message: (error as Error).message },
    ]);
  }
  const ledger = checkLedger(raw, loadReportText(reportPath), exclusions, {
    dataset: file,
    report: displayPath(reportPath),
    exclusions: exclusionsFile,
  });
  if (ledger.problems.length > 0) throw new DatasetError(ledger.problems);
  return { raw, ledger, coverage: coverage(raw, ledger) };
}

function displayPath(path: string): string {
  const cwd = process.cwd() + '/';
  return path.startsWith(cwd) ? path.slice(cwd.length) : path;
}
