// Types for scripts/ci-summary.mjs (plain JavaScript: .ci/run runs it with node alone).
export interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
  success: boolean;
  testResults?: { status: string; name?: string; message?: string; assertionResults?: { status: string }[] }[];
}
/** The closing line's counts: failed tests plus files that failed outside their tests. */
export declare function summarise(report: VitestJsonReport): { passed: number; failed: number; reasons: string[] };
/** One report from the separate runs' reports; `{ missing: name }` stands for a run that wrote none. */
export declare function mergeReports(
  parts: Array<VitestJsonReport | { missing: string }>,
): VitestJsonReport & { numFailedTestSuites: number };
/** One run's part of the merge: a failed entry is added when vitest exited non-zero with every test passed. */
export declare function partOfRun(
  name: string,
  report: VitestJsonReport | undefined,
  exitStatus: number | null,
  signal?: string | null,
): VitestJsonReport | { missing: string };
