// Checks every quote in the dataset against a copy of the report, verbatim.
// Usage: npm run factcheck -- ../shared/source/gaoping-2025-work-report.txt [data/metrics.json]
import { readFileSync } from 'node:fs';
import { loadDataset } from '../src/data/load-node';
import { collectQuotes, findMissingQuotes } from '../src/data/factcheck';

const [reportPath, datasetPath] = process.argv.slice(2);
if (!reportPath) {
  console.error('usage: npm run factcheck -- <path to report text> [path to metrics.json]');
  process.exit(2);
}
const report = readFileSync(reportPath, 'utf8');
const quotes = collectQuotes(loadDataset(datasetPath));
const missing = findMissingQuotes(quotes, report);
for (const quote of missing) console.error(`NOT FOUND  ${quote.where}: "${quote.text}"`);
console.log(`factcheck: ${quotes.length - missing.length} of ${quotes.length} quotes found verbatim in ${reportPath}`);
process.exit(missing.length === 0 ? 0 : 1);
