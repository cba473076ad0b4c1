// Stops `npm run build` (and CI) on malformed inputs, naming file, record and field:
// the dataset on its own, then dataset, map and copy against each other.
import { loadCheckedLedger, DEFAULT_DATASET_PATH } from '../src/data/load-node';
import { resolveDataset } from '../src/data/types';
import { loadTopology, DEFAULT_TOPOLOGY_PATH } from '../src/geo/load-node';
import { DatasetError } from '../src/data/validate';
import { findCrossFileProblems } from '../src/site/check-inputs';
import { contentByLang } from '../src/content';
import { loadContext } from '../src/data/context-node';

const relative = (path: string) => path.replace(process.cwd() + '/', '');
try {
  const datasetPath = process.argv[2] ?? process.env.METRICS_FILE ?? DEFAULT_DATASET_PATH;
  const { raw, coverage } = loadCheckedLedger(datasetPath);
  const context = loadContext(raw);
  const dataset = { ...resolveDataset(raw), context };
  const geoPath = process.env.GEO_FILE ?? DEFAULT_TOPOLOGY_PATH;
  const problems = findCrossFileProblems(dataset, loadTopology(geoPath), contentByLang, {
    dataset: relative(datasetPath),
    topology: relative(geoPath),
    content: { zh: 'src/content/zh.json', en: 'src/content/en.json' },
  });
  if (problems.length > 0) throw new DatasetError(problems);
  const pairs = dataset.metrics.filter((m) => m.actual2024 && m.target2025).length;
  console.log(
    `inputs ok: ${dataset.records.length} records, ${dataset.metrics.length} metrics (${pairs} with both a 2024 result and a 2025 target), ${dataset.projects.length} projects; ` +
      `${coverage.accounted} of ${coverage.tokens} numeric tokens of the report accounted for; ` +
      `${context.records.length} context records from ${context.sources.length} sources, each quote found in its source`,
  );
} catch (error) {
  console.error(error instanceof DatasetError ? error.message : error);
  process.exit(1);
}
