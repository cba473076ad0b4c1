import { build } from 'vite';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The test run's public address: a subpath, as the site is published, so that a link that forgets
 * the subpath fails. Built in by scripts/build-test-site.ts or tests/support/global-setup.ts.
 */
export const TEST_SITE_URL = 'https://example.org/graphics/gaoping/';

export async function buildSite(outDir = 'dist', env: Record<string, string> = {}): Promise<void> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    await build({ root: ROOT, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  } finally {
    for (const key of Object.keys(env)) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
}
