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
