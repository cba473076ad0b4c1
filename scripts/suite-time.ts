// npm run bench:suite [-- --runs N] [-- --keep]
// Times the README's test command on a fresh clone, N runs in a row (default 1), with the median. Each run clones
// this repository's committed HEAD into a new folder under the system's temporary directory (so
// nothing beside it, such as ../shared, can be read), runs `npm ci`, then `npm test`, and prints
// how long each took, when the unit group finished, and the load average before and after, so a
// time measured on a busy machine says so. Timing lives here, never in a test.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './lib/site';

/** The README's Quick start test command; tests/unit/readme.test.ts keeps .ci/run identical to it. */
const README_TEST_COMMAND = 'npm ci && npm test';

const at = process.argv.indexOf('--runs');
const runs = at >= 0 ? Number(process.argv[at + 1]) : 1;
if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new Error(`invalid --runs: ${process.argv[at + 1]}`);
const keep = process.argv.includes('--keep');
if (!readFileSync(join(ROOT, 'README.md'), 'utf8').includes(`\n${README_TEST_COMMAND}\n`)) {
  throw new Error(
    `README.md no longer gives "${README_TEST_COMMAND}" as its test command: update scripts/suite-time.ts to time what it says`,
  );
}

const seconds = (from: number) => (performance.now() - from) / 1000;
const load = () => loadavg()[0]!.toFixed(1);

/** Runs one command in the clone, its output passed through; resolves with its exit status and time. */
function timed(
  cwd: string,
  command: string,
  args: string[],
  watch?: (text: string, started: number) => void,
): Promise<{ seconds: number; status: number | null }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, CI: 'true' },
    });
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      watch?.(chunk.toString(), started);
    });
    child.on('exit', (status) => resolve({ seconds: seconds(started), status }));
  });
}

const testSeconds: number[] = [];

async function timeOneRun(run: number): Promise<string> {
  const clone = mkdtempSync(join(tmpdir(), 'gaoping-suite-'));
  try {
    const cloned = spawnSync('git', ['clone', '--quiet', '--no-local', ROOT, clone], { stdio: 'inherit' });
    if (cloned.status !== 0) throw new Error(`git clone ${ROOT} failed`);
    const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: clone, encoding: 'utf8' }).stdout.trim();
    const install = await timed(clone, 'npm', ['ci', '--no-audit', '--no-fund']);
    if (install.status !== 0) return `run ${run}/${runs} (${head}): npm ci failed (exit ${install.status})`;
    const loadBefore = load();
    let unitSeconds: number | undefined;
    // scripts/test-suite.mjs announces its second run when the unit group is done.
    const test = await timed(clone, 'npm', ['test'], (text, started) => {
      if (unitSeconds === undefined && text.includes('── dist and browser')) unitSeconds = seconds(started);
    });
    if (test.status === 0) testSeconds.push(test.seconds);
    return (
      `run ${run}/${runs} (${head}, fresh clone in ${clone}): npm ci ${install.seconds.toFixed(0)} s; npm test ${test.seconds.toFixed(0)} s ` +
      `(units done at ${unitSeconds?.toFixed(0) ?? '?'} s), exit ${test.status}; load average ${loadBefore} before, ${load()} after, on ${availableParallelism()} cores`
    );
  } finally {
    if (!keep) rmSync(clone, { recursive: true, force: true });
  }
}

const lines: string[] = [];
for (let run = 1; run <= runs; run++) lines.push(await timeOneRun(run));
const sorted = [...testSeconds].sort((a, b) => a - b);
if (sorted.length > 0)
  lines.push(
    `median npm test of the ${sorted.length} passing run(s): ${sorted[Math.floor((sorted.length - 1) / 2)]!.toFixed(0)} s`,
  );
console.log(`\n${lines.join('\n')}`);
