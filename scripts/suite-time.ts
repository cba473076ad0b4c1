// npm run bench:suite [-- --runs N]
// Times the README's test command (`npm test`) end to end, N runs in a row (default 1), and prints
// each run's wall time, when its unit group finished, and the load average before it started, so a
// time measured on a busy machine says so. Timing lives here, never in a test.
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { ROOT } from './lib/site';

const at = process.argv.indexOf('--runs');
const runs = at >= 0 ? Number(process.argv[at + 1]) : 1;
if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new Error(`invalid --runs: ${process.argv[at + 1]}`);

function timeOneRun(): Promise<{ seconds: number; unitSeconds?: number; status: number | null }> {
  const started = performance.now();
  let unitSeconds: number | undefined;
  return new Promise((resolve) => {
    const child = spawn('npm', ['test'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      process.stdout.write(text);
      // scripts/test-suite.mjs announces its second run when the unit group is done.
      if (unitSeconds === undefined && text.includes('── dist and browser')) unitSeconds = (performance.now() - started) / 1000;
    });
    child.on('exit', (status) => resolve({ seconds: (performance.now() - started) / 1000, unitSeconds, status }));
  });
}

const lines: string[] = [];
for (let run = 1; run <= runs; run++) {
  const load = loadavg()[0]!.toFixed(1);
  const result = await timeOneRun();
  lines.push(`npm test run ${run}/${runs}: ${result.seconds.toFixed(0)} s (units done at ${result.unitSeconds?.toFixed(0) ?? '?'} s), exit ${result.status}, load average ${load} on ${availableParallelism()} cores before it`);
}
console.log(`\n${lines.join('\n')}`);
