import { availableParallelism, loadavg } from 'node:os';

/**
 * How much slower than idle this machine is, for test budgets: TEST_TIME_SCALE when set (npm run
 * test:stress sets it), otherwise the load average per core, at least 1. Conditions are awaited,
 * never slept on, so only the cap moves: on an idle machine the budgets are exactly as written.
 */
export function timeScale(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.TEST_TIME_SCALE) || Math.max(1, Math.ceil(loadavg()[0]! / availableParallelism()));
}
