#!/usr/bin/env node
// npm test: the suite in two vitest runs. The units run first in a vitest process of their
// own, so a unit failure shows within a minute instead of after a production build. Then one
// vitest process runs the checks that only read dist/ beside the browser tests, which share one
// build (tests/support/global-setup.ts). Both runs write JSON reports; they are merged into the
// one report .ci/run reads (.vitest-report.json), in which a run that wrote none, or exited non-zero
// with every test passed (an unhandled error), counts as failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mergeReports, partOfRun } from './ci-summary.mjs';

const REPORT = '.vitest-report.json';
const RUNS = [
  { name: 'unit', projects: ['unit'] },
  { name: 'dist and browser', projects: ['dist', 'browser'] },
];

rmSync(REPORT, { force: true });
const parts = [];
let failed = false;
for (const run of RUNS) {
  const file = `.vitest-report.${run.projects.join('-')}.json`;
  rmSync(file, { force: true });
  const args = [
    'run',
    ...run.projects.flatMap((project) => ['--project', project]),
    '--outputFile.json',
    file,
    ...process.argv.slice(2),
  ];
  console.log(`\n── ${run.name}: vitest ${args.join(' ')}`);
  const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', ...args], {
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (result.status !== 0) failed = true;
  const report = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  parts.push(partOfRun(run.name, report, result.status, result.signal));
  rmSync(file, { force: true });
}
writeFileSync(REPORT, JSON.stringify(mergeReports(parts)));
process.exit(failed ? 1 : 0);
