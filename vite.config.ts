import { defineConfig } from 'vitest/config';

export default defineConfig({
  appType: 'mpa',
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // CI reads the JSON report, not vitest's summary line (see .ci/run).
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
