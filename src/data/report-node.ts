import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The report's text is read from beside the repository (CI has a read-only copy of shared/ at
 * ../shared, as here); REPORT_FILE points elsewhere. Nothing of it is committed to this repository.
 */
export const DEFAULT_REPORT_FILE = '../shared/source/gaoping-2025-work-report.txt';

export function reportPath(): string {
  return resolve(process.cwd(), process.env.REPORT_FILE ?? DEFAULT_REPORT_FILE);
}

/** The report text (build time only); a missing file stops the build naming the file and the variable. */
export function loadReportText(path = reportPath()): string {
  if (!existsSync(path)) {
    throw new Error(`The report text is missing: ${path}\n` +
      `The annotated report and every quote check read it. Put the report there (default ${DEFAULT_REPORT_FILE}, beside this repository), or set REPORT_FILE to its path.`);
  }
  return readFileSync(path, 'utf8');
}
