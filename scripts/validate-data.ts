// Stops `npm run build` (and CI) on a malformed dataset, naming file, record and field.
import { loadDataset } from '../src/data/load-node';
import { DatasetError } from '../src/data/validate';

try {
  const dataset = loadDataset(process.argv[2]);
  const pairs = dataset.metrics.filter((m) => m.actual2024 && m.target2025).length;
  console.log(`dataset ok: ${dataset.metrics.length} metrics, ${pairs} with both a 2024 result and a 2025 target`);
} catch (error) {
  console.error(error instanceof DatasetError ? error.message : error);
  process.exit(1);
}
