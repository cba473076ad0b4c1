import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { mergeReports, partOfRun, summarise } from '../../scripts/ci-summary.mjs';

const fixture = resolve('tests/fixtures/ci-load-failure');

describe('the CI summary line cannot say "0 failed" when something failed', () => {
  it('counts a real test file that fails to load as a failure (vitest run on a fixture project)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ci-summary-'));
    try {
      const reportFile = join(dir, 'report.json');
      spawnSync(
        process.execPath,
        [resolve('node_modules/vitest/vitest.mjs'), 'run', '--root', fixture, '--outputFile', reportFile],
        { encoding: 'utf8' },
      );
      const report = JSON.parse(readFileSync(reportFile, 'utf8'));
      // The load failure is invisible to numFailedTests: this is what the old .ci/run printed from.
      expect(report.numFailedTests).toBe(0);
      expect(report.numPassedTests).toBe(1);
      const summary = summarise(report);
      expect(summary).toMatchObject({ passed: 1, failed: 1 });
      expect(summary.reasons.join('\n')).toMatch(/fails-to-load\.check\.ts/);
      // The script itself prints the line and exits non-zero.
      const run = spawnSync(process.execPath, ['scripts/ci-summary.mjs', reportFile], { encoding: 'utf8' });
      expect(run.stdout.trim()).toBe('1 passed, 1 failed');
      expect(run.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('counts a run that exits non-zero on an unhandled error as a failure, though its report says success', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ci-summary-'));
    try {
      const reportFile = join(dir, 'report.json');
      const run = spawnSync(
        process.execPath,
        [
          resolve('node_modules/vitest/vitest.mjs'),
          'run',
          '--root',
          resolve('tests/fixtures/ci-unhandled-error'),
          '--outputFile',
          reportFile,
        ],
        { encoding: 'utf8' },
      );
      const report = JSON.parse(readFileSync(reportFile, 'utf8'));
      // This is what the wave-4 CI run printed "1932 passed, 0 failed" from, and then exited 1.
      expect(run.status).toBe(1);
      expect(report).toMatchObject({ success: true, numFailedTests: 0, numPassedTests: 2 });
      expect(summarise(report).failed).toBe(0);
      const merged = summarise(mergeReports([partOfRun('dist and browser', report, run.status)]));
      expect(merged).toMatchObject({ passed: 2, failed: 1 });
      expect(merged.reasons.join('\n')).toMatch(/dist and browser.*unhandled error/);
      // A clean exit leaves the report as it is.
      expect(partOfRun('unit', report, 0)).toBe(report);
      expect(partOfRun('unit', undefined, null, 'SIGKILL')).toEqual({ missing: 'unit (vitest exited SIGKILL)' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('counts failed tests, an empty run and an unsuccessful run with no named failure', () => {
    const base = { numPassedTests: 3, numFailedTests: 0, numTotalTests: 3, success: true, testResults: [] };
    expect(summarise(base)).toMatchObject({ passed: 3, failed: 0 });
    expect(summarise({ ...base, numFailedTests: 2, numTotalTests: 5, success: false })).toMatchObject({ failed: 2 });
    expect(summarise({ ...base, numPassedTests: 0, numTotalTests: 0 }).failed).toBe(1);
    expect(summarise({ ...base, success: false }).failed).toBe(1);
  });

  it("merges the suite's separate runs so that a failure or a missing run in any part is a failure of the whole", () => {
    const passing = {
      numPassedTests: 3,
      numFailedTests: 0,
      numTotalTests: 3,
      success: true,
      testResults: [{ status: 'passed', name: 'a.test.ts', assertionResults: [{ status: 'passed' }] }],
    };
    const loadFailure = {
      numPassedTests: 1,
      numFailedTests: 0,
      numTotalTests: 1,
      success: false,
      testResults: [{ status: 'failed', name: 'b.test.ts', message: 'ENOENT', assertionResults: [] }],
    };
    expect(summarise(mergeReports([passing, passing]))).toMatchObject({ passed: 6, failed: 0 });
    expect(summarise(mergeReports([loadFailure, passing]))).toMatchObject({ passed: 4, failed: 1 });
    expect(summarise(mergeReports([passing, loadFailure]))).toMatchObject({ passed: 4, failed: 1 });
    const crashed = summarise(mergeReports([passing, { missing: 'dist and browser' }]));
    expect(crashed).toMatchObject({ passed: 3, failed: 1 });
    expect(crashed.reasons.join('\n')).toContain('dist and browser');
  });

  it('prints "0 passed, 1 failed" when there is no report at all', () => {
    const run = spawnSync(process.execPath, ['scripts/ci-summary.mjs', 'no-such-report.json'], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('0 passed, 1 failed');
    expect(run.status).toBe(1);
  });
});

describe('a clone is all the project needs', () => {
  it('no source, test, script or config reads ../shared (CI has it; a clone does not)', () => {
    const files = execFileSync(
      'git',
      ['ls-files', 'src', 'tests', 'scripts', 'vite.config.ts', '.ci', 'package.json'],
      { encoding: 'utf8' },
    )
      .split('\n')
      .filter(Boolean);
    const outside = files.filter(
      (file) => /['"`](\.\.\/)+shared\b/.test(readFileSync(file, 'utf8')) && !file.endsWith('ci-summary.test.ts'),
    );
    expect(outside).toEqual([]);
  });
});
