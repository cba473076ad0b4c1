#!/usr/bin/env node
// The closing line of .ci/run, computed from vitest's JSON report.
//
// A test file that fails to load (a missing file, a syntax error, a throwing top level) has no
// failed *tests*: vitest counts it only in numFailedTestSuites. So a failure here is every failed
// test plus every failed file that has no failed test of its own, plus one for an unsuccessful run
// that names neither (an unhandled error). "0 failed" therefore means nothing failed at all.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * @param {{ numPassedTests: number, numFailedTests: number, numTotalTests: number, success: boolean,
 *   testResults?: { status: string, name?: string, message?: string, assertionResults?: { status: string }[] }[] }} report
 * @returns {{ passed: number, failed: number, reasons: string[] }}
 */
export function summarise(report) {
  const reasons = [];
  let failed = report.numFailedTests;
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed').length;
    if (file.status === 'failed' && failedTests === 0) {
      failed += 1;
      reasons.push(
        `file failed outside its tests: ${file.name ?? '?'}${file.message ? ` (${file.message.split('\n')[0]})` : ''}`,
      );
    }
  }
  if (report.numTotalTests === 0) {
    failed += 1;
    reasons.push('no test ran');
  }
  if (!report.success && failed === 0) {
    failed = 1;
    reasons.push('vitest reported an unsuccessful run (an unhandled error?)');
  }
  return { passed: report.numPassedTests, failed, reasons };
}

/**
 * One report from the reports of the suite's separate vitest runs (scripts/test-suite.mjs). A part
 * given as `{ missing: name }` (its run wrote no report: it crashed before the end) becomes a
 * failed file of that name, so the merged report can never look complete when a part is absent.
 * @param {Array<Record<string, any> | { missing: string }>} parts
 */
export function mergeReports(parts) {
  const merged = {
    numTotalTests: 0,
    numPassedTests: 0,
    numFailedTests: 0,
    numTotalTestSuites: 0,
    numFailedTestSuites: 0,
    success: true,
    testResults: [],
  };
  for (const part of parts) {
    if ('missing' in part) {
      merged.success = false;
      merged.numFailedTestSuites += 1;
      merged.testResults.push({
        status: 'failed',
        name: part.missing,
        message: 'this part of the suite wrote no report',
        assertionResults: [],
      });
      continue;
    }
    for (const key of [
      'numTotalTests',
      'numPassedTests',
      'numFailedTests',
      'numTotalTestSuites',
      'numFailedTestSuites',
    ])
      merged[key] += part[key] ?? 0;
    merged.success &&= part.success === true;
    merged.testResults.push(...(part.testResults ?? []));
  }
  return merged;
}

/**
 * The report one vitest run contributes to the merge, given how its process ended. vitest's JSON
 * report says `success: true` when every test passed even if the run then failed on an unhandled
 * error (a rejection after a test, a route handler outliving its page): only the exit status
 * shows it. So a run that exited non-zero with a successful report gets a failed entry naming it,
 * and a run that wrote no report is `{ missing }`.
 * @param {string} name
 * @param {Record<string, any> | undefined} report
 * @param {number | null} exitStatus
 * @param {string | null} [signal]
 */
export function partOfRun(name, report, exitStatus, signal = null) {
  if (report === undefined) return { missing: `${name} (vitest exited ${exitStatus ?? signal})` };
  if (exitStatus === 0 || report.success !== true) return report;
  return {
    ...report,
    success: false,
    numFailedTestSuites: (report.numFailedTestSuites ?? 0) + 1,
    testResults: [
      ...(report.testResults ?? []),
      {
        status: 'failed',
        name,
        message: `vitest exited ${exitStatus ?? signal} although every test passed: an unhandled error (see the log above)`,
        assertionResults: [],
      },
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2] ?? '.vitest-report.json';
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`no readable vitest JSON report at ${file}: ${error instanceof Error ? error.message : error}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const { passed, failed, reasons } = summarise(report);
  for (const reason of reasons) console.error(reason);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}
