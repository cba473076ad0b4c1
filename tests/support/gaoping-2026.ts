import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../../src/data/load-node';
import type { Dataset } from '../../src/data/types';
import { inTempFolder } from '../../src/publish/temp-folder';

const FIXTURE = 'tests/fixtures/gaoping-2026';

/**
 * The dataset as it would load on the day Gaoping's 2026 report is added: the committed sources
 * and records plus the fixture's source, text and 2025 results, as data only (copies in a
 * temporary folder, removed once loaded; nothing under data/ changes).
 */
export function datasetWithGaoping2026(): Dataset {
  return inTempFolder('gaoping-2026', loadFrom);
}

function loadFrom(dir: string): Dataset {
  const sourceDir = join(dir, 'sources');
  mkdirSync(sourceDir);
  for (const name of readdirSync('data/sources')) copyFileSync(join('data/sources', name), join(sourceDir, name));
  copyFileSync(join(FIXTURE, 'gaoping-2026-fixture.txt'), join(sourceDir, 'gaoping-2026-fixture.txt'));
  const sources = JSON.parse(readFileSync('data/sources.json', 'utf8'));
  sources.sources.push(JSON.parse(readFileSync(join(FIXTURE, 'source.json'), 'utf8')));
  const context = JSON.parse(readFileSync('data/context.json', 'utf8'));
  context.records.push(...JSON.parse(readFileSync(join(FIXTURE, 'records.json'), 'utf8')));
  writeFileSync(join(dir, 'sources.json'), JSON.stringify(sources));
  writeFileSync(join(dir, 'context.json'), JSON.stringify(context));
  return loadDataset(undefined, {
    context: { sources: join(dir, 'sources.json'), context: join(dir, 'context.json'), sourceDir },
  });
}
