import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeScale } from '../../scripts/lib/time-scale';

/**
 * The formatter, the linter and knip, run as their npm scripts run them, so `npm run test:unit` (and
 * CI's summary line) fails naming each unformatted file, each lint problem and each unused file,
 * export or dependency.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Each tool reads every file of the tree: a named budget longer than a unit test's 5 s. */
const TOOL_BUDGET_MS = 60_000 * timeScale();

function run(tool: string, args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      join(ROOT, 'node_modules', '.bin', tool),
      args,
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

interface EslintFileResult {
  filePath: string;
  messages: Array<{ line?: number; column?: number; ruleId: string | null; message: string }>;
}

describe('the formatter, the linter and knip', () => {
  it.concurrent(
    'every code file is as Prettier formats it (npm run format rewrites the ones named)',
    async () => {
      const { status, stdout, stderr } = await run('prettier', ['--list-different', '.']);
      const unformatted = stdout.split('\n').filter(Boolean);
      expect({ unformatted, error: stderr.trim() }).toEqual({ unformatted: [], error: '' });
      expect(status).toBe(0);
    },
    TOOL_BUDGET_MS,
  );

  it.concurrent(
    'ESLint (typescript-eslint recommended) finds no problem (npm run lint)',
    async () => {
      const { stdout, stderr } = await run('eslint', ['--format', 'json', '.']);
      expect(stderr.trim()).toBe('');
      const results = JSON.parse(stdout) as EslintFileResult[];
      const problems = results.flatMap((file) =>
        file.messages.map(
          (m) =>
            `${file.filePath.slice(ROOT.length)}:${m.line ?? 0}:${m.column ?? 0} ${m.ruleId ?? 'parse'}: ${m.message}`,
        ),
      );
      expect(results.length).toBeGreaterThan(100);
      expect(problems).toEqual([]);
    },
    TOOL_BUDGET_MS,
  );

  it.concurrent(
    'knip finds no unused file, export or dependency (npm run knip)',
    async () => {
      const { status, stdout, stderr } = await run('knip', ['--reporter', 'compact', '--no-progress']);
      expect({ status, report: `${stdout}${stderr}`.trim() }).toEqual({ status: 0, report: '' });
      // An export that only its own file uses counts as unused: the option that hid ~100 of them stays off.
      expect(readFileSync(join(ROOT, 'knip.jsonc'), 'utf8')).not.toMatch(/"ignoreExportsUsedInFile"/);
    },
    TOOL_BUDGET_MS,
  );
});
