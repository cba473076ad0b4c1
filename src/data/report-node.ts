import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_REPORT_PATH = fileURLToPath(
  new URL('../../data/sources/gaoping-2025-work-report.txt', import.meta.url),
);

/**
 * The report's text: the repository's copy in data/sources/, or REPORT_FILE. The ledger check and the annotated report read the same file.
 */
export function reportPath(): string {
  return process.env.REPORT_FILE ? resolve(process.cwd(), process.env.REPORT_FILE) : DEFAULT_REPORT_PATH;
}

/** The report text (build time only); a missing file stops the build naming the file and the variable. */
export function loadReportText(path = reportPath()): string {
  if (!existsSync(path)) {
    throw new Error(
      `The report text is missing: ${path}\n` +
        'The annotated report and every quote check read it. Restore data/sources/gaoping-2025-work-report.txt, or set REPORT_FILE to its path.',
    );
  }
  return readFileSync(path, 'utf8');
}
