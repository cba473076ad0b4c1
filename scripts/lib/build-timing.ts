import { spawn } from 'node:child_process';

/**
 * Runs `npm run build` exactly as a developer would (validate-data, tsc --noEmit, vite build with
 * the share images) and returns its wall-clock seconds. A failed build throws with its output's tail.
 */
export function timeNpmBuild(cwd: string): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn('npm', ['run', 'build'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) done(seconds);
      else
        fail(
          new Error(
            `npm run build exited ${code} after ${seconds.toFixed(1)} s:\n${output.split('\n').slice(-30).join('\n')}`,
          ),
        );
    });
  });
}
