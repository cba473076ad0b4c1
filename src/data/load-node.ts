import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDataset } from './validate';
import type { Dataset } from './types';

export const DEFAULT_DATASET_PATH = fileURLToPath(new URL('../../data/metrics.json', import.meta.url));

/** Read and validate the dataset (build time only). METRICS_FILE lets tests build from a copy. */
export function loadDataset(path = process.env.METRICS_FILE ?? DEFAULT_DATASET_PATH): Dataset {
  return parseDataset(readFileSync(path, 'utf8'), displayPath(path));
}

function displayPath(path: string): string {
  const cwd = process.cwd() + '/';
  return path.startsWith(cwd) ? path.slice(cwd.length) : path;
}
