#!/usr/bin/env node
// npm test: the suite in two vitest runs. The units run first in a vitest process of their own, so
// a unit failure shows within a minute. Meanwhile the production build the other files share is
// made beside them at a lower priority (scripts/build-test-site.ts), so they never wait for it and
// it costs the suite only the CPU the units leave idle. Then one vitest process runs the checks
// that only read dist/ beside the browser tests (tests/support/global-setup.ts serves that build,
// or builds itself if this one failed, so a build error is reported by vitest). Both runs write
// JSON reports; they are merged into the one report .ci/run reads (.vitest-report.json), in which a
// run that wrote none, or exited non-zero with every test passed (an unhandled error), counts as
// failed.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mergeReports, partOfRun } from './ci-summary.mjs';

const REPORT = '.vitest-report.json';
const BUILD_LOG = '.test-build.log';
const RUNS = [
  { name: 'unit', projects: ['unit'] },
  { name: 'dist and browser', projects: ['dist', 'browser'], needsBuild: true },
];

/** Resolves with how a child process ended, or that it could not start (status null). */
const ended = (child) =>
  new Promise((resolve) => {
    child.on('exit', (status, signal) => resolve({ status, signal }));
    child.on('error', (error) => resolve({ status: null, signal: error.message }));
  });

/**
 * Starts the shared production build at a lower priority, so the units come first and the build
 * takes what CPU they leave. Through `nice` (coreutils), because a priority set on a running
 * process applies to its main thread only: the bundler's and the image renderer's worker threads
 * would keep competing with the units. Its output goes to a file, shown only if it fails.
 */
function startBuild() {
  const log = openSync(BUILD_LOG, 'w');
  const child = spawn(
    'nice',
    ['-n', '10', process.execPath, 'node_modules/tsx/dist/cli.mjs', 'scripts/build-test-site.ts'],
    { stdio: ['ignore', log, log] },
  );
  closeSync(log);
  return ended(child);
}

rmSync(REPORT, { force: true });
const build = startBuild();
const parts = [];
let failed = false;
for (const run of RUNS) {
  const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
  if (run.needsBuild) {
    const { status, signal } = await build;
    if (status === 0) env.TEST_SITE_PREBUILT = '1';
    else {
      console.log(`\n── the build beside the units exited ${status ?? signal}; vitest builds again to report it:`);
      console.log(readFileSync(BUILD_LOG, 'utf8'));
    }
  }
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
  const { status, signal } = await ended(
    spawn(process.execPath, ['node_modules/vitest/vitest.mjs', ...args], { stdio: 'inherit', env }),
  );
  if (status !== 0) failed = true;
  const report = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  parts.push(partOfRun(run.name, report, status, signal));
  rmSync(file, { force: true });
}
rmSync(BUILD_LOG, { force: true });
writeFileSync(REPORT, JSON.stringify(mergeReports(parts)));
process.exit(failed ? 1 : 0);
