// Checks the dataset against a copy of the report: every quote verbatim (and pinned to one place),
// every value in its quote, every numeric token of the report accounted for; prints the coverage.
// Usage: npm run factcheck [-- REPORT.txt [data/metrics.json]]   (default: data/sources/gaoping-2025-work-report.txt)
import { readFileSync } from 'node:fs';
import { loadCheckedLedger, DEFAULT_REPORT_PATH } from '../src/data/load-node';
import { collectQuotes, findMissingQuotes } from '../src/data/factcheck';
import { DatasetError } from '../src/data/validate';

const [reportPath = DEFAULT_REPORT_PATH, datasetPath] = process.argv.slice(2);
const relative = (path: string) => path.replace(process.cwd() + '/', '');
try {
  const { raw, coverage } = loadCheckedLedger(datasetPath, { report: reportPath });
  const quotes = collectQuotes(raw);
  const missing = findMissingQuotes(quotes, readFileSync(reportPath, 'utf8'));
  for (const quote of missing) console.error(`NOT FOUND  ${quote.where}: "${quote.text}"`);
  const percent = (n: number) => `${(n * 100).toFixed(1)}%`;
  console.log(
    `factcheck: ${quotes.length - missing.length} of ${quotes.length} quotes found verbatim in ${relative(reportPath)}`,
  );
  console.log(
    `numeric tokens in the report: ${coverage.tokens}; accounted for: ${coverage.accounted} (${percent(coverage.accounted / coverage.tokens)})`,
  );
  console.log(
    `  as records: ${coverage.asRecords}; excluded: ${Object.entries(coverage.excluded)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `quantities in the report: ${coverage.quantities}; as records: ${coverage.asRecords} (${percent(coverage.quantityShare)})`,
  );
  console.log(
    `records: ${raw.records.length}; by kind: ${Object.entries(coverage.recordsByKind)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  process.exit(missing.length === 0 ? 0 : 1);
} catch (error) {
  console.error(error instanceof DatasetError ? error.message : error);
  process.exit(1);
}
