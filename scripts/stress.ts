// npm run test:stress [-- --runs N --burners N [file filters]]
// Runs the dist and browser groups again and again with CPU-bound processes beside it, as a busy CI
// machine would, and reports how many runs passed. A suite that is not 10 of 10 here will, sooner
// or later, fail a CI run at random.
import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from './lib/site';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0 || value > 100)
    throw new Error(`invalid --${name}: ${process.argv[at + 1]}`);
  return value;
}

/** A process that keeps one core busy until killed; returns its teardown. */
function startBurner(): () => void {
  const child: ChildProcess = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  return () => child.kill('SIGKILL');
}

/** File filters passed on to vitest (a quick check of this script on one file); none runs the whole suite. */
const filters = process.argv
  .slice(2)
  .filter((arg, i, args) => !arg.startsWith('--') && !['--runs', '--burners'].includes(args[i - 1] ?? ''));

function runBrowserSuite(): Promise<{ passed: boolean; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(
      'node_modules/.bin/vitest',
      ['run', '--project', 'dist', '--project', 'browser', '--reporter', 'dot', ...filters],
      {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: {
          ...process.env,
          VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
          TEST_TIME_SCALE: process.env.TEST_TIME_SCALE ?? String(TIME_SCALE),
        },
      },
    );
    child.on('exit', (code) => resolve({ passed: code === 0, seconds: Math.round((Date.now() - started) / 1000) }));
  });
}

/** Three busy processes beside two cores: every test's budget is this many times its idle one. */
const TIME_SCALE = 4;
const runs = option('runs', 10);
const burners = option('burners', 3);
const besideIt = `${burners} CPU-bound process${burners === 1 ? '' : 'es'} beside it`;
const stops = Array.from({ length: burners }, startBurner);
const stopAll = () => stops.forEach((stop) => stop());
process.on('SIGINT', () => {
  stopAll();
  process.exit(130);
});
let passed = 0;
try {
  for (let run = 1; run <= runs; run++) {
    const result = await runBrowserSuite();
    if (result.passed) passed++;
    console.log(
      `stress run ${run}/${runs}: ${result.passed ? 'passed' : 'FAILED'} in ${result.seconds} s (${besideIt})`,
    );
  }
} finally {
  stopAll();
}
console.log(
  `stress: ${passed} of ${runs} runs of the ${filters.length > 0 ? `filtered suite (${filters.join(' ')})` : 'dist and browser suite'} passed, ${besideIt}`,
);
process.exit(passed === runs ? 0 : 1);
